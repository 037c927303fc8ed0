import Foundation
import PrecheckNative

/// What a business licence says.
public struct LicenseContent: Sendable, Equatable, Codable {
    public var creditCode: String
    public var name: String
    /// The 类型 line as printed, e.g. 有限责任公司(自然人投资或控股) or 个体工商户.
    public var organizationType: String
    public var legalRepresentative: String
    public var registeredCapital: String
    /// `YYYY-MM-DD`
    public var establishedOn: String
    /// `YYYY-MM-DD`, or `nil` for 长期.
    public var termEnd: String?
    public var address: String
    public var businessScope: String
    public var registrationAuthority: String
    /// `YYYY-MM-DD`
    public var issuedOn: String
    /// 个体工商户 layout (经营者, 组成形式, 经营场所, 注册日期).
    public var isIndividualBusiness: Bool
    /// Whether the copy is the 副本 (duplicate).
    public var isDuplicate: Bool = true
}

/// Renders the current national-style business licence (营业执照) on an
/// A4 portrait page.
public struct LicenseRenderer: Sendable, PhysicalLayout {
    public var dpi: Int = 200
    public var font: CorpusFont = .serif

    public init(dpi: Int = 200, font: CorpusFont = .serif) {
        self.dpi = dpi
        self.font = font
    }

    public func render(_ content: LicenseContent, random: inout SeededRandom) throws -> RenderedDocument {
        var canvas = Canvas(width: mm(210), height: mm(297), background: RGB(252, 250, 244))
        var document = RenderedDocument(canvas: canvas)
        let frameColour = RGB(176, 128, 64)
        canvas.strokeRect(PixelBox(x: mm(8), y: mm(8), width: mm(194), height: mm(281)), thickness: mm(2.2), colour: frameColour)
        canvas.strokeRect(PixelBox(x: mm(12), y: mm(12), width: mm(186), height: mm(273)), thickness: mm(0.5), colour: frameColour)

        drawEmblem(on: &canvas, cx: Double(mm(105)), cy: Double(mm(38)), radius: Double(mm(11)))
        let title = try GlyphRenderer.render("营 业 执 照", font: font, points: 34, dpi: dpi, bold: true)
        canvas.draw(title, x: (canvas.width - title.width) / 2, y: mm(53), colour: RGB(30, 30, 30))
        if content.isDuplicate {
            let duplicate = try GlyphRenderer.render("（副　本）", font: font, points: 14, dpi: dpi)
            canvas.draw(duplicate, x: (canvas.width - duplicate.width) / 2, y: mm(72))
        }

        // Credit code block, top left; QR-like block, top right.
        try canvas.text("统一社会信用代码", x: mm(22), y: mm(30), font: font, points: 10.5, dpi: dpi)
        document.fieldBoxes["creditCode"] = try canvas.text(content.creditCode, x: mm(22), y: mm(37), font: font,
                                                            points: 12, dpi: dpi, letterSpacing: 0.5)
        drawQRLikeBlock(on: &canvas, box: PixelBox(x: mm(163), y: mm(24), width: mm(24), height: mm(24)), random: &random)
        try canvas.text("扫描二维码登录“国家企业信用", x: mm(150), y: mm(50), font: font, points: 6, dpi: dpi)
        try canvas.text("信息公示系统”了解更多登记、", x: mm(150), y: mm(54), font: font, points: 6, dpi: dpi)
        try canvas.text("备案、许可、监管信息。", x: mm(150), y: mm(58), font: font, points: 6, dpi: dpi)

        // Fields.
        let labelX = mm(30), valueX = mm(66)
        var y = mm(92)
        let lineHeight = mm(11)
        func field(_ label: String, _ key: String?, _ value: String) throws {
            try canvas.text(label, x: labelX, y: y, font: font, points: 12, dpi: dpi)
            let box = try canvas.text(value, x: valueX, y: y, font: font, points: 12, dpi: dpi)
            if let key { document.fieldBoxes[key] = box }
            y += lineHeight
        }
        let established = ChineseDate.format(content.establishedOn)
        if content.isIndividualBusiness {
            try field("名　　　　称", "name", content.name)
            try field("类　　　　型", "organizationType", content.organizationType)
            try field("经　营　者", "legalRepresentative", content.legalRepresentative)
            try field("组 成 形 式", nil, "个人经营")
            try field("注 册 日 期", "establishedOn", established)
            try field("经 营 场 所", "address", content.address)
        } else {
            try field("名　　　　称", "name", content.name)
            try field("类　　　　型", "organizationType", content.organizationType)
            try field("法定代表人", "legalRepresentative", content.legalRepresentative)
            try field("注 册 资 本", "registeredCapital", content.registeredCapital)
            try field("成 立 日 期", "establishedOn", established)
            try field("营 业 期 限", nil, "\(established) 至 \(content.termEnd.map(ChineseDate.format) ?? "长期")")
            try field("住　　　　所", "address", content.address)
        }
        // Business scope: wrapped to the value column.
        try canvas.text("经 营 范 围", x: labelX, y: y, font: font, points: 12, dpi: dpi)
        let scopeLines = wrap(content.businessScope, charactersPerLine: 22)
        for line in scopeLines.prefix(6) {
            try canvas.text(line, x: valueX, y: y, font: font, points: 11, dpi: dpi)
            y += mm(7.5)
        }

        // Registration authority: label, issue date, and the authority's seal over the date.
        let authorityLabel = try canvas.text("登 记 机 关", x: mm(112), y: mm(228), font: font, points: 12, dpi: dpi)
        let date = try canvas.text(ChineseDate.format(content.issuedOn), x: mm(128), y: mm(262), font: font, points: 12, dpi: dpi)
        document.fieldBoxes["issuedOn"] = date
        var seal = SealStyle(ringText: content.registrationAuthority, radius: Double(mm(20)))
        seal.rotationDegrees = random.uniform(-8...8)
        seal.inkStrength = random.uniform(0.75...0.95)
        let sealBox = try SealRenderer.stamp(seal, on: &canvas, cx: Double(authorityLabel.maxX + mm(14)),
                                             cy: Double(mm(250)), random: &random)
        document.fieldBoxes["registrationAuthority"] = sealBox
        document.seals.append(SealTruth(kind: .registrationAuthority, text: content.registrationAuthority, box: sealBox, colour: "red"))

        try canvas.text("国家企业信用信息公示系统网址：http://www.gsxt.gov.cn", x: mm(30), y: mm(276), font: font, points: 7, dpi: dpi)
        try canvas.text("市场主体应当于每年1月1日至6月30日通过国家企业信用信息公示系统报送公示年度报告。",
                        x: mm(30), y: mm(280), font: font, points: 6.5, dpi: dpi)
        document.canvas = canvas
        return document
    }

