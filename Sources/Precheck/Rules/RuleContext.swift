/// What the cross-document rules work on: the form, the date rules count
/// from, and the documents that were read, are of the right kind and legible.
struct RuleContext {
    let form: ApplicationForm
    let submitted: CalendarDate
    let policy: CheckPolicy
    let usable: [DocumentSlot: DocumentReading]

    var comparison: ClaimComparison { ClaimComparison(policy: policy) }

    func field(_ slot: DocumentSlot, _ key: String) -> FieldReading? {
        usable[slot]?.fields[key]
    }

    /// A name on a document that carries its own code (the licence's credit
    /// code, the ID card's number) against the form's, with the letter's
    /// reading of the same name as a second document. Read unlike the
    /// form's while the document's code and the letter are the form's, the
    /// difference is the recogniser's (a clean 梁浩 read as 上全本, 荆州晟达
    /// as 草州蝶达和): another company's licence or another person's card
    /// would differ in its code too. That goes to review, not rejection.
    func name(claim: String, reading: FieldReading?, letter: FieldReading?, code: Agreement?) -> Agreement {
        let agreement = comparison.text(claim: claim, reading: reading, others: [letter])
        if case .differs(let read) = agreement, case .agrees? = code, case .agrees = comparison.text(claim: claim, reading: letter) {
            return .uncertain(read)
        }
        return agreement
    }

    /// The reason for a claim that disagrees, or for one that could not be decided.
    func reasons(for agreement: Agreement, code: ReasonCode, slot: DocumentSlot, field: String, expected: String?) -> [Reason] {
        switch agreement {
        case .agrees:
            return []
        case .differs(let reading):
            return [Reason(code, document: slot, field: field, expected: expected, found: reading.value, box: reading.box)]
        case .uncertain(let reading):
            return [Reason.uncertain(slot, field: field, expected: expected, reading: reading)]
        }
    }
}

extension Reason {
    /// `FIELD_UNCERTAIN` for a field that was not read, or not surely enough.
    static func uncertain(_ slot: DocumentSlot, field: String?, expected: String? = nil, reading: FieldReading?,
                          detail: ReasonDetail? = nil) -> Reason {
        let why = detail ?? (reading == nil
            ? ReasonDetail("未能识别该字段", "the field could not be found or read")
            : ReasonDetail("识别结果不够可靠", "the reading is not reliable enough to decide"))
        return Reason(.fieldUncertain, document: slot, field: field, expected: expected, found: reading?.value, box: reading?.box, detail: why)
    }
}
