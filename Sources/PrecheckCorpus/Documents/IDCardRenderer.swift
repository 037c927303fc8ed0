import Foundation
import Precheck
import PrecheckNative

/// What a resident identity card (居民身份证) says. Synthetic content only.
public struct IDCardContent: Sendable, Equatable, Codable {
    /// 姓名, e.g. 王明.
    public var name: String
    /// 性别: 男 or 女.
    public var sex: String
    /// 民族, e.g. 汉.
    public var ethnicity: String
    /// 出生, `YYYY-MM-DD`.
    public var birthDate: String
    /// 住址; wraps every 11 characters, as on real cards.
    public var address: String
    /// 公民身份号码, 18 characters.
    public var idNumber: String
    /// 签发机关, e.g. 杭州市公安局拱墅分局.
    public var issuingAuthority: String
    /// Start of 有效期限, `YYYY-MM-DD`.
    public var validFrom: String
    /// End of 有效期限, `YYYY-MM-DD`, or `long-term` for 长期.
    public var validUntil: String

    public init(name: String, sex: String, ethnicity: String, birthDate: String, address: String, idNumber: String,
                issuingAuthority: String, validFrom: String, validUntil: String) {
        self.name = name
        self.sex = sex
        self.ethnicity = ethnicity
        self.birthDate = birthDate
        self.address = address
        self.idNumber = idNumber
        self.issuingAuthority = issuingAuthority
        self.validFrom = validFrom
        self.validUntil = validUntil
    }
}

/// Renders both sides of the second-generation resident identity card
/// (85.6 × 54 mm, rounded corners), and the card as photocopied onto an A4 page.
///
/// Layout follows the real card: blue-grey printed labels with black
/// personalised values on the portrait side (人像面), the emblem and the
/// title on the emblem side (国徽面). The portrait is a plain silhouette.
public struct IDCardRenderer: Sendable, PhysicalLayout {
    public var dpi: Int = 300
    public var font: CorpusFont = .sans

    public init(dpi: Int = 300, font: CorpusFont = .sans) {
        self.dpi = dpi
        self.font = font
    }

    /// Printed (template) label colour.
    static let labelColour = RGB(40, 94, 140)
    /// Personalised (laser-printed) value colour.
    static let valueColour = RGB(24, 24, 26)

    static let labelPoints = 8.5
    static let valuePoints = 9.0

    // MARK: - 人像面

