import PrecheckNative

/// A text line found on a binary page, before it is read.
public struct TextLineCandidate: Sendable, Equatable {
    public var box: PixelBox
    /// How many character-sized ink components it holds.
    public var components: Int
}

/// Finds text lines by chaining character-sized ink components.
///
/// Connected components (Leptonica) that are the size of a character or a
/// part of one are kept; frames, rules, portraits and seals' rings are far
/// larger or thinner and drop out before anything is joined, so they cannot
/// fuse lines together. Components of comparable height that overlap
/// vertically and stand at most ``maxGap`` character heights apart form a
/// line; the gap is wide enough to join a label to its value (住　　所).
/// A line of one component is kept only when it is shaped like a character.
public struct TextLineFinder: Sendable, Equatable {
    /// Characters this many character heights apart belong to one line.
    public var maxGap = 6.0

    public init() {}

    /// Lines, top to bottom, given the expected character height in pixels.
    public func lines(binary: Raster, characterHeight: Double) throws -> [TextLineCandidate] {
        let c = characterHeight
        let parts = try Leptonica.components(binary: binary).filter { box in
            let h = Double(box.height), w = Double(box.width)
            return h >= c * 0.15 && h <= c * 5 && w <= c * 5 && (h >= c * 0.3 || w >= c * 0.3)
        }
        // Grow lines left to right: each component joins the line it fits.
        var lines: [(box: PixelBox, count: Int, core: Int)] = []
        for part in parts.sorted(by: { $0.x < $1.x }) {
            let box = PixelBox(x: part.x, y: part.y, width: part.width, height: part.height)
            let fits = lines.indices.filter { index in
                let line = lines[index]
                let top = max(line.box.y, box.y), bottom = min(line.box.maxY, box.maxY)
                let overlap = Double(bottom - top)
                let gap = Double(box.x - line.box.maxX)
                return overlap >= 0.5 * Double(min(box.height, line.core)) && gap <= maxGap * c
                    && Double(box.height) <= 2.5 * Double(max(line.core, 1)) + c * 0.3
            }
            if let index = fits.min(by: { abs(lines[$0].box.centerY - box.centerY) < abs(lines[$1].box.centerY - box.centerY) }) {
                lines[index].box = lines[index].box.union(box)
                lines[index].count += 1
                lines[index].core = max(lines[index].core, box.height)
            } else {
                lines.append((box, 1, box.height))
            }
        }
        return lines
            // A lone component must look like a character: a lone bar is a
            // piece of a rule or of a dashed frame (each costs a read).
            .filter { $0.count >= 2 || (Double($0.box.height) >= c * 0.6 && 5 * $0.box.width >= 2 * $0.box.height
                                        && 5 * $0.box.height >= 2 * $0.box.width) }
            .filter { Double($0.box.height) >= c * 0.4 && Double($0.box.height) <= c * 5 }
            .map { TextLineCandidate(box: $0.box, components: $0.count) }
            .sorted { $0.box.y < $1.box.y }
    }
}
