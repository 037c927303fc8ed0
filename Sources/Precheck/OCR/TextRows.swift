import PrecheckNative

/// Joins line fragments that Tesseract's page layout split apart but that
/// stand on one row of the page (a residual skew or a wide gap can break a
/// line in two).
public enum TextRows {
    /// Boxes of whole rows: fragments of comparable height that overlap
    /// vertically by at least `minOverlap` of the shorter one and lie at most
    /// `maxGap` (shorter) line heights apart are merged. Result in reading order (top to bottom, left to right).
    public static func rows(of lines: [RecognizedLine], minOverlap: Double = 0.6, maxGap: Double = 1.5) -> [PixelBox] {
        rows(of: lines.map(\.box), minOverlap: minOverlap, maxGap: maxGap)
    }

    /// Rows made from line boxes (see ``rows(of:minOverlap:maxGap:)-(RecognizedLine)``).
    public static func rows(of boxes: [PixelBox], minOverlap: Double = 0.6, maxGap: Double = 1.5) -> [PixelBox] {
        var rows: [PixelBox] = []
        for box in boxes.sorted(by: { ($0.x, $0.y) < ($1.x, $1.y) }) {
            if let index = rows.firstIndex(where: { sameRow($0, box, minOverlap: minOverlap, maxGap: maxGap) }) {
                rows[index] = rows[index].union(box)
            } else {
                rows.append(box)
            }
        }
        return rows.sorted { abs($0.centerY - $1.centerY) < Double(min($0.height, $1.height)) / 2 ? $0.x < $1.x : $0.y < $1.y }
    }

    static func sameRow(_ a: PixelBox, _ b: PixelBox, minOverlap: Double, maxGap: Double) -> Bool {
        let overlap = min(a.maxY, b.maxY) - max(a.y, b.y)
        let shorter = min(a.height, b.height), taller = max(a.height, b.height)
        // Fragments of one line have comparable heights (a frame or a
        // vertical rule overlaps everything but is no part of a line).
        guard shorter > 0, taller <= shorter * 5 / 2, Double(overlap) >= minOverlap * Double(shorter) else { return false }
        let gap = max(a.x, b.x) - min(a.maxX, b.maxX)
        return Double(gap) <= maxGap * Double(shorter)
    }
}