    /// 人像面 (portrait side). fieldBoxes keys: name, sex, ethnicity, birthDate, address, idNumber.
    public func renderFront(_ content: IDCardContent, random: inout SeededRandom) throws -> RenderedDocument {
        var canvas = cardCanvas()
        var background = random.fork()
        paintFrontBackground(on: &canvas, random: &background)
        var document = RenderedDocument(canvas: canvas)
        var writer = CardWriter(renderer: self, random: &random)

        var photo = random.fork()
        drawPortraitPlaceholder(on: &canvas, box: PixelBox(x: mm(54.5), y: mm(6), width: mm(26), height: mm(32)), random: &photo)

        let labelX = mm(6), valueX = mm(15.5)
        let labelSpacing = 1.5
        // 姓名
        try writer.label("姓名", x: labelX, baseline: mm(10.5), letterSpacing: labelSpacing, on: &canvas)
        // Long names (e.g. transliterated ones) shrink to stay clear of the portrait.
        let namePoints = content.name.count > 10 ? max(7, 100 / Double(content.name.count)) : 10
        document.fieldBoxes["name"] = try writer.value(content.name, x: valueX, baseline: mm(10.6), points: namePoints, on: &canvas)
        // 性别 / 民族
        try writer.label("性别", x: labelX, baseline: mm(17), letterSpacing: labelSpacing, on: &canvas)
        document.fieldBoxes["sex"] = try writer.value(content.sex, x: valueX, baseline: mm(17), on: &canvas)
        try writer.label("民族", x: mm(26.5), baseline: mm(17), letterSpacing: labelSpacing, on: &canvas)
        document.fieldBoxes["ethnicity"] = try writer.value(content.ethnicity, x: mm(36.5), baseline: mm(17), on: &canvas)
        // 出生 YYYY 年 M 月 D 日: 年月日 are part of the printed template.
        let birthBaseline = mm(23.5)
        try writer.label("出生", x: labelX, baseline: birthBaseline, letterSpacing: labelSpacing, on: &canvas)
        if let (year, month, day) = Self.dateParts(content.birthDate) {
            var box = try writer.value(year, x: valueX, baseline: birthBaseline, on: &canvas)
            let gap = mm(1.3)
            for (index, piece) in ["年", String(month), "月", String(day), "日"].enumerated() {
                let x = box.maxX + gap
                let drawn = index % 2 == 0
                    ? try writer.label(piece, x: x, baseline: birthBaseline, on: &canvas)
                    : try writer.value(piece, x: x, baseline: birthBaseline, on: &canvas)
                box = box.union(drawn)
            }
            document.fieldBoxes["birthDate"] = box
        } else {
            document.fieldBoxes["birthDate"] = try writer.value(content.birthDate, x: valueX, baseline: birthBaseline, on: &canvas)
        }
        // 住址, 11 characters a line.
        let addressLines = Self.wrap(content.address, charactersPerLine: 11, maxLines: 4)
        let addressStep = addressLines.count > 3 ? 3.8 : 4.6
        try writer.label("住址", x: labelX, baseline: mm(30), letterSpacing: labelSpacing, on: &canvas)
        var addressBox: PixelBox?
        for (index, line) in addressLines.enumerated() {
            let box = try writer.value(line, x: valueX, baseline: mm(30 + Double(index) * addressStep), on: &canvas)
            addressBox = addressBox.map { $0.union(box) } ?? box
        }
        if let addressBox { document.fieldBoxes["address"] = addressBox }
        // 公民身份号码, then the number, letter-spaced.
        let numberBaseline = mm(47.6)
        try writer.label("公民身份号码", x: labelX, baseline: numberBaseline, on: &canvas)
        let numberX = mm(28.5)
        document.fieldBoxes["idNumber"] = try writer.value(content.idNumber, x: numberX, baseline: numberBaseline, points: 11,
                                                           letterSpacing: 0.8, on: &canvas)

        var finish = random.fork()
        finishCard(&canvas, random: &finish)
        document.canvas = canvas
        return document
    }

    // MARK: - 国徽面

    /// 国徽面 (emblem side). fieldBoxes keys: issuingAuthority, validFrom, validUntil.
    public func renderBack(_ content: IDCardContent, random: inout SeededRandom) throws -> RenderedDocument {
        var canvas = cardCanvas()
        var background = random.fork()
        paintBackBackground(on: &canvas, random: &background)
        var document = RenderedDocument(canvas: canvas)
        var writer = CardWriter(renderer: self, random: &random)

        drawEmblem(on: &canvas, cx: Double(mm(14.2)), cy: Double(mm(12.8)), radius: Double(mm(8.2)))

        // Title, spread over the width right of the emblem.
        let titleX = mm(29), titleWidth = mm(79.5) - titleX
        let titleColour = RGB(30, 30, 34)
        let country = "中华人民共和国", card = "居民身份证"
        try writer.text(country, x: titleX, baseline: mm(13.2), points: 13, bold: true, colour: titleColour,
                        letterSpacing: try fittedSpacing(country, points: 13, bold: true, width: titleWidth, limit: 12), on: &canvas)
        try writer.text(card, x: titleX, baseline: mm(27.4), points: 22, bold: true, colour: titleColour,
                        letterSpacing: try fittedSpacing(card, points: 22, bold: true, width: titleWidth, limit: 20), on: &canvas)

        // 签发机关, on one line or two.
        let labelX = mm(14), valueX = mm(29.5)
        let labelColour = RGB(40, 40, 46)
        let validityBaseline = mm(48.2)
        let authorityLines = Self.wrap(content.issuingAuthority, charactersPerLine: 15, maxLines: 2)
        let authorityBaseline = mm(41.4) - (authorityLines.count > 1 ? mm(4.4) : 0)
        try writer.text("签发机关", x: labelX, baseline: authorityBaseline, points: Self.labelPoints, colour: labelColour,
                        letterSpacing: 0.2, on: &canvas)
        var authorityBox: PixelBox?
        for (index, line) in authorityLines.enumerated() {
            let box = try writer.value(line, x: valueX, baseline: authorityBaseline + index * mm(4.4), on: &canvas)
            authorityBox = authorityBox.map { $0.union(box) } ?? box
        }
        if let authorityBox { document.fieldBoxes["issuingAuthority"] = authorityBox }

        // 有效期限 YYYY.MM.DD-YYYY.MM.DD (or -长期), drawn in three pieces so each date has its box.
        try writer.text("有效期限", x: labelX, baseline: validityBaseline, points: Self.labelPoints, colour: labelColour,
                        letterSpacing: 0.2, on: &canvas)
        let from = try writer.value(Self.dotted(content.validFrom), x: valueX, baseline: validityBaseline, on: &canvas)
        let dash = try writer.value("-", x: from.maxX + mm(0.35), baseline: validityBaseline, on: &canvas)
        let until = content.validUntil == "long-term" ? "长期" : Self.dotted(content.validUntil)
        let untilBox = try writer.value(until, x: dash.maxX + mm(0.35), baseline: validityBaseline, on: &canvas)
        document.fieldBoxes["validFrom"] = from
        document.fieldBoxes["validUntil"] = untilBox

        var finish = random.fork()
        finishCard(&canvas, random: &finish)
        document.canvas = canvas
        return document
    }

