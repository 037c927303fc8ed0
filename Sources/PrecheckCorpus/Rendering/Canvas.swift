import Foundation
import PrecheckNative

/// A page being drawn: an RGB raster with simple, deterministic drawing.
///
/// Everything is drawn in Swift except text, which comes from
/// ``GlyphRenderer`` (Pango through libvips), so the same seed always gives
/// the same pixels.
public struct Canvas: Sendable {
    public var raster: Raster

    public init(width: Int, height: Int, background: RGB = .white) {
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        for index in 0..<(width * height) {
            pixels[index * 3] = background.r
            pixels[index * 3 + 1] = background.g
            pixels[index * 3 + 2] = background.b
        }
        raster = Raster(width: width, height: height, channels: 3, pixels: pixels)
    }

    public var width: Int { raster.width }
    public var height: Int { raster.height }

    /// Blends `colour` into the pixel at (x, y) with `alpha` (0-1), as ink
    /// does: multiplying, so overlapping inks darken.
    @inline(__always)
    public mutating func blend(x: Int, y: Int, colour: RGB, alpha: Double) {
        guard x >= 0, y >= 0, x < width, y < height, alpha > 0 else { return }
        let index = (y * width + x) * 3
        let a = min(1, alpha)
        func mix(_ base: UInt8, _ ink: UInt8) -> UInt8 {
            let multiplied = Double(base) * Double(ink) / 255
            return UInt8(max(0, min(255, (Double(base) * (1 - a) + multiplied * a).rounded())))
        }
        raster.pixels[index] = mix(raster.pixels[index], colour.r)
        raster.pixels[index + 1] = mix(raster.pixels[index + 1], colour.g)
        raster.pixels[index + 2] = mix(raster.pixels[index + 2], colour.b)
    }

    /// Draws an ink mask with its top-left corner at (x, y).
    public mutating func draw(_ glyphs: Glyphs, x: Int, y: Int, colour: RGB = .black, opacity: Double = 1) {
        let ink = glyphs.ink
        for gy in 0..<ink.height {
            for gx in 0..<ink.width {
                let value = ink.pixels[gy * ink.width + gx]
                if value < 250 { blend(x: x + gx, y: y + gy, colour: colour, alpha: opacity * Double(255 - value) / 255) }
            }
        }
    }

    /// Renders and draws text (`letterSpacing` in pixels); returns the box of the drawn text.
    @discardableResult
    public mutating func text(_ string: String, x: Int, y: Int, font: CorpusFont = .serif, points: Double,
                              dpi: Int, bold: Bool = false, colour: RGB = .black, letterSpacing: Double = 0) throws -> PixelBox {
        let glyphs = try GlyphRenderer.render(string, font: font, points: points, dpi: dpi, bold: bold, letterSpacing: letterSpacing)
        draw(glyphs, x: x, y: y, colour: colour)
        return PixelBox(x: x, y: y, width: glyphs.width, height: glyphs.height)
    }

    public mutating func fill(_ box: PixelBox, colour: RGB, alpha: Double = 1) {
        for y in max(0, box.y)..<min(height, box.maxY) {
            for x in max(0, box.x)..<min(width, box.maxX) { blend(x: x, y: y, colour: colour, alpha: alpha) }
        }
    }

    /// Replaces the pixels of `box` with `colour` (not blended).
    public mutating func paint(_ box: PixelBox, colour: RGB) {
        for y in max(0, box.y)..<min(height, box.maxY) {
            for x in max(0, box.x)..<min(width, box.maxX) {
                let index = (y * width + x) * 3
                raster.pixels[index] = colour.r; raster.pixels[index + 1] = colour.g; raster.pixels[index + 2] = colour.b
            }
        }
    }

