/// The licence against the form: name, credit code, organisation kind,
/// registration authority and its region.
struct LicenseRules {
    let context: RuleContext
    var resolver = RegionResolver()
    var ring = RingTextMatch()

    var organization: ApplicationForm.Organization { context.form.organization }

    func reasons() -> [Reason] {
        var reasons = regionReasons()
        guard let licence = context.usable[.businessLicense] else { return reasons }
        var codeAgreement: Agreement?
        if let code = organization.creditCode, CreditCode.isValid(code) {
            codeAgreement = context.comparison.code(claim: code, reading: licence.fields["creditCode"], isValid: CreditCode.isValid)
        }
        if let name = organization.name, !name.isEmpty {
            // Seed 2046's compressed APP-0240, clean, had been rejected for 荆州晟达 read as 草州蝶达和.
            let agreement = context.name(claim: name, reading: licence.fields["name"],
                                         letter: context.field(.authorizationLetter, "principalName"), code: codeAgreement)
            reasons += context.reasons(for: agreement, code: .companyNameMismatch, slot: .businessLicense, field: "name", expected: name)
        }
        if let codeAgreement, let code = organization.creditCode {
            reasons += context.reasons(for: codeAgreement, code: .creditCodeMismatch, slot: .businessLicense, field: "creditCode",
                                       expected: code)
        }
        reasons += kindReasons(licence)
        reasons += authorityReasons(licence)
        return reasons
    }

    /// The credit code whose division and category the rules use: the
    /// licence's as read, unless only a checksum-guided correction made it
    /// valid (a correction finds *a* valid code, not necessarily the
    /// printed one); then the form's.
    func creditCode(_ licence: DocumentReading?) -> CreditCode? {
        let form = organization.creditCode.flatMap { try? CreditCode.validate($0) }
        if let reading = licence?.fields["creditCode"], let code = try? CreditCode.validate(reading.value),
           reading.correctedFrom == nil || form == nil {
            return code
        }
        return form
    }

    /// Legal entity vs individual business: the form's kind against the
    /// credit code's category and the licence's 类型 line.
    func kindReasons(_ licence: DocumentReading) -> [Reason] {
        guard let kind = organization.kind, ["legal-entity", "individual-business"].contains(kind),
              let code = creditCode(licence) else { return [] }
        let claimsIndividual = kind == "individual-business"
        if code.isIndividualBusiness != claimsIndividual {
            return [Reason(.organizationKindMismatch, document: .businessLicense, field: "creditCode", expected: kind,
                           found: code.isIndividualBusiness ? "individual-business" : "legal-entity", box: licence.fields["creditCode"]?.box,
                           detail: ReasonDetail("统一社会信用代码第2位为\(code.category)", "the credit code's category character is \(code.category)"))]
        }
        if let type = licence.fields["organizationType"], type.confidence >= context.policy.minMismatchConfidence,
           type.value.contains("个体") != claimsIndividual {
            return [Reason(.organizationKindMismatch, document: .businessLicense, field: "organizationType", expected: kind,
                           found: type.value, box: type.box)]
        }
        return []
    }

    /// The form's region must name the place of the form's authority.
    func regionReasons() -> [Reason] {
        guard let authority = organization.registrationAuthority, !authority.isEmpty,
              let region = organization.registrationRegion else { return [] }
        let regionDivisions = resolver.divisions(forRegion: region)
        guard !regionDivisions.isEmpty else { return [] }  // FORM_FIELD_INVALID already
        let authorityDivisions = resolver.divisions(forAuthority: authority)
        guard !authorityDivisions.isEmpty else {
            return [Reason(.fieldUncertain, document: nil, field: "organization.registrationAuthority", found: authority,
                           detail: ReasonDetail("无法从登记机关名称确定其所在地", "the authority's place cannot be told from its name"))]
        }
        if resolver.authority(authorityDivisions, fits: regionDivisions) { return [] }
        return [Reason(.registrationRegionMismatch, document: nil, field: "organization.registrationRegion",
                       expected: authority, found: region.joined(separator: " "))]
    }