    // MARK: - On a page

    /// The card placed on a white A4 portrait page (scan of a photocopy-style page) at `pageDPI`,
    /// at a random position in the upper half, boxes shifted accordingly.
    public func onScanPage(_ card: RenderedDocument, pageDPI: Int = 200, random: inout SeededRandom) throws -> RenderedDocument {
        func pageMM(_ value: Double) -> Int { Int((value * Double(pageDPI) / 25.4).rounded()) }
        let scale = Double(pageDPI) / Double(dpi)
        let raster = try card.canvas.raster.resized(by: scale)
        var page = Canvas(width: pageMM(210), height: pageMM(297), background: .white)
        let margin = pageMM(18)
        let left = Int(random.uniform(Double(margin)...Double(max(margin, page.width - raster.width - margin))))
        let top = Int(random.uniform(Double(margin)...Double(max(margin, page.height / 2 - raster.height))))

        // A faint shadow along the lower right edge, as a card lying on the glass casts.
        let radius = 3.2 * Double(pageDPI) / 25.4
        let shadowOffset = max(1, Double(pageDPI) / 150)
        let shadowAlpha = random.uniform(0.10...0.22)
        for y in max(0, top - 2)..<min(page.height, top + raster.height + 6) {
            for x in max(0, left - 2)..<min(page.width, left + raster.width + 6) {
                let px = Double(x - left) + 0.5, py = Double(y - top) + 0.5
                let own = Self.roundedRectDistance(px, py, width: Double(raster.width), height: Double(raster.height), radius: radius)
                guard own > 0 else { continue }
                let cast = Self.roundedRectDistance(px - shadowOffset, py - shadowOffset, width: Double(raster.width),
                                                    height: Double(raster.height), radius: radius)
                let strength = max(0, min(1, 1 - (cast + 1.5) / 4))
                if strength > 0 { page.blend(x: x, y: y, colour: RGB(90, 90, 95), alpha: shadowAlpha * strength) }
            }
        }
        // The card itself, multiplied in so its white corners disappear into the page.
        for y in 0..<raster.height where top + y < page.height {
            for x in 0..<raster.width where left + x < page.width {
                let source = (y * raster.width + x) * raster.channels
                let colour = raster.channels == 3
                    ? RGB(raster.pixels[source], raster.pixels[source + 1], raster.pixels[source + 2])
                    : RGB(raster.pixels[source], raster.pixels[source], raster.pixels[source])
                page.blend(x: left + x, y: top + y, colour: colour, alpha: 1)
            }
        }

        func moved(_ box: PixelBox) -> PixelBox {
            PixelBox(x: left + Int((Double(box.x) * scale).rounded()), y: top + Int((Double(box.y) * scale).rounded()),
                     width: max(1, Int((Double(box.width) * scale).rounded())),
                     height: max(1, Int((Double(box.height) * scale).rounded())))
        }
        var document = RenderedDocument(canvas: page)
        document.fieldBoxes = card.fieldBoxes.mapValues(moved)
        document.seals = card.seals.map { seal in
            var seal = seal
            seal.box = moved(seal.box)
            return seal
        }
        document.sealBox = card.sealBox.map(moved)
        return document
    }

