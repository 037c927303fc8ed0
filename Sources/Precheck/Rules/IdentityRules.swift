/// The ID card against the form: the applicant's name and number, and the
/// card's validity on the submission date.
struct IdentityRules {
    let context: RuleContext

    func reasons() -> [Reason] {
        var reasons: [Reason] = []
        let applicant = context.form.applicant
        if context.usable[.idCardFront] != nil {
            let letterAgent = context.field(.authorizationLetter, "agentName")
            var numberAgreement: Agreement?
            if let number = applicant.idNumber, ResidentIDNumber.isValid(number) {
                numberAgreement = context.comparison.code(claim: number, reading: context.field(.idCardFront, "idNumber"),
                                                          others: [context.field(.authorizationLetter, "agentIdNumber")],
                                                          isValid: ResidentIDNumber.isValid)
            }
            if let name = applicant.name, !name.isEmpty {
                let agreement = context.name(claim: name, reading: context.field(.idCardFront, "name"), letter: letterAgent,
                                             code: numberAgreement)
                reasons += context.reasons(for: agreement, code: .applicantNameMismatch, slot: .idCardFront, field: "name", expected: name)
            }
            if let numberAgreement, let number = applicant.idNumber {
                reasons += context.reasons(for: numberAgreement, code: .applicantIDMismatch, slot: .idCardFront, field: "idNumber",
                                           expected: number)
            }
        }
        if context.usable[.idCardFront] != nil { reasons += cardConsistencyReasons() }
        if context.usable[.idCardBack] != nil { reasons += expiryReasons() }
        return reasons
    }

    /// The card's printed birth date and sex against its own number (GB
    /// 11643: digits 7-14 are the birth date, an odd 17th digit is male). A
    /// card that contradicts itself was altered or misread: review, never a
    /// pass. Unread or unsure values decide nothing here — the number itself
    /// is checked against the form above.
    func cardConsistencyReasons() -> [Reason] {
        guard let numberReading = context.field(.idCardFront, "idNumber"),
              let number = try? ResidentIDNumber.validate(numberReading.value) else { return [] }
        let sure = context.policy.minMismatchConfidence
        var reasons: [Reason] = []
        if let birth = context.field(.idCardFront, "birthDate"), birth.confidence >= sure, birth.value != number.birthDate {
            reasons.append(Reason.uncertain(.idCardFront, field: "birthDate", expected: number.birthDate, reading: birth,
                                            detail: ReasonDetail("身份证上的出生日期与身份证号码不符", "the birth date printed on the ID card does not match its number")))
        }
        let numberSex = number.isMale ? "男" : "女"
        if let sex = context.field(.idCardFront, "sex"), sex.confidence >= sure, sex.value != numberSex {
            reasons.append(Reason.uncertain(.idCardFront, field: "sex", expected: numberSex, reading: sex,
                                            detail: ReasonDetail("身份证上的性别与身份证号码不符", "the sex printed on the ID card does not match its number")))
        }
        return reasons
    }

    /// Expired when the end of validity is before `submittedAt`. The dates
    /// must also make a real validity period (5, 10 or 20 years from the
    /// start, or 长期), so that a misread date cannot pass an expired card.
    func expiryReasons() -> [Reason] {
        let untilReading = context.field(.idCardBack, "validUntil")
        guard let untilReading, untilReading.confidence >= context.policy.minMismatchConfidence else {
            return [Reason.uncertain(.idCardBack, field: "validUntil", reading: untilReading)]
        }
        if untilReading.value == "long-term" { return [] }
        guard let until = CalendarDate(iso: untilReading.value) else {
            return [Reason.uncertain(.idCardBack, field: "validUntil", reading: untilReading)]
        }
        if until < context.submitted {
            return [Reason(.idCardExpired, document: .idCardBack, field: "validUntil", expected: "≥ \(context.submitted.iso)",
                           found: until.iso, box: untilReading.box)]
        }
        let from = context.field(.idCardBack, "validFrom").flatMap { CalendarDate(iso: $0.value) }
        let realPeriod = from.map { start in [5, 10, 20].contains { start.adding(years: $0) == until } } ?? false
        if !realPeriod {
            return [Reason.uncertain(.idCardBack, field: "validUntil", reading: untilReading,
                                     detail: ReasonDetail("有效期起止日期不构成 5/10/20 年的期限", "the validity dates do not span 5, 10 or 20 years"))]
        }
        return []
    }
}
