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

    /// `reading` with `claim` as its value when the rules confirm the claim
    /// by support alone; otherwise `reading` unchanged. A code claim must
    /// pass its own checksum (`isValid`) to become a value.
    func applying(_ claim: String, to reading: FieldReading, isValid: ((String) -> Bool)? = nil) -> FieldReading {
        let isCode = isValid != nil
        func normalized(_ text: String) -> String { isCode ? CodeText.normalized(text) : TextNormalization.normalized(text) }
        let stated = isCode ? CodeText.normalized(claim) : claim
        guard !normalized(stated).isEmpty, normalized(reading.value) != normalized(stated), (reading.support ?? 0) >= policy.minSupport,
              isValid?(stated) ?? true else { return reading }
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