    // MARK: - Text placement

    /// Draws text on a shared baseline with a little per-line jitter.
    ///
    /// Pango's boxes are ink boxes, so placement is by baseline: CJK ink
    /// ends about 0.085 em below it, digits stand on it, a lone hyphen is
    /// centred about 0.3 em above it. `letterSpacing` is in points here;
    /// Pango takes it in device pixels, so it is converted at the card's dpi.
    struct CardWriter {
        let renderer: IDCardRenderer
        var jitter: SeededRandom
        /// Whole-card print registration offset, pixels.
        let offsetX: Int, offsetY: Int

        /// A writer with its own jitter stream and a registration offset of up to ±2 px.
        init(renderer: IDCardRenderer, random: inout SeededRandom) {
            self.renderer = renderer
            jitter = random.fork()
            offsetX = Int(random.uniform(-2.49...2.49))
            offsetY = Int(random.uniform(-2.49...2.49))
        }

        @discardableResult
        mutating func text(_ string: String, x: Int, baseline: Int, points: Double, bold: Bool = false, colour: RGB,
                           letterSpacing: Double = 0, on canvas: inout Canvas) throws -> PixelBox {
            // Nothing to draw: an empty box on the baseline.
            guard string.contains(where: { !$0.isWhitespace }) else {
                return PixelBox(x: x + offsetX, y: baseline + offsetY, width: 0, height: 0)
            }
            let spacing = letterSpacing * Double(renderer.dpi) / 72
            let glyphs = try GlyphRenderer.render(string, font: renderer.font, points: points, dpi: renderer.dpi,
                                                  bold: bold, letterSpacing: spacing)
            let em = points * Double(renderer.dpi) / 72
            let top: Int
            if string.unicodeScalars.contains(where: { $0.value >= 0x2E80 }) {
                top = baseline + Int((0.085 * em).rounded()) - glyphs.height
            } else if string.allSatisfy({ "-–—~".contains($0) }) {
                top = baseline - Int((0.3 * em).rounded()) - glyphs.height / 2
            } else {
                top = baseline - glyphs.height
            }
            let dx = Int(jitter.uniform(-1.49...1.49)), dy = Int(jitter.uniform(-1.49...1.49))
            return try canvas.text(string, x: x + offsetX + dx, y: top + offsetY + dy, font: renderer.font, points: points,
                                   dpi: renderer.dpi, bold: bold, colour: colour, letterSpacing: spacing)
        }

        @discardableResult
        mutating func label(_ string: String, x: Int, baseline: Int, letterSpacing: Double = 0,
                            on canvas: inout Canvas) throws -> PixelBox {
            try text(string, x: x, baseline: baseline, points: IDCardRenderer.labelPoints, colour: IDCardRenderer.labelColour,
                     letterSpacing: letterSpacing, on: &canvas)
        }

        mutating func value(_ string: String, x: Int, baseline: Int, points: Double = IDCardRenderer.valuePoints,
                            letterSpacing: Double = 0, on canvas: inout Canvas) throws -> PixelBox {
            try text(string, x: x, baseline: baseline, points: points, colour: IDCardRenderer.valueColour,
                     letterSpacing: letterSpacing, on: &canvas)
        }
    }

    /// Letter spacing (points, for ``CardWriter``) that stretches `text` to about `width` pixels, at most `limit`.
    func fittedSpacing(_ text: String, points: Double, bold: Bool, width: Int, limit: Double) throws -> Double {
        let natural = try GlyphRenderer.render(text, font: font, points: points, dpi: dpi, bold: bold).width
        let gaps = max(1, text.count - 1)
        let pixels = Double(width - natural) / Double(gaps)
        return max(0, min(limit, pixels * 72 / Double(dpi)))
    }

    // MARK: - Card surface

    func cardCanvas() -> Canvas {
        Canvas(width: mm(85.6), height: mm(54), background: .white)
    }