    /// The registration authority: the credit code's division is where the
    /// organisation was registered, the authority's seal carries the name.
    /// The claim passes when it fits the division and the seal does not
    /// contradict it; it fails when it does not fit and the seal favours a
    /// neighbouring authority; anything else goes to review.
    func authorityReasons(_ licence: DocumentReading) -> [Reason] {
        guard let claim = organization.registrationAuthority, !claim.isEmpty else { return [] }
        // Some licences print the authority as text: then compare it like a name.
        if let printed = licence.fields["registrationAuthority"], !printed.value.isEmpty {
            let agreement = context.comparison.text(claim: claim, reading: printed)
            if case .agrees = agreement { return [] }
        }
        let claimed = resolver.divisions(forAuthority: claim)
        guard let code = creditCode(licence), !claimed.isEmpty else {
            return [Reason.uncertain(.businessLicense, field: "registrationAuthority", expected: claim, reading: nil)]
        }
        let fitsCode = resolver.division(code.divisionCode, isAmong: claimed)
        let seal = licence.seals.first { $0.kind == .registrationAuthority }
        let sealBox = seal?.box
        // The seal's verdict: support for the claim against the other authorities of the city.
        var favoured: (name: String, lead: Double)?
        var claimSupport = 0.0
        if let seal, let division = claimed.first {
            // Free readings only: readings restricted to the claim's
            // characters favour the claim by design, so they may neither
            // confirm a claim the code does not fit nor score competitors.
            let readings = seal.freeReadings
            claimSupport = ring.support(of: division.name, in: readings)
            // The other counties of the city, and the credit code's own
            // division (which may since have been renamed or merged away).
            var names = resolver.divisions.countiesInUse.filter { $0.prefecture == division.prefecture }.map(\.name)
            if let own = resolver.divisions.division(code.divisionCode) { names.insert(own.name, at: 0) }
            for name in names where name != division.name && !name.isEmpty {
                let lead = ring.support(of: name, in: readings) - claimSupport
                if lead > (favoured?.lead ?? 0) {
                    favoured = (resolver.neighbouringName(of: claim, division: division, replacement: name), lead)
                }
            }
        }
        // The ring's glyphs compared with the claimed name (render and
        // compare): they settle it when the place matches in full, and
        // contradict it when the rest matches but not one character of the place.
        let glyphs = seal?.glyphCheck.flatMap { $0.characters == TextNormalization.normalized(claim) ? $0 : nil }
        let place = Self.place(of: claimed.first)
        let policy = context.policy
        let glyphsConfirm = glyphs.map { confirms($0, place: place) } ?? false
        let glyphsContradict = glyphs.map {
            $0.showsNothingLike(place, minRivals: Int(policy.minContradictingGlyphRivals))
                && $0.share(outside: place, maxRivals: Int(policy.maxGlyphRivals)) >= policy.minAnchorGlyphShare
        } ?? false
        let contradicted = !glyphsConfirm
            && ((favoured?.lead ?? 0) >= context.policy.ringCompetitorMargin || glyphsContradict && !fitsCode)
        let confirmed = glyphsConfirm || !contradicted && claimSupport >= context.policy.minRingSupport
        switch (fitsCode, contradicted, confirmed) {
        case (true, false, _), (false, false, true):
            return []
        case (false, true, _):
            return [Reason(.registrationAuthorityMismatch, document: .businessLicense, field: "registrationAuthority",
                           expected: claim, found: favoured?.name, box: sealBox)]
        default:
            let detail = fitsCode
                ? ReasonDetail("登记机关公章的文字与填写的登记机关不符", "the authority seal's text does not fit the authority on the form")
                : ReasonDetail("填写的登记机关与统一社会信用代码的行政区划不符，且公章无法确认",
                               "the authority on the form does not fit the credit code's division and the seal cannot confirm it")
            return [Reason(.fieldUncertain, document: .businessLicense, field: "registrationAuthority", expected: claim,
                           found: seal?.text, box: sealBox, detail: detail)]
        }
    }
}

extension LicenseRules {
    /// The place part of an authority's division, without its level
    /// (鹤城区 → 鹤城): neighbouring authorities share 区.
    static func place(of division: Division?) -> String {
        let name = division?.name ?? ""
        return name.count > 2 && "区县市旗".contains(name.last!) ? String(name.dropLast()) : name
    }

    /// Whether the ring's glyphs spell the claimed authority: most cells
    /// fit, and every cell of the place fits closely.
    func confirms(_ glyphs: RingGlyphCheck, place: String) -> Bool {
        let policy = context.policy
        return glyphs.share(maxRivals: Int(policy.maxGlyphRivals)) >= policy.minRingGlyphShare
            && glyphs.share(of: place, maxRivals: Int(policy.maxTradeGlyphRivals)) == 1
    }

    /// The registration authority as read from its seal, for licences that
    /// print it only there (the seal's box; the rules report their own
    /// reasons either way):
    /// - the form's authority when the seal's glyphs confirm it, with the
    ///   share of fitting cells as confidence;
    /// - else a free reading of the ring that spells out a whole authority
    ///   name (place and suffix, nothing after) whose division is the
    ///   credit code's: two independent sources agree, and the reading is
    ///   reported as read (it may differ from the form), with
    ///   ``codeAgreementConfidence``;
    /// - else `nil`.
    func authorityFromSeal(_ licence: DocumentReading) -> FieldReading? {
        guard licence.fields["registrationAuthority"] == nil,
              let seal = licence.seals.first(where: { $0.kind == .registrationAuthority }) else { return nil }
        if let claim = organization.registrationAuthority, !claim.isEmpty,
           let glyphs = seal.glyphCheck, glyphs.characters == TextNormalization.normalized(claim),
           let division = resolver.divisions(forAuthority: claim).first, confirms(glyphs, place: Self.place(of: division)) {
            return FieldReading(value: claim, confidence: glyphs.share(maxRivals: Int(context.policy.maxGlyphRivals)), box: seal.box)
        }
        guard let code = creditCode(licence) else { return nil }
        let agreeing = seal.freeReadings.map(TextNormalization.normalized).first { reading in
            guard RegionResolver.authoritySuffixes.contains(where: { reading.hasSuffix($0) }) else { return false }
            let divisions = resolver.divisions(forAuthority: reading)
            return !divisions.isEmpty && resolver.division(code.divisionCode, isAmong: divisions)
        }
        return agreeing.map { FieldReading(value: $0, confidence: Self.codeAgreementConfidence, box: seal.box) }
    }

    /// Confidence of an authority read freely from its seal that names the
    /// credit code's division: ring readings alone are unreliable, but a
    /// misreading that still spells a whole authority of exactly that
    /// division is unlikely.
    static let codeAgreementConfidence = 0.9
}

extension RegionResolver {
    /// `claim` with the place `division.name` replaced by `replacement`.
    func neighbouringName(of claim: String, division: Division, replacement: String) -> String {
        guard let range = claim.range(of: division.name) else { return replacement }
        return claim.replacingCharacters(in: range, with: replacement)
    }
}
