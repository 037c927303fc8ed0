import PrecheckNative

/// Turns the read lines of a classified page into the contract's fields.
struct FieldExtractor {
    let page: PageText
    let cleaned: CleanedPage
    let engine: any OCREngine

    func fields(for kind: DocumentKind) throws -> [String: FieldReading] {
        switch kind {
        case .businessLicense, .creditCodeCertificate: try license()
        case .idCardFront: try idCardFront()
        case .idCardBack: idCardBack()
        case .authorizationLetter: try letter()
        case .unknown: [:]
        }
    }

    /// A reading from a labelled value, its box mapped to the upload.
    func reading(_ value: LabelledValue?, transform: (String) -> String? = { $0.isEmpty ? nil : $0 }) -> FieldReading? {
        guard let value, let text = transform(value.text), let box = value.box else { return nil }
        return FieldReading(value: text, confidence: value.confidence, box: cleaned.sourceBox(box))
    }

    func code(_ kind: CodeKind) throws -> FieldReading? {
        guard let code = try CodeReader(kind: kind).read(page: page, cleaned: cleaned, engine: engine) else { return nil }
        return FieldReading(value: code.value, confidence: code.confidence, box: cleaned.sourceBox(code.box), correctedFrom: code.correctedFrom)
    }

    func license() throws -> [String: FieldReading] {
        let values = LabelledFields(catalogue: LabelCatalogue.license).extract(from: page)
        var fields: [String: FieldReading] = [:]
        for key in ["name", "organizationType", "legalRepresentative", "registeredCapital", "address", "registrationAuthority"] {
            fields[key] = reading(values[key])
        }
        fields["establishedOn"] = reading(values["establishedOn"], transform: DateText.normalize)
        fields["creditCode"] = try code(.creditCode)
        fields["issuedOn"] = issueDate()
        return fields
    }

    /// The issue date: the date-only line nearest below 登记机关 (or the last one on the page).
    func issueDate() -> FieldReading? {
        let labelLine = page.lines.last { $0.text.contains("登记机关") || $0.text.contains("登记机") }
        let dated = page.lines.filter { line in
            DateText.firstDate(in: line.text) != nil && line.text.count <= 14 && !line.text.contains("至")
        }
        let candidates = labelLine.map { label in dated.filter { $0.box.y > label.box.y } } ?? dated
        guard let line = candidates.first ?? dated.last, let date = DateText.normalize(line.text) else { return nil }
        return FieldReading(value: date, confidence: line.confidence, box: cleaned.sourceBox(line.box))
    }

    func idCardFront() throws -> [String: FieldReading] {
        let values = LabelledFields(catalogue: LabelCatalogue.idCardFront).extract(from: page)
        var fields: [String: FieldReading] = [:]
        fields["name"] = reading(values["name"])
        fields["sex"] = reading(values["sex"]) { text in text.first.map(String.init).flatMap { ["男", "女"].contains($0) ? $0 : nil } }
        fields["ethnicity"] = reading(values["ethnicity"])
        fields["birthDate"] = reading(values["birthDate"], transform: DateText.normalize)
        fields["address"] = reading(values["address"])
        fields["idNumber"] = try code(.idNumber)
        return fields
    }

    func idCardBack() -> [String: FieldReading] {
        let values = LabelledFields(catalogue: LabelCatalogue.idCardBack).extract(from: page)
        var fields: [String: FieldReading] = [:]
        fields["issuingAuthority"] = reading(values["issuingAuthority"])
        if let validity = values["validity"], let box = validity.box {
            let dates = DateText.dates(in: validity.text)
            let sourceBox = cleaned.sourceBox(box)
            if let from = dates.first {
                fields["validFrom"] = FieldReading(value: from.iso, confidence: validity.confidence, box: sourceBox)
            }
            if validity.text.contains("长期") {
                fields["validUntil"] = FieldReading(value: "long-term", confidence: validity.confidence, box: sourceBox)
            } else if dates.count >= 2 {
                fields["validUntil"] = FieldReading(value: dates[1].iso, confidence: validity.confidence, box: sourceBox)
            }
        }
        return fields
    }

    func letter() throws -> [String: FieldReading] {
        let values = LabelledFields(catalogue: LabelCatalogue.letter).extract(from: page)
        var fields: [String: FieldReading] = [:]
        fields["principalName"] = reading(values["principalName"]) { text in
            // 委托单位（盖章）： is the signature line, not the principal.
            text.isEmpty || text.hasPrefix("(盖章)") || text.hasPrefix("(公章)") ? nil : text
        }
        fields["agentName"] = reading(values["agentName"])
        fields["agentIdNumber"] = try code(.idNumber)
        if let term = values["term"], let box = term.box {
            let dates = DateText.dates(in: term.text)
            if dates.count >= 1 { fields["termStart"] = FieldReading(value: dates[0].iso, confidence: term.confidence, box: cleaned.sourceBox(box)) }
            if dates.count >= 2 { fields["termEnd"] = FieldReading(value: dates[1].iso, confidence: term.confidence, box: cleaned.sourceBox(box)) }
        }
        fields["signedOn"] = reading(values["signedOn"], transform: DateText.normalize)
        return fields
    }
}