    /// Pale blue-grey at the top fading to cream at the bottom, crossed by fine wavy guilloche lines.
    func paintFrontBackground(on canvas: inout Canvas, random: inout SeededRandom) {
        let top = Self.tinted(RGB(222, 233, 240), &random), bottom = Self.tinted(RGB(244, 239, 224), &random)
        paintGradient(on: &canvas, top: top, bottom: bottom)
        let phase = random.uniform(0...(2 * .pi))
        let spacing = Double(mm(1.15)), wavelength = Double(mm(23)), amplitude = Double(mm(1.6))
        let blue = RGB(150, 184, 214), rose = RGB(222, 178, 186)
        for y in 0..<canvas.height {
            for x in 0..<canvas.width {
                let fx = Double(x), fy = Double(y)
                let a = fy + amplitude * sin(fx * 2 * .pi / wavelength + phase)
                let b = fy + amplitude * sin(fx * 2 * .pi / (wavelength * 1.37) + phase + 2.1) + spacing / 2
                let fa = Self.lineCoverage(a, spacing: spacing, width: 0.9)
                let fb = Self.lineCoverage(b, spacing: spacing * 1.9, width: 0.8)
                if fa > 0 { canvas.blend(x: x, y: y, colour: blue, alpha: 0.09 * fa) }
                if fb > 0 { canvas.blend(x: x, y: y, colour: rose, alpha: 0.08 * fb) }
            }
        }
    }

    /// Near-white, with a guilloche rosette and a faint wall-and-ridge line across the lower half.
    func paintBackBackground(on canvas: inout Canvas, random: inout SeededRandom) {
        let top = Self.tinted(RGB(240, 243, 244), &random), bottom = Self.tinted(RGB(246, 242, 232), &random)
        paintGradient(on: &canvas, top: top, bottom: bottom)
        let phase = random.uniform(0...(2 * .pi))
        let spacing = Double(mm(1.4)), wavelength = Double(mm(31)), amplitude = Double(mm(2.2))
        let green = RGB(170, 206, 196)
        for y in 0..<canvas.height {
            for x in 0..<canvas.width {
                let v = Double(y) + amplitude * sin(Double(x) * 2 * .pi / wavelength + phase)
                let f = Self.lineCoverage(v, spacing: spacing, width: 0.9)
                if f > 0 { canvas.blend(x: x, y: y, colour: green, alpha: 0.08 * f) }
            }
        }
        rosette(on: &canvas, cx: Double(mm(54)), cy: Double(mm(36)), maxRadius: Double(mm(17)),
                colour: RGB(214, 180, 170), alpha: 0.1, phase: phase)
        // A stylised Great Wall winding over a ridge: a band with battlements and a few towers, very faint.
        let wall = RGB(172, 194, 212)
        let left = Double(mm(3)), right = Double(canvas.width - mm(3))
        func ridge(_ x: Double) -> Double {
            Double(mm(34.3)) + Double(mm(2)) * sin(x / Double(mm(13)) + phase) + Double(mm(0.8)) * sin(x / Double(mm(4.5)) + 1)
        }
        let thickness = Double(mm(1.4))
        var outline: [(Double, Double)] = []
        var x = left
        while x <= right { outline.append((x, ridge(x))); x += 2 }
        outline += outline.reversed().map { ($0.0, $0.1 + thickness) }
        canvas.polygon(outline, colour: wall, alpha: 0.16)
        x = left
        var merlon = 0
        while x < right {
            let height = merlon % 9 == 4 ? Double(mm(2.4)) : Double(mm(0.6))
            let width = merlon % 9 == 4 ? mm(1.8) : mm(0.7)
            canvas.fill(PixelBox(x: Int(x), y: Int(ridge(x) - height), width: width, height: Int(height)), colour: wall, alpha: 0.16)
            x += Double(merlon % 9 == 4 ? mm(2.6) : mm(1.4))
            merlon += 1
        }
    }

    func paintGradient(on canvas: inout Canvas, top: RGB, bottom: RGB) {
        for y in 0..<canvas.height {
            let t = Double(y) / Double(max(1, canvas.height - 1))
            func mix(_ a: UInt8, _ b: UInt8) -> UInt8 { UInt8((Double(a) * (1 - t) + Double(b) * t).rounded()) }
            canvas.paint(PixelBox(x: 0, y: y, width: canvas.width, height: 1),
                         colour: RGB(mix(top.r, bottom.r), mix(top.g, bottom.g), mix(top.b, bottom.b)))
        }
    }

