/// The authorization letter: its principal is the licensed company, its
/// agent the applicant, its term long enough, and it carries the company
/// seal, inside the dashed box, naming the company.
struct LetterRules {
    let context: RuleContext
    var ring = RingTextMatch()

    func reasons() -> [Reason] {
        guard let letter = context.usable[.authorizationLetter] else { return [] }
        let form = context.form
        var reasons: [Reason] = []
        // A letter that names the company exactly as the licence reads is
        // fine even when the form differs (that is COMPANY_NAME_MISMATCH).
        let principal = letter.fields["principalName"], licensed = context.field(.businessLicense, "name")
        let matchesLicence = principal != nil && licensed != nil
            && TextNormalization.normalized(principal!.value) == TextNormalization.normalized(licensed!.value)
        if let company = form.organization.name, !company.isEmpty, !matchesLicence {
            reasons += context.reasons(for: context.comparison.text(claim: company, reading: principal, others: [licensed]),
                                       code: .letterCompanyMismatch, slot: .authorizationLetter, field: "principalName", expected: company)
        }
        if let name = form.applicant.name, !name.isEmpty {
            reasons += context.reasons(for: context.comparison.text(claim: name, reading: letter.fields["agentName"],
                                                                             others: [context.field(.idCardFront, "name")]),
                                       code: .letterAgentMismatch, slot: .authorizationLetter, field: "agentName", expected: name)
        }
        if let number = form.applicant.idNumber, ResidentIDNumber.isValid(number) {
            let agreement = context.comparison.code(claim: number, reading: letter.fields["agentIdNumber"],
                                                    others: [context.field(.idCardFront, "idNumber")], isValid: ResidentIDNumber.isValid)
            reasons += context.reasons(for: agreement, code: .letterAgentMismatch, slot: .authorizationLetter, field: "agentIdNumber",
                                       expected: number)
        }
        reasons += termReasons(letter)
        reasons += sealReasons(letter)
        return reasons
    }

    /// The term must end at least one month after submission.
    func termReasons(_ letter: DocumentReading) -> [Reason] {
        let reading = letter.fields["termEnd"]
        guard let end = context.comparison.date(reading) else {
            return [Reason.uncertain(.authorizationLetter, field: "termEnd", reading: reading)]
        }
        let required = context.submitted.adding(months: 1)
        if end < required {
            return [Reason(.letterTermTooShort, document: .authorizationLetter, field: "termEnd", expected: "≥ \(required.iso)",
                           found: end.iso, box: reading?.box)]
        }
        return []
    }

    func sealReasons(_ letter: DocumentReading) -> [Reason] {
        let policy = context.policy
        guard let seal = letter.seals.filter(policy.isStampedSeal).max(by: { $0.score < $1.score }) else {
            return [Reason(.letterSealMissing, document: .authorizationLetter)]
        }
        var reasons: [Reason] = []
        if let inside = seal.insideBox {
            if inside < policy.minSealInsideBox {
                reasons.append(Reason(.letterSealOutsideBox, document: .authorizationLetter, found: String(format: "%.0f%%", inside * 100), box: seal.box))
            }
        } else {
            reasons.append(Reason(.fieldUncertain, document: .authorizationLetter, box: seal.box,
                                  detail: ReasonDetail("未找到盖章虚线框", "the dashed seal box was not found")))
        }
        if let company = context.form.organization.name, !company.isEmpty {
            reasons += CompanySealCheck(policy: policy).reasons(seal, company: company, slot: .authorizationLetter)
        }
        return reasons
    }
}

/// Whether a company seal's ring names the company.
///
/// A name is split into its distinctive part and the anchors other names
/// of the same place share (the place in front, the legal form behind);
/// the trade name is the distinctive part's first two characters.
///
/// Two kinds of evidence, either of which may settle it:
/// - the ring's glyphs compared with the name rendered in the system's
///   fonts (``RingGlyphCheck``): it *confirms* when most cells and every
///   trade-name cell fit their characters (few of the ~400 rivals look as
///   much like them) and no distinctive cell clearly shows another
///   character; it *contradicts* when the anchors fit (the ring is
///   legible and aligned) but every trade-name cell has many rivals, or
///   when the place in front fits closely while the trade name and half
///   the distinctive part clearly show other characters — and no reading
///   supports the distinctive part (in the second case: no reading holds a
///   trade-name character, and none holds half the distinctive part);
/// - Tesseract's readings (free, or restricted to the name's characters):
///   they confirm when they hold enough of the distinctive part, the trade
///   name and what follows it (sister companies share trade names), and
///   the glyphs do not show another character there; they
///   contradict only when a confident restricted reading shows the anchors
///   and hardly any distinctive character appears in any reading.
///
/// Anything between is unknown (manual review).
struct CompanySealCheck {
    let policy: CheckPolicy
    var ring = RingTextMatch()

    enum Finding: Equatable { case confirmed, contradicted, unknown }

