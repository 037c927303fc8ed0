import Foundation
import PrecheckNative

/// A font-tolerant description of one character's shape: the character's
/// ink box stretched to a square (so condensed seal glyphs compare with
/// ordinary ones), lightly blurred, and described by histograms of edge
/// directions over a grid of cells (as in HOG/SIFT), normalised to length 1.
///
/// Two glyphs of the same character in different Song or Hei faces score
/// close to each other (dot product ~0.7-0.9); different characters lower.
struct GlyphShape: Sendable {
    /// The square a glyph is resampled to and the grid of cells its edge
    /// directions are counted in. Only shapes of one layout compare.
    struct Layout: Sendable, Hashable {
        /// Side of the square, pixels (a 2-pixel margin included).
        let side: Int
        /// Cells per side; `side` is a multiple of it.
        let grid: Int

        /// 4×4 cells of 8 pixels: tolerant of a glyph cut out a little
        /// off, as printed characters found by their ink are.
        static let coarse = Layout(side: 32, grid: 4)
        /// 8×8 cells of 5 pixels, for seal ring characters, whose cells
        /// are placed by a search for the expected character. Dense
        /// characters (启, 据, 铜) all score alike on the coarse grid. On the
        /// 284 genuine letter seals of seed 2044 (first strip only), the
        /// ring check confirmed 205 of 240 on degraded scans with the
        /// coarse layout and 218 with this one; the closest swapped trade
        /// name kept 29 rivals (the limit to confirm is 10).
        static let fine = Layout(side: 40, grid: 8)
    }

    static let directions = 8
    /// The layout the shape was measured on.
    let layout: Layout
    /// The descriptor, `grid × grid × directions` values, unit length.
    let values: [Float]

    /// Cosine similarity, -1…1 (both shapes of one layout).
    func similarity(to other: GlyphShape) -> Float {
        precondition(layout == other.layout, "glyph shapes of different layouts do not compare")
        var sum: Float = 0
        for index in values.indices { sum += values[index] * other.values[index] }
        return sum
    }

    /// The shape of the ink in `region` of `darkness` (row-major, `width`
    /// columns, 0 paper … 1 ink), or `nil` when the region holds too little ink.
    init?(darkness: [Float], width: Int, region: PixelBox, inkThreshold: Float = 0.35, layout: Layout = .coarse) {
        // The ink box inside the region.
        var left = Int.max, right = -1, top = Int.max, bottom = -1, inked = 0
        for y in region.y..<region.maxY {
            for x in region.x..<region.maxX where darkness[y * width + x] >= inkThreshold {
                left = min(left, x); right = max(right, x); top = min(top, y); bottom = max(bottom, y)
                inked += 1
            }
        }
        guard inked >= 12, right - left >= 2, bottom - top >= 2 else { return nil }
        // Resample the ink box to an inner square with a 2-pixel margin.
        let side = layout.side, inner = Double(side - 4)
        let boxWidth = Double(right - left + 1), boxHeight = Double(bottom - top + 1)
        var square = [Float](repeating: 0, count: side * side)
        for y in 0..<(side - 4) {
            for x in 0..<(side - 4) {
                // Average the source pixels that fall into this cell.
                let x0 = Double(left) + Double(x) * boxWidth / inner, x1 = Double(left) + Double(x + 1) * boxWidth / inner
                let y0 = Double(top) + Double(y) * boxHeight / inner, y1 = Double(top) + Double(y + 1) * boxHeight / inner
                var sum: Float = 0, count: Float = 0
                for sy in Int(y0)...max(Int(y0), Int(ceil(y1)) - 1) {
                    for sx in Int(x0)...max(Int(x0), Int(ceil(x1)) - 1) {
                        sum += darkness[sy * width + sx]
                        count += 1
                    }
                }
                square[(y + 2) * side + x + 2] = sum / count
            }
        }
        self.init(square: Self.blurred(square, side: side), layout: layout)
    }

    /// The shape of the character in `box` of a grey page (0 ink, 255 paper).
    init?(grey: Raster, box: PixelBox) {
        let box = box.clipped(to: (grey.width, grey.height))
        guard box.area > 0, grey.channels == 1 else { return nil }
        var darkness = [Float](repeating: 0, count: box.area)
        for y in 0..<box.height {
            for x in 0..<box.width { darkness[y * box.width + x] = Float(255 - Int(grey.pixels[(box.y + y) * grey.width + box.x + x])) / 255 }
        }
        self.init(darkness: darkness, width: box.width, region: PixelBox(x: 0, y: 0, width: box.width, height: box.height))
    }

    /// The shape of a rendered character: `coverage` is 255 for ink.
    init?(rendered coverage: Raster, layout: Layout) {
        let darkness = coverage.pixels.map { Float($0) / 255 }
        self.init(darkness: darkness, width: coverage.width,
                  region: PixelBox(x: 0, y: 0, width: coverage.width, height: coverage.height), layout: layout)
    }

    private init(square: [Float], layout: Layout) {
        let side = layout.side, grid = layout.grid, cell = side / grid, bins = Self.directions
        var histogram = [Float](repeating: 0, count: grid * grid * bins)
        for y in 1..<(side - 1) {
            for x in 1..<(side - 1) {
                let at = { (dx: Int, dy: Int) in square[(y + dy) * side + x + dx] }
                let gx = (at(1, -1) + 2 * at(1, 0) + at(1, 1)) - (at(-1, -1) + 2 * at(-1, 0) + at(-1, 1))
                let gy = (at(-1, 1) + 2 * at(0, 1) + at(1, 1)) - (at(-1, -1) + 2 * at(0, -1) + at(1, -1))
                let magnitude = (gx * gx + gy * gy).squareRoot()
                guard magnitude > 0.01 else { continue }
                // Stroke direction, 0…π (a stroke's two edges vote alike).
                var angle = atan2(gy, gx)
                if angle < 0 { angle += .pi }
                let position = angle / .pi * Float(bins)
                let lower = Int(position) % bins, upper = (lower + 1) % bins
                let weight = position - Float(Int(position))
                let base = ((y / cell) * grid + x / cell) * bins
                histogram[base + lower] += magnitude * (1 - weight)
                histogram[base + upper] += magnitude * weight
            }
        }
        self.layout = layout
        values = Self.normalised(histogram)
    }

    /// Unit length, large components clipped at 0.2 and renormalised (so one
    /// heavy stroke does not dominate).
    private static func normalised(_ vector: [Float]) -> [Float] {
        func unit(_ v: [Float]) -> [Float] {
            let length = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
            return length > 0 ? v.map { $0 / length } : v
        }
        return unit(unit(vector).map { min($0, 0.2) })
    }

    /// A 3×3 box blur: evens out stroke width and ink texture.
    private static func blurred(_ square: [Float], side: Int) -> [Float] {
        var out = square
        for y in 1..<(side - 1) {
            for x in 1..<(side - 1) {
                var sum: Float = 0
                for dy in -1...1 { for dx in -1...1 { sum += square[(y + dy) * side + x + dx] } }
                out[y * side + x] = sum / 9
            }
        }
        return out
    }
}