    /// Concentric rings whose radius swings with the angle, like the rosettes of security printing.
    func rosette(on canvas: inout Canvas, cx: Double, cy: Double, maxRadius: Double, colour: RGB, alpha: Double, phase: Double) {
        let spacing = Double(mm(1.3)), swing = Double(mm(0.9))
        let r = Int(maxRadius + swing + 2)
        for y in max(0, Int(cy) - r)..<min(canvas.height, Int(cy) + r) {
            for x in max(0, Int(cx) - r)..<min(canvas.width, Int(cx) + r) {
                let dx = Double(x) - cx, dy = Double(y) - cy
                let distance = (dx * dx + dy * dy).squareRoot()
                guard distance < maxRadius else { continue }
                let angle = atan2(dy, dx)
                let a = distance + swing * sin(12 * angle + phase)
                let b = distance + swing * sin(12 * angle + phase + .pi)
                let fade = 1 - distance / maxRadius
                let f = max(Self.lineCoverage(a, spacing: spacing, width: 0.9), Self.lineCoverage(b, spacing: spacing, width: 0.9))
                if f > 0 { canvas.blend(x: x, y: y, colour: colour, alpha: alpha * f * min(1, fade * 2.5)) }
            }
        }
    }

    /// The portrait area: a lighter field with a grey-blue head-and-shoulders silhouette (no photo).
    func drawPortraitPlaceholder(on canvas: inout Canvas, box: PixelBox, random: inout SeededRandom) {
        canvas.fill(box, colour: RGB(246, 248, 251), alpha: 0.6)
        let silhouette = Self.tinted(RGB(168, 182, 202), &random)
        let w = Double(box.width), h = Double(box.height)
        let cx = Double(box.x) + w / 2 + random.uniform(-2...2)
        let headY = Double(box.y) + h * 0.4, shouldersY = Double(box.maxY) + h * 0.04
        /// Whether a point is inside head, neck or shoulders.
        func inside(_ x: Double, _ y: Double) -> Bool {
            let hx = (x - cx) / (w * 0.2), hy = (y - headY) / (h * 0.215)
            if hx * hx + hy * hy <= 1 { return true }
            if abs(x - cx) <= w * 0.1, y >= headY, y <= shouldersY - h * 0.3 { return true }
            let sx = (x - cx) / (w * 0.5), sy = (y - shouldersY) / (h * 0.36)
            return sx * sx + sy * sy <= 1
        }
        // One blend per pixel, 3×3 samples for smooth edges.
        for y in box.y..<box.maxY {
            for x in box.x..<box.maxX {
                var hits = 0
                for sy in 0..<3 {
                    for sx in 0..<3 where inside(Double(x) + (Double(sx) + 0.5) / 3, Double(y) + (Double(sy) + 0.5) / 3) { hits += 1 }
                }
                if hits > 0 { canvas.blend(x: x, y: y, colour: silhouette, alpha: Double(hits) / 9) }
            }
        }
    }

