extension Verdict {
    /// Applies every rule to the documents' outcomes.
    static func assemble(form: ApplicationForm, outcomes: [DocumentSlot: DocumentOutcome], submitted: CalendarDate,
                         policy: CheckPolicy, timingsMs: [String: Int]) -> Verdict {
        var reasons = FormRules(form: form, today: submitted).reasons()
        var usable: [DocumentSlot: DocumentReading] = [:]
        var documents: [DocumentSlot: DocumentEvidence] = [:]
        let documentRules = DocumentRules(policy: policy)
        for slot in DocumentSlot.allCases {
            let outcome = outcomes[slot] ?? .missing(form.file(for: slot))
            let (slotReasons, isUsable) = documentRules.check(slot, outcome)
            reasons += slotReasons
            switch outcome {
            case .read(let file, let reading):
                documents[slot] = DocumentEvidence(file: file, reading: reading)
                if isUsable { usable[slot] = reading }
            case .unreadable(let file, let error):
                documents[slot] = DocumentEvidence(file: file, error: error.description)
            case .failed(let file, let message):
                documents[slot] = DocumentEvidence(file: file, error: message)
            case .missing:
                break
            }
        }
        let context = RuleContext(form: form, submitted: submitted, policy: policy, usable: usable)
        let licenseRules = LicenseRules(context: context)
        reasons += licenseRules.reasons()
        // Licences that print the authority only on its seal: report the
        // seal's confirmed text as the field.
        if let licence = usable[.businessLicense], let authority = licenseRules.authorityFromSeal(licence) {
            documents[.businessLicense]?.reading?.fields["registrationAuthority"] = authority
        }
        reasons += IdentityRules(context: context).reasons()
        reasons += LetterRules(context: context).reasons()
        reasons += CopySealRules(context: context).reasons()
        // A claim the rules confirmed by its support is reported as the
        // field's value, with what was read beside it.
        let confirmed = ConfirmedClaims(policy: policy)
        for slot in usable.keys {
            guard let reading = documents[slot]?.reading else { continue }
            documents[slot]?.reading = confirmed.applying(form.claims(for: slot), to: reading)
        }
        return Verdict(applicationId: form.applicationId ?? "", reasons: reasons, documents: documents, timingsMs: timingsMs)
    }
}
