/// Reports a field the rules confirmed by its support as the value the
/// form claims, keeping the recogniser's text beside it.
///
/// The rules accept a claim the image supports (``ClaimComparison``: support
/// at least ``CheckPolicy/minSupport``) even when the free reading differs
/// in a character the recogniser confuses (鑫 read as 夺). Showing the
/// misreading as the document's value next to a pre-approval would tell a
/// reviewer the opposite of what was decided; so the field's value becomes
/// the claim and ``FieldReading/read`` keeps what was read.
struct ConfirmedClaims {
    let policy: CheckPolicy

    /// `reading` with `claim` as its value when ``ClaimComparison`` (the
    /// rules' own comparison) agrees with a reading that spells it
    /// differently; otherwise `reading` unchanged. A code claim must pass
    /// its own checksum (`isValid`) to become a value.
    func applying(_ claim: String, to reading: FieldReading, isValid: ((String) -> Bool)? = nil) -> FieldReading {
        let comparison = ClaimComparison(policy: policy)
        let stated: String, spelledAlike: Bool, agreement: Agreement
        if let isValid {
            stated = CodeText.normalized(claim)
            guard isValid(stated) else { return reading }
            spelledAlike = CodeText.normalized(reading.value) == stated
            agreement = comparison.code(claim: stated, reading: reading, isValid: isValid)
        } else {
            stated = claim
            spelledAlike = TextNormalization.normalized(reading.value) == TextNormalization.normalized(claim)
            agreement = comparison.text(claim: claim, reading: reading)
        }
        guard !spelledAlike, case .agrees = agreement else { return reading }
        var confirmed = reading
        confirmed.read = reading.value
        confirmed.value = stated
        return confirmed
    }

    /// Every claimed field of `reading` (see ``ApplicationForm/claims(for:)``)
    /// passed through ``applying(_:to:isValid:)``.
    func applying(_ claims: [String: String], to reading: DocumentReading) -> DocumentReading {
        var reading = reading
        for (key, claim) in claims {
            guard let field = reading.fields[key] else { continue }
            reading.fields[key] = applying(claim, to: field, isValid: Self.checksum(for: key))
        }
        return reading
    }

    /// The checksum a code field's value must pass; `nil` for text fields.
    static func checksum(for key: String) -> ((String) -> Bool)? {
        switch key {
        case "creditCode": CreditCode.isValid
        case "idNumber", "agentIdNumber": ResidentIDNumber.isValid
        default: nil
        }
    }
}