    /// A red disc with a gold rim, one large and four small stars, a gate and a cogwheel base:
    /// a printed stand-in for the national emblem.
    ///
    /// Inks multiply, so gold cannot be printed over red: the gold is drawn
    /// on white first, the red filled in around it, and the result printed.
    func drawEmblem(on canvas: inout Canvas, cx: Double, cy: Double, radius: Double) {
        let red = RGB(206, 38, 36), gold = RGB(244, 204, 80)
        let side = Int(2 * radius) + 6
        var plate = Canvas(width: side, height: side, background: .white)
        let c = Double(side) / 2
        plate.ring(cx: c, cy: c, innerRadius: radius * 0.84, outerRadius: radius * 0.9, colour: gold)
        // Ears of grain around the rim: short gold strokes.
        for index in 0..<30 {
            let angle = Double(index) / 30 * 2 * .pi
            let inner = radius * 0.92, outer = radius * 0.985
            plate.line(from: (c + inner * cos(angle), c + inner * sin(angle)),
                       to: (c + outer * cos(angle + 0.07), c + outer * sin(angle + 0.07)),
                       thickness: max(1.5, radius * 0.04), colour: gold)
        }
        let bigStar = (c, c - radius * 0.44)
        plate.polygon(Self.star(cx: bigStar.0, cy: bigStar.1, radius: radius * 0.2, rotation: 0), colour: gold)
        for angle in [-64.0, -30, 30, 64] {
            let a = angle * .pi / 180
            let sx = bigStar.0 + radius * 0.42 * sin(a), sy = bigStar.1 + radius * 0.3 - radius * 0.42 * cos(a) * 0.6
            plate.polygon(Self.star(cx: sx, cy: sy, radius: radius * 0.075, rotation: a), colour: gold)
        }
        // Gate: two roofs, body with three openings, base.
        let gateTop = c + radius * 0.0
        plate.polygon([(c - radius * 0.46, gateTop + radius * 0.1), (c - radius * 0.34, gateTop), (c + radius * 0.34, gateTop),
                       (c + radius * 0.46, gateTop + radius * 0.1)], colour: gold)
        plate.fill(PixelBox(x: Int(c - radius * 0.36), y: Int(gateTop + radius * 0.1), width: Int(radius * 0.72),
                            height: Int(radius * 0.06)), colour: gold)
        plate.polygon([(c - radius * 0.56, gateTop + radius * 0.24), (c - radius * 0.44, gateTop + radius * 0.16),
                       (c + radius * 0.44, gateTop + radius * 0.16), (c + radius * 0.56, gateTop + radius * 0.24)], colour: gold)
        let body = PixelBox(x: Int(c - radius * 0.46), y: Int(gateTop + radius * 0.24), width: Int(radius * 0.92),
                            height: Int(radius * 0.2))
        plate.fill(body, colour: gold)
        for offset in [-0.26, -0.09, 0.09, 0.26] {
            plate.paint(PixelBox(x: Int(c + radius * (offset - 0.03)), y: Int(gateTop + radius * 0.31), width: max(2, Int(radius * 0.06)),
                                 height: Int(radius * 0.13)), colour: .white)
        }
        plate.fill(PixelBox(x: Int(c - radius * 0.6), y: body.maxY + 1, width: Int(radius * 1.2), height: max(2, Int(radius * 0.06))),
                   colour: gold)
        // Cogwheel at the bottom, with ribbons either side.
        let cogY = c + radius * 0.66
        plate.ring(cx: c, cy: cogY, innerRadius: radius * 0.05, outerRadius: radius * 0.14, colour: gold)
        for index in 0..<10 {
            let a = Double(index) / 10 * 2 * .pi
            plate.line(from: (c + radius * 0.12 * cos(a), cogY + radius * 0.12 * sin(a)),
                       to: (c + radius * 0.19 * cos(a), cogY + radius * 0.19 * sin(a)), thickness: radius * 0.05, colour: gold)
        }
        plate.line(from: (c - radius * 0.66, cogY - radius * 0.1), to: (c - radius * 0.24, cogY + radius * 0.04),
                   thickness: radius * 0.08, colour: gold)
        plate.line(from: (c + radius * 0.24, cogY + radius * 0.04), to: (c + radius * 0.66, cogY - radius * 0.1),
                   thickness: radius * 0.08, colour: gold)

        // Red around the gold, inside the disc; then print the plate.
        let left = Int(cx - c), top = Int(cy - c)
        for y in 0..<side {
            for x in 0..<side {
                let dx = Double(x) + 0.5 - c, dy = Double(y) + 0.5 - c
                let disc = max(0, min(1, radius + 0.5 - (dx * dx + dy * dy).squareRoot()))
                guard disc > 0 else { continue }
                let index = (y * side + x) * 3
                let goldness = max(0, min(1, Double(255 - Int(plate.raster.pixels[index + 2])) / Double(255 - Int(gold.b))))
                func mix(_ a: UInt8, _ b: UInt8) -> UInt8 { UInt8((Double(a) * (1 - goldness) + Double(b) * goldness).rounded()) }
                canvas.blend(x: left + x, y: top + y, colour: RGB(mix(red.r, gold.r), mix(red.g, gold.g), mix(red.b, gold.b)),
                             alpha: disc * 0.95)
            }
        }
    }