    /// The finding and the support (share of the distinctive part found).
    func judge(_ seal: SealEvidence, company: String) -> (finding: Finding, support: Double) {
        let name = TextNormalization.normalized(company)
        let distinctive = ring.distinctivePart(ofCompany: name)
        let constrained = seal.constrainedReadings ?? []
        let free = seal.freeReadings
        // Readings restricted to the name's characters lean towards the
        // name, so only confident ones count for it; and the trade name
        // (the first two distinctive characters, e.g. 云溪 rather than the
        // 物业管理 many companies share) must show too.
        let sure = zip(constrained, seal.constrainedConfidences ?? []).filter { $0.1 >= policy.minRestrictedRingConfidence }.map(\.0)
        let support = ring.support(of: distinctive, in: sure + free)
        let tradeName = String(distinctive.prefix(2))
        let tradeSupport = ring.support(of: tradeName, in: sure + free)
        // Sister companies share the trade name: what follows it must show
        // too, in a free reading (restricted ones lean towards the name).
        let afterTrade = String(distinctive.dropFirst(2))
        let glyphs = seal.glyphCheck.flatMap { $0.characters == name ? $0 : nil }
        let glyphsShowOtherText = (glyphs?.cells(of: distinctive, withAtLeast: Int(policy.minMismatchGlyphRivals)) ?? 0) > 0
        if support >= policy.minRingSupport && tradeSupport >= 0.5
            && (afterTrade.isEmpty || ring.support(of: afterTrade, in: free) >= policy.minRingSupportAfterTradeName) && !glyphsShowOtherText {
            return (.confirmed, support)
        }
        if let glyphs {
            let cells = Int(policy.maxGlyphRivals), tradeCells = Int(policy.maxConfirmingTradeGlyphRivals)
            let distinctiveShare = glyphs.share(of: distinctive, maxRivals: cells)
            if glyphs.share(maxRivals: cells) >= policy.minRingGlyphShare && glyphs.share(of: tradeName, maxRivals: tradeCells) == 1
                && distinctiveShare >= policy.minRingGlyphShare && !glyphsShowOtherText {
                return (.confirmed, distinctiveShare)
            }
            if glyphs.showsNothingLike(tradeName, minRivals: Int(policy.minContradictingGlyphRivals)) && glyphs.share(outside: distinctive, maxRivals: cells) >= policy.minAnchorGlyphShare
                && support <= policy.maxRingContradiction {
                return (.contradicted, distinctiveShare)
            }
            let place = name.range(of: distinctive).map { String(name[..<$0.lowerBound]) } ?? ""
            // Another company may share words after the trade name (管理):
            // here the readings must show no trade-name character and
            // less than would confirm.
            if showsAnotherName(glyphs, place: place, distinctive: distinctive, tradeName: tradeName)
                && tradeSupport < 0.5 && support < policy.minRingSupport {
                return (.contradicted, distinctiveShare)
            }
        }
        // Readings that spell the name's anchors but not its distinctive
        // part contradict it — unless the glyphs show a trade-name cell
        // that fits (a phone photo's genuine seal, sample APP-0004: 越 with
        // no rival, while Tesseract read 温…有限公司 and nothing of 凯越物业管理).
        let anchors = name.replacingOccurrences(of: distinctive, with: "")
        let legible = zip(constrained, seal.constrainedConfidences ?? []).contains { text, confidence in
            confidence >= policy.minMismatchConfidence && RingTextMatch.alignedShare(of: anchors, in: TextNormalization.normalized(text)) >= 0.8
        }
        let glyphsFitTradeName = glyphs.flatMap { $0.fewestRivals(in: tradeName) }.map { $0 <= Int(policy.maxTradeGlyphRivals) } ?? false
        if legible && !anchors.isEmpty && support <= policy.maxRingContradiction && !glyphsFitTradeName { return (.contradicted, support) }
        return (.unknown, support)
    }

    /// Whether the ring is legible at the place in front of the name and
    /// shows other characters where the name's own part should be (see
    /// ``CheckPolicy/maxLegiblePlaceGlyphRivals``).
    func showsAnotherName(_ glyphs: RingGlyphCheck, place: String, distinctive: String, tradeName: String) -> Bool {
        let mismatch = Int(policy.minMismatchGlyphRivals)
        guard place.count >= 2, let placeRivals = glyphs.mostRivals(in: place), placeRivals <= Int(policy.maxLegiblePlaceGlyphRivals),
              let tradeRivals = glyphs.mostRivals(in: tradeName), tradeRivals >= mismatch else { return false }
        return 2 * glyphs.cells(of: distinctive, withAtLeast: mismatch) >= distinctive.count
    }

    /// Reasons for a seal that should carry `company`. With
    /// `reviewWhenUnknown` false (copies, whose seal the letter already
    /// vouches for), only a contradiction counts.
    func reasons(_ seal: SealEvidence, company: String, slot: DocumentSlot, reviewWhenUnknown: Bool = true) -> [Reason] {
        switch judge(seal, company: company).finding {
        case .confirmed:
            return []
        case .contradicted:
            return [Reason(.sealNameMismatch, document: slot, field: "seal", expected: company, found: seal.text, box: seal.box)]
        case .unknown:
            guard reviewWhenUnknown else { return [] }
            return [Reason(.fieldUncertain, document: slot, field: "seal", expected: company, found: seal.text, box: seal.box,
                           detail: ReasonDetail("公章文字无法可靠识别", "the seal's text cannot be read reliably"))]
        }
    }
}
