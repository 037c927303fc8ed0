/// Company seals stamped on black-and-white copies must name the company.
struct CopySealRules {
    let context: RuleContext

    func reasons() -> [Reason] {
        guard let company = context.form.organization.name, !company.isEmpty else { return [] }
        var reasons: [Reason] = []
        for slot in DocumentSlot.allCases where slot.acceptsSealedCopy {
            guard let evidence = context.usable[slot], evidence.isBlackAndWhiteCopy else { continue }
            let seals = evidence.seals.filter { $0.kind == .company && context.policy.isStampedSeal($0) }
            guard let seal = seals.max(by: { $0.score < $1.score }) else { continue }  // COPY_SEAL_MISSING already
            // The letter's seal check already asks for review when its ring
            // is unreadable; a copy's seal only rejects on a contradiction.
            reasons += CompanySealCheck(policy: context.policy).reasons(seal, company: company, slot: slot, reviewWhenUnknown: false)
        }
        return reasons
    }
}