    /// The national emblem area: a red disc with a gold ring and stars —
    /// red, round and printed, so seal detection must not take it for a seal.
    func drawEmblem(on canvas: inout Canvas, cx: Double, cy: Double, radius: Double) {
        canvas.ring(cx: cx, cy: cy, innerRadius: 0, outerRadius: radius, colour: RGB(200, 30, 30))
        canvas.ring(cx: cx, cy: cy, innerRadius: radius * 0.82, outerRadius: radius * 0.92, colour: RGB(235, 190, 60))
        for index in 0..<5 {
            let angle = (-60 + Double(index) * 30) * .pi / 180
            let sx = cx + radius * 0.45 * sin(angle) * (index == 2 ? 0 : 1)
            let sy = cy - radius * 0.35 - (index == 2 ? radius * 0.1 : 0)
            let starRadius = index == 2 ? radius * 0.22 : radius * 0.09
            var star: [(Double, Double)] = []
            for point in 0..<10 {
                let a = Double(point) * 36 * .pi / 180
                let r = point % 2 == 0 ? starRadius : starRadius * 0.382
                star.append((sx + r * sin(a), sy - r * cos(a)))
            }
            canvas.polygon(star, colour: RGB(245, 210, 70))
        }
        canvas.fill(PixelBox(x: Int(cx - radius * 0.5), y: Int(cy + radius * 0.2), width: Int(radius), height: Int(radius * 0.25)),
                    colour: RGB(245, 210, 70))
    }

    /// A block of random modules with three finder squares, like a QR code.
    func drawQRLikeBlock(on canvas: inout Canvas, box: PixelBox, random: inout SeededRandom) {
        let modules = 25
        let size = box.width / modules
        for my in 0..<modules {
            for mx in 0..<modules where random.chance(0.5) {
                canvas.paint(PixelBox(x: box.x + mx * size, y: box.y + my * size, width: size, height: size), colour: RGB(25, 25, 25))
            }
        }
        for (fx, fy) in [(0, 0), (modules - 7, 0), (0, modules - 7)] {
            let outer = PixelBox(x: box.x + fx * size, y: box.y + fy * size, width: 7 * size, height: 7 * size)
            canvas.paint(outer, colour: RGB(25, 25, 25))
            canvas.paint(PixelBox(x: outer.x + size, y: outer.y + size, width: 5 * size, height: 5 * size), colour: .white)
            canvas.paint(PixelBox(x: outer.x + 2 * size, y: outer.y + 2 * size, width: 3 * size, height: 3 * size), colour: RGB(25, 25, 25))
        }
    }

    func wrap(_ text: String, charactersPerLine: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for character in text {
            current.append(character)
            if current.count >= charactersPerLine { lines.append(current); current = "" }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}

/// Chinese date formatting for printed documents.
public enum ChineseDate {
    /// `2015-03-12` → `2015年03月12日`.
    public static func format(_ iso: String) -> String {
        let parts = iso.split(separator: "-")
        guard parts.count == 3 else { return iso }
        return "\(parts[0])年\(parts[1])月\(parts[2])日"
    }
}
