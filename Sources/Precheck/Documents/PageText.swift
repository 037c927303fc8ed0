import PrecheckNative

/// One text line of a page, read on its own.
public struct ReadLine: Sendable, Equatable {
    /// The text with spaces removed (Chinese has none; Tesseract adds some).
    public var text: String
    /// Box in working-image pixels.
    public var box: PixelBox
    /// Mean character confidence, 0-1.
    public var confidence: Double
    /// Characters with their boxes (working pixels), in reading order.
    public var symbols: [RecognizedSymbol]
}

/// The lines of a cleaned page, top to bottom.
public struct PageText: Sendable {
    public var lines: [ReadLine]

    /// All text, one line per row.
    public var text: String { lines.map(\.text).joined(separator: "\n") }
}

/// Reads a cleaned page line by line: ``TextLineFinder`` finds the lines
/// (character-sized ink components chained into rows, so that a label and
/// its value however widely spaced form one line, and frames never fuse
/// lines), then each line is recognised alone (psm 7), which reads Chinese
/// more accurately than whole-page recognition. Tesseract's own layout
/// analysis was tried first: it drops isolated, widely spaced label
/// characters (住　　所) and splits labels from values.
public struct PageReader: Sendable {
    /// How lines are read.
    public enum Mode: String, Sendable {
        /// Lines found by ``TextLineFinder``, each read alone (psm 7).
        case perLine
        /// One whole-page Tesseract pass (psm 3): the baseline to beat.
        case wholePage
    }

    public var mode = Mode.perLine
    public var lineFinder = TextLineFinder()

    public init() {}

    public func read(_ page: CleanedPage, engine: any OCREngine) throws -> PageText {
        if mode == .wholePage { return try readWholePage(page, engine: engine) }
        let image = page.ocrGrey
        let bounds = (image.width, image.height)
        var lines: [ReadLine] = []
        for row in try lineBoxes(page) {
            let region = row.expanded(by: max(4, row.height / 4), within: bounds)
            let text = try engine.recognize(image, RecognitionRequest(region: region, segmentation: .singleLine, dpi: page.dpi))
            let symbols = text.symbols
            guard !symbols.isEmpty else { continue }
            lines.append(ReadLine(text: text.unspacedText, box: row, confidence: symbols.meanConfidence, symbols: symbols))
        }
        return PageText(lines: lines)
    }

    /// The baseline: Tesseract's own layout and recognition of the whole page.
    func readWholePage(_ page: CleanedPage, engine: any OCREngine) throws -> PageText {
        let text = try engine.recognize(page.ocrGrey, RecognitionRequest(segmentation: .automatic, dpi: page.dpi))
        return PageText(lines: text.lines.compactMap { line in
            let symbols = line.symbols
            guard !symbols.isEmpty else { return nil }
            return ReadLine(text: line.text.filter { !$0.isWhitespace }, box: line.box,
                            confidence: symbols.meanConfidence, symbols: symbols)
        })
    }

    /// Candidate text lines, top to bottom.
    func lineBoxes(_ page: CleanedPage) throws -> [PixelBox] {
        let character = max(10, Double(page.dpi) * 9.5 / 72)
        return try lineFinder.lines(binary: page.binary, characterHeight: character).map(\.box)
    }
}