    /// Draws a rectangle outline `thickness` pixels wide; with `dash` set,
    /// as dashes of that length separated by gaps of the same length.
    public mutating func strokeRect(_ box: PixelBox, thickness: Int, colour: RGB, dash: Int? = nil) {
        func on(_ offset: Int) -> Bool { dash.map { (offset / $0) % 2 == 0 } ?? true }
        for x in box.x..<box.maxX where on(x - box.x) {
            fill(PixelBox(x: x, y: box.y, width: 1, height: thickness), colour: colour)
            fill(PixelBox(x: x, y: box.maxY - thickness, width: 1, height: thickness), colour: colour)
        }
        for y in box.y..<box.maxY where on(y - box.y) {
            fill(PixelBox(x: box.x, y: y, width: thickness, height: 1), colour: colour)
            fill(PixelBox(x: box.maxX - thickness, y: y, width: thickness, height: 1), colour: colour)
        }
    }

    /// Draws a line segment `thickness` pixels wide.
    public mutating func line(from start: (Double, Double), to end: (Double, Double), thickness: Double, colour: RGB, alpha: Double = 1) {
        let minX = Int(min(start.0, end.0) - thickness - 1), maxX = Int(max(start.0, end.0) + thickness + 1)
        let minY = Int(min(start.1, end.1) - thickness - 1), maxY = Int(max(start.1, end.1) + thickness + 1)
        let dx = end.0 - start.0, dy = end.1 - start.1
        let lengthSquared = max(1e-9, dx * dx + dy * dy)
        for y in max(0, minY)...min(height - 1, maxY) {
            for x in max(0, minX)...min(width - 1, maxX) {
                let t = max(0, min(1, ((Double(x) - start.0) * dx + (Double(y) - start.1) * dy) / lengthSquared))
                let px = start.0 + t * dx - Double(x), py = start.1 + t * dy - Double(y)
                let distance = (px * px + py * py).squareRoot()
                let coverage = max(0, min(1, thickness / 2 + 0.5 - distance))
                if coverage > 0 { blend(x: x, y: y, colour: colour, alpha: alpha * coverage) }
            }
        }
    }

    /// A ring between `innerRadius` and `outerRadius` around (cx, cy), antialiased.
    /// `inkAt` gives the ink strength (0-1) at an angle, for uneven stamping.
    public mutating func ring(cx: Double, cy: Double, innerRadius: Double, outerRadius: Double, colour: RGB,
                              inkAt: (Double) -> Double = { _ in 1 }) {
        let r = Int(outerRadius + 2)
        for y in max(0, Int(cy) - r)...min(height - 1, Int(cy) + r) {
            for x in max(0, Int(cx) - r)...min(width - 1, Int(cx) + r) {
                let dx = Double(x) - cx, dy = Double(y) - cy
                let distance = (dx * dx + dy * dy).squareRoot()
                let coverage = max(0, min(1, outerRadius + 0.5 - distance)) * max(0, min(1, distance - innerRadius + 0.5))
                if coverage > 0 { blend(x: x, y: y, colour: colour, alpha: coverage * inkAt(atan2(dy, dx))) }
            }
        }
    }

    /// A filled polygon (even-odd rule), for the star in a seal.
    public mutating func polygon(_ points: [(Double, Double)], colour: RGB, alpha: Double = 1) {
        guard points.count >= 3 else { return }
        let minY = max(0, Int(points.map(\.1).min()!)), maxY = min(height - 1, Int(points.map(\.1).max()!) + 1)
        for y in minY...maxY {
            let sy = Double(y) + 0.5
            var crossings: [Double] = []
            for index in points.indices {
                let a = points[index], b = points[(index + 1) % points.count]
                if (a.1 <= sy && b.1 > sy) || (b.1 <= sy && a.1 > sy) {
                    crossings.append(a.0 + (sy - a.1) / (b.1 - a.1) * (b.0 - a.0))
                }
            }
            crossings.sort()
            var index = 0
            while index + 1 < crossings.count {
                for x in max(0, Int(crossings[index].rounded()))..<min(width, Int(crossings[index + 1].rounded())) {
                    blend(x: x, y: y, colour: colour, alpha: alpha)
                }
                index += 2
            }
        }
    }
}
