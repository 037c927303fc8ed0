import Foundation
import PrecheckNative

/// Where the company seal goes on the authorization letter.
public enum SealPlacement: String, Sendable, Codable {
    case insideBox, outsideBox, none
}

/// What an authorization letter (法人授权委托书) says.
public struct LetterContent: Sendable, Equatable, Codable {
    public var principalName: String
    public var creditCode: String
    public var legalRepresentative: String
    public var agentName: String
    public var agentIdNumber: String
    /// `YYYY-MM-DD`
    public var termStart: String
    public var termEnd: String
    public var signedOn: String
    public var sealPlacement: SealPlacement
    /// Ring text of the company seal (normally `principalName`).
    public var sealText: String
}

/// Renders the platform's authorization-letter template on A4 portrait:
/// labelled lines for the principal and agent, the term, a dashed box for
/// the company seal, the legal representative's signature and the date.
public struct LetterRenderer: Sendable, PhysicalLayout {
    public var dpi: Int = 200
    public var font: CorpusFont = .serif

    public init(dpi: Int = 200, font: CorpusFont = .serif) {
        self.dpi = dpi
        self.font = font
    }

    public func render(_ content: LetterContent, random: inout SeededRandom) throws -> RenderedDocument {
        var canvas = Canvas(width: mm(210), height: mm(297), background: .white)
        var document = RenderedDocument(canvas: canvas)
        let title = try GlyphRenderer.render("法人授权委托书", font: font, points: 22, dpi: dpi, bold: true)
        canvas.draw(title, x: (canvas.width - title.width) / 2, y: mm(28))

        let left = mm(25)
        var y = mm(52)
        let line = mm(12)
        func labelled(_ label: String, _ key: String?, _ value: String, letterSpacing: Double = 0) throws {
            let labelBox = try canvas.text(label, x: left, y: y, font: font, points: 12, dpi: dpi)
            let box = try canvas.text(value, x: labelBox.maxX + mm(2), y: y, font: font, points: 12, dpi: dpi, letterSpacing: letterSpacing)
            if let key { document.fieldBoxes[key] = box }
            y += line
        }
        try labelled("委托单位：", "principalName", content.principalName)
        try labelled("统一社会信用代码：", nil, content.creditCode, letterSpacing: 0.5)
        try labelled("法定代表人：", nil, content.legalRepresentative)
        try labelled("受托人（代理人）：", "agentName", content.agentName)
        try labelled("身份证号码：", "agentIdNumber", content.agentIdNumber, letterSpacing: 0.5)

        y += mm(4)
        let body = ["　　兹委托上述受托人代表本单位在政府采购云平台办理CA数字证书",
                    "申领、变更、续期及解锁等相关事宜。受托人在办理上述事宜过程中所",
                    "签署的文件和处理的相关事务，本单位均予以承认。受托人无转委托权。"]
        for text in body {
            try canvas.text(text, x: left, y: y, font: font, points: 12, dpi: dpi)
            y += mm(9)
        }
        y += mm(6)
        let termLabel = try canvas.text("委托期限：自", x: left, y: y, font: font, points: 12, dpi: dpi)
        let start = try canvas.text(ChineseDate.format(content.termStart), x: termLabel.maxX + mm(1), y: y, font: font, points: 12, dpi: dpi)
        let to = try canvas.text("至", x: start.maxX + mm(2), y: y, font: font, points: 12, dpi: dpi)
        let end = try canvas.text(ChineseDate.format(content.termEnd), x: to.maxX + mm(2), y: y, font: font, points: 12, dpi: dpi)
        try canvas.text("止", x: end.maxX + mm(1), y: y, font: font, points: 12, dpi: dpi)
        document.fieldBoxes["termStart"] = start
        document.fieldBoxes["termEnd"] = end
        y += mm(22)

        // Signature block with the dashed seal box on the right.
        let sealBox = PixelBox(x: mm(120), y: y - mm(6), width: mm(56), height: mm(56))
        canvas.strokeRect(sealBox, thickness: max(2, mm(0.35)), colour: RGB(90, 90, 90), dash: mm(2.5))
        try canvas.text("（公章处）", x: sealBox.x + mm(18), y: sealBox.maxY - mm(7), font: font, points: 8, dpi: dpi, colour: RGB(140, 140, 140))
        document.sealBox = sealBox
        try canvas.text("委托单位（盖章）：", x: left, y: y + mm(4), font: font, points: 12, dpi: dpi)
        let signatureLabel = try canvas.text("法定代表人（签字）：", x: left, y: y + mm(22), font: font, points: 12, dpi: dpi)
        try canvas.text(content.legalRepresentative, x: signatureLabel.maxX + mm(3), y: y + mm(19), font: .kai,
                        points: Double.random(in: 17...20, using: &random), dpi: dpi, colour: RGB(20, 30, 90))
        let dateLabel = try canvas.text("日　　期：", x: left, y: y + mm(40), font: font, points: 12, dpi: dpi)
        document.fieldBoxes["signedOn"] = try canvas.text(ChineseDate.format(content.signedOn), x: dateLabel.maxX + mm(1),
                                                          y: y + mm(40), font: font, points: 12, dpi: dpi)

        if content.sealPlacement != .none {
            let radius = Double(mm(20))
            let centre: (Double, Double) = content.sealPlacement == .insideBox
                ? (sealBox.centerX + random.uniform(-5...5) * Double(dpi) / 200, sealBox.centerY + random.uniform(-5...5) * Double(dpi) / 200)
                : (Double(mm(50)) + random.uniform(0...20), Double(mm(245)) + random.uniform(0...15))
            var style = SealStyle(ringText: content.sealText, radius: radius)
            style.rotationDegrees = random.uniform(-15...15)
            style.inkStrength = random.uniform(0.7...0.95)
            let box = try SealRenderer.stamp(style, on: &canvas, cx: centre.0, cy: centre.1, random: &random)
            document.seals.append(SealTruth(kind: .company, text: content.sealText, box: box, colour: "red"))
        }
        document.canvas = canvas
        return document
    }
}
