import PrecheckNative

/// Printed Han characters on a cleaned page, found by their ink and
/// compared by shape with a closed set of candidates (render and compare,
/// ``GlyphTemplates``) — for values whose every possible character is
/// known (capital numerals, 男 / 女, the ethnic groups' names), where the
/// shape settles what the recogniser misread.
struct PrintedCharacters {
    /// The cleaned page: grey for the glyphs, binary (0 = ink) to find them.
    let grey: Raster
    let binary: Raster
    var templates = GlyphTemplates.shared

    /// The boxes of `count` characters printed in `box`, from the inked
    /// columns: runs of ink separated by blank columns, neighbouring runs
    /// joined while they fit in one square character body (亻 and 千 make
    /// 仟). The recogniser's own symbol boxes are placed too roughly to
    /// compare shapes in. `nil` unless exactly `count` characters are found.
    func cells(in box: PixelBox, count: Int) -> [PixelBox]? {
        // Han characters are set on square bodies with a fixed advance: the
        // value's width per character measures them (its height, from the
        // recogniser's boxes, can be well off).
        let advance = Double(box.width) / Double(max(1, count))
        // Symbol boxes may fall short of the ink at either end: look a third
        // of a character further, and drop a narrow mark picked up there (a
        // colon after the label, a stroke of the next field).
        let reach = Int(advance / 3), margin = max(2, box.height / 6)
        let band = PixelBox(x: box.x - reach, y: box.y - margin, width: box.width + 2 * reach, height: box.height + 2 * margin)
            .clipped(to: (binary.width, binary.height))
        guard band.area > 0, count > 0, advance >= 6 else { return nil }
        // A column is inked with two ink pixels or more (a speck of noise is not a stroke).
        var inked = [Bool](repeating: false, count: band.width)
        for x in 0..<band.width {
            var ink = 0
            for y in band.y..<band.maxY where binary.pixels[y * binary.width + band.x + x] == 0 { ink += 1 }
            inked[x] = ink >= 2
        }
        var runs: [(start: Int, end: Int)] = []
        for x in inked.indices where inked[x] {
            if let last = runs.last, last.end == x - 1 { runs[runs.count - 1].end = x } else { runs.append((x, x)) }
        }
        runs.removeAll { Double($0.end - $0.start + 1) < max(2, advance / 12) }
        let body = advance * 1.15
        var cells: [(start: Int, end: Int)] = []
        for run in runs {
            if let last = cells.last, Double(run.end - last.start + 1) <= body {
                cells[cells.count - 1].end = run.end
            } else {
                cells.append(run)
            }
        }
        let narrow = advance * 0.45
        while cells.count > count, let first = cells.first, let last = cells.last {
            let firstWidth = first.end - first.start, lastWidth = last.end - last.start
            guard Double(min(firstWidth, lastWidth)) < narrow else { break }
            if firstWidth <= lastWidth { cells.removeFirst() } else { cells.removeLast() }
        }
        // Blur can join two characters into one run: then the characters
        // are taken as evenly spaced over the inked stretch.
        if cells.count != count, let first = cells.first, let last = cells.last {
            let pitch = Double(last.end + 1 - first.start) / Double(count)
            guard pitch >= advance * 0.7, pitch <= advance * 1.4 else { return nil }
            cells = (0..<count).map { index in
                (first.start + Int(Double(index) * pitch), first.start + Int(Double(index + 1) * pitch) - 1)
            }
        }
        guard cells.count == count else { return nil }
        return cells.map { PixelBox(x: band.x + $0.start, y: band.y, width: $0.end - $0.start + 1, height: band.height) }
    }

    /// The character of `candidates` whose rendering looks most like the
    /// glyph in `box`.
    func closest(of candidates: Set<Character>, to box: PixelBox) -> Character? {
        guard let glyph = GlyphShape(grey: grey, box: box) else { return nil }
        return Self.best(of: candidates.sorted()) { Double(templates.similarity(of: glyph, to: $0)) }?.candidate
    }

    /// Of `candidates`, the text whose characters look most like the
    /// characters printed in `box`, with its mean likeness (-1…1). Only
    /// candidates as long as `count` (the characters read there) are tried;
    /// `nil` when none is, or the characters cannot be found.
    func closest(of candidates: [String], count: Int, in box: PixelBox) -> (text: String, likeness: Double)? {
        let fitting = candidates.filter { $0.count == count }
        guard !fitting.isEmpty, let cells = cells(in: box, count: count) else { return nil }
        let glyphs = cells.compactMap { GlyphShape(grey: grey, box: $0) }
        guard glyphs.count == cells.count else { return nil }
        let best = Self.best(of: fitting) { text in
            zip(glyphs, text).reduce(0.0) { $0 + Double(templates.similarity(of: $1.0, to: $1.1)) } / Double(count)
        }
        return best.map { (text: $0.candidate, likeness: $0.score) }
    }

    /// The candidate with the highest score, each scored once.
    private static func best<Candidate>(of candidates: [Candidate], score: (Candidate) -> Double) -> (candidate: Candidate, score: Double)? {
        candidates.map { (candidate: $0, score: score($0)) }.max { $0.score < $1.score }
    }
}

extension CleanedPage {
    /// This page's printed characters, for comparing shapes with a closed set.
    var printedCharacters: PrintedCharacters { PrintedCharacters(grey: ocrGrey, binary: binary) }
}
