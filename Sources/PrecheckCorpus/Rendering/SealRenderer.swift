import Foundation
import PrecheckNative

/// How a seal looks: its text, size and ink.
public struct SealStyle: Sendable, Equatable {
    /// Text along the upper arc (company or authority name).
    public var ringText: String
    /// Text along the bottom, horizontal (e.g. a seal number), or empty.
    public var bottomText: String = ""
    /// Outer radius in pixels.
    public var radius: Double
    public var colour: RGB = .sealRed
    /// Clockwise rotation of the whole seal, degrees (stamps are rarely level).
    public var rotationDegrees: Double = 0
    /// Overall ink strength 0-1 (faded stamps are ~0.5).
    public var inkStrength: Double = 0.9
    /// Arc covered by the ring text, degrees.
    public var textArcDegrees: Double = 230
    public var font: CorpusFont = .serif
    public var bold: Bool = false

    public init(ringText: String, radius: Double) {
        self.ringText = ringText
        self.radius = radius
    }
}

/// Draws round seals (公章 and the registration authority's seal): a ring,
/// the name along the upper arc, a five-pointed star, uneven ink.
public enum SealRenderer {
    /// Stamps a seal centred at (cx, cy); returns its bounding box.
    @discardableResult
    public static func stamp(_ style: SealStyle, on canvas: inout Canvas, cx: Double, cy: Double,
                             random: inout SeededRandom) throws -> PixelBox {
        let r = style.radius
        let ringWidth = max(2, r * 0.065)
        // Uneven pressure: a slow wave around the ring plus a random tilt.
        let phase = random.uniform(0...(2 * .pi)), tilt = random.uniform(0.05...0.3)
        let strength = style.inkStrength
        let pressure: @Sendable (Double) -> Double = { angle in
            max(0.25, min(1, strength * (1 - tilt / 2 + tilt / 2 * sin(angle + phase))))
        }
        canvas.ring(cx: cx, cy: cy, innerRadius: r - ringWidth, outerRadius: r, colour: style.colour, inkAt: pressure)

        // Star.
        let starRadius = r * 0.28
        var star: [(Double, Double)] = []
        for point in 0..<10 {
            let angle = (Double(point) * 36 + style.rotationDegrees) * .pi / 180
            let radius = point % 2 == 0 ? starRadius : starRadius * 0.382
            star.append((cx + radius * sin(angle), cy - radius * cos(angle)))
        }
        canvas.polygon(star, colour: style.colour, alpha: pressure(0) * 0.95)

        // Ring text: characters upright relative to the centre, spread over the arc.
        let characters = Array(style.ringText)
        if !characters.isEmpty {
            let charPoints = r * 0.30 / 4.17  // glyph height ≈ 0.30 r (pixels → points at 300 dpi)
            let textRadius = r - ringWidth - r * 0.20
            let arc = min(style.textArcDegrees, Double(characters.count) * 38)
            let step = characters.count > 1 ? arc / Double(characters.count - 1) : 0
            // Seal makers condense the characters of a long name so that
            // neighbours do not overlap: each glyph is at most about as wide
            // as the arc's pitch at the glyphs' inner edge.
            let glyphSide = charPoints * 300 / 72
            let innerPitch = (textRadius - glyphSide / 2) * step * .pi / 180
            let widthScale = characters.count > 1 ? min(1, 0.95 * innerPitch / glyphSide) : 1
            for (index, character) in characters.enumerated() {
                let theta = -arc / 2 + Double(index) * step + style.rotationDegrees
                let glyphs = try condensed(GlyphRenderer.render(String(character), font: style.font, points: charPoints, dpi: 300, bold: style.bold),
                                           widthScale: widthScale)
                let turned = try turnedGlyph(glyphs, degrees: theta)
                let radians = theta * .pi / 180
                let gx = cx + textRadius * sin(radians), gy = cy - textRadius * cos(radians)
                drawInk(turned, on: &canvas, centreX: gx, centreY: gy, colour: style.colour,
                        alpha: pressure(radians - .pi / 2), random: &random)
            }
        }
        if !style.bottomText.isEmpty {
            let glyphs = try GlyphRenderer.render(style.bottomText, font: .sans, points: r * 0.11 / 4.17, dpi: 300)
            let turned = try turnedGlyph(glyphs, degrees: style.rotationDegrees)
            let radians = (180 + style.rotationDegrees) * .pi / 180
            drawInk(turned, on: &canvas, centreX: cx + r * 0.62 * sin(radians), centreY: cy - r * 0.62 * cos(radians),
                    colour: style.colour, alpha: pressure(.pi / 2), random: &random)
        }
        return PixelBox(x: Int(cx - r), y: Int(cy - r), width: Int(2 * r), height: Int(2 * r))
    }

    /// `glyphs` narrowed to `widthScale` of their width (area-averaged columns).
    static func condensed(_ glyphs: Glyphs, widthScale: Double) -> Glyphs {
        guard widthScale < 0.99 else { return glyphs }
        let width = max(1, Int((Double(glyphs.width) * widthScale).rounded()))
        var ink = Raster(width: width, height: glyphs.height, channels: 1, fill: 255)
        for x in 0..<width {
            let from = min(glyphs.width - 1, Int(Double(x) / widthScale))
            let to = max(from + 1, min(glyphs.width, Int(Double(x + 1) / widthScale)))
            for y in 0..<glyphs.height {
                var sum = 0
                for source in from..<to { sum += Int(glyphs.ink[source, y]) }
                ink[x, y] = UInt8(sum / (to - from))
            }
        }
        return Glyphs(ink: ink)
    }

    /// The glyph on a square padded canvas, turned clockwise by `degrees`.
    static func turnedGlyph(_ glyphs: Glyphs, degrees: Double) throws -> Raster {
        let side = Int(Double(max(glyphs.width, glyphs.height)) * 1.5) + 2
        var padded = Raster(width: side, height: side, channels: 1, fill: 255)
        let ox = (side - glyphs.width) / 2, oy = (side - glyphs.height) / 2
        for y in 0..<glyphs.height {
            for x in 0..<glyphs.width { padded[ox + x, oy + y] = glyphs.ink[x, y] }
        }
        return abs(degrees) < 0.01 ? padded : try Leptonica.rotate(padded, degrees: degrees)
    }

    /// Draws an ink raster centred at a point, with speckled ink loss.
    static func drawInk(_ ink: Raster, on canvas: inout Canvas, centreX: Double, centreY: Double, colour: RGB,
                        alpha: Double, random: inout SeededRandom) {
        let left = Int(centreX) - ink.width / 2, top = Int(centreY) - ink.height / 2
        for y in 0..<ink.height {
            for x in 0..<ink.width {
                let value = ink.pixels[y * ink.width + x]
                guard value < 250 else { continue }
                let loss = random.chance(0.06) ? 0.45 : 1
                canvas.blend(x: left + x, y: top + y, colour: colour, alpha: alpha * loss * Double(255 - value) / 255)
            }
        }
    }
}