    /// Grain, rounded corners (white outside) and the thin edge of the card.
    func finishCard(_ canvas: inout Canvas, random: inout SeededRandom) {
        var state = random.next()
        let w = Double(canvas.width), h = Double(canvas.height), radius = Double(mm(3.2))
        let edge = RGB(176, 178, 184)
        for y in 0..<canvas.height {
            for x in 0..<canvas.width {
                // Fine print grain, ±2 levels.
                state = state &* 6364136223846793005 &+ 1442695040888963407
                let grain = Int((state >> 61) & 0x7) / 2 - 2
                let index = (y * canvas.width + x) * 3
                if grain != 0 {
                    for channel in 0..<3 {
                        canvas.raster.pixels[index + channel] = UInt8(max(0, min(255, Int(canvas.raster.pixels[index + channel]) + grain)))
                    }
                }
                let distance = Self.roundedRectDistance(Double(x) + 0.5, Double(y) + 0.5, width: w, height: h, radius: radius)
                guard distance > -2.2 else { continue }
                if distance < -0.4 {
                    canvas.blend(x: x, y: y, colour: edge, alpha: max(0, min(1, 2.2 + distance)) * 0.7)
                } else {
                    let outside = max(0, min(1, distance + 0.6))
                    for channel in 0..<3 {
                        let value = Double(canvas.raster.pixels[index + channel])
                        canvas.raster.pixels[index + channel] = UInt8((value * (1 - outside) + 255 * outside).rounded())
                    }
                    if outside < 1 { canvas.blend(x: x, y: y, colour: edge, alpha: 0.7 * (1 - outside)) }
                }
            }
        }
    }

    // MARK: - Helpers

    /// Signed distance (pixels) from a point to a `width`×`height` rectangle with rounded corners; negative inside.
    static func roundedRectDistance(_ px: Double, _ py: Double, width: Double, height: Double, radius: Double) -> Double {
        let qx = abs(px - width / 2) - (width / 2 - radius), qy = abs(py - height / 2) - (height / 2 - radius)
        let outside = (max(qx, 0) * max(qx, 0) + max(qy, 0) * max(qy, 0)).squareRoot()
        return outside + min(max(qx, qy), 0) - radius
    }

    /// How much a pixel at `value` lies on one of the lines repeating every `spacing` (0-1).
    static func lineCoverage(_ value: Double, spacing: Double, width: Double) -> Double {
        let offset = value - spacing * (value / spacing).rounded()
        return max(0, 1 - abs(offset) / width)
    }

    static func ellipse(cx: Double, cy: Double, rx: Double, ry: Double, points: Int = 72) -> [(Double, Double)] {
        (0..<points).map { index in
            let angle = Double(index) / Double(points) * 2 * .pi
            return (cx + rx * cos(angle), cy + ry * sin(angle))
        }
    }

    static func star(cx: Double, cy: Double, radius: Double, rotation: Double) -> [(Double, Double)] {
        (0..<10).map { point in
            let angle = Double(point) * .pi / 5 + rotation
            let r = point % 2 == 0 ? radius : radius * 0.382
            return (cx + r * sin(angle), cy - r * cos(angle))
        }
    }

    /// `colour` shifted by a few levels, for print-run variation.
    static func tinted(_ colour: RGB, _ random: inout SeededRandom) -> RGB {
        func shift(_ value: UInt8) -> UInt8 { UInt8(max(0, min(255, Int(value) + Int(random.uniform(-4...4))))) }
        return RGB(shift(colour.r), shift(colour.g), shift(colour.b))
    }

    /// `1985-03-12` → ("1985", 3, 12).
    static func dateParts(_ iso: String) -> (String, Int, Int)? {
        let parts = iso.split(separator: "-")
        guard parts.count == 3, let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        return (String(parts[0]), month, day)
    }

    /// `2015-03-12` → `2015.03.12`.
    static func dotted(_ iso: String) -> String {
        iso.replacingOccurrences(of: "-", with: ".")
    }

    /// `text` cut into lines of `charactersPerLine`; characters beyond `maxLines` lines are dropped.
    static func wrap(_ text: String, charactersPerLine: Int, maxLines: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for character in text {
            current.append(character)
            if current.count >= charactersPerLine { lines.append(current); current = "" }
        }
        if !current.isEmpty { lines.append(current) }
        return Array(lines.prefix(maxLines))
    }
}
