/// One recognised character with Tesseract's alternatives for it.
public struct RecognizedSymbol: Sendable, Equatable {
    public let text: String
    /// 0...1
    public let confidence: Double
    public let box: PixelBox
    /// Other readings Tesseract considered, best first (may be empty).
    public let alternatives: [String]

    public init(text: String, confidence: Double, box: PixelBox, alternatives: [String] = []) {
        self.text = text
        self.confidence = confidence
        self.box = box
        self.alternatives = alternatives
    }
}

/// One recognised word (for Chinese: a run of characters without spaces).
public struct RecognizedWord: Sendable, Equatable {
    public let text: String
    /// 0...1
    public let confidence: Double
    public let box: PixelBox
    public let symbols: [RecognizedSymbol]

    public init(text: String, confidence: Double, box: PixelBox, symbols: [RecognizedSymbol]) {
        self.text = text
        self.confidence = confidence
        self.box = box
        self.symbols = symbols
    }
}

/// One recognised text line.
public struct RecognizedLine: Sendable, Equatable {
    public let words: [RecognizedWord]
    public let box: PixelBox

    public init(words: [RecognizedWord], box: PixelBox) {
        self.words = words
        self.box = box
    }

    /// The words joined: with a space between two Latin letters or digits,
    /// without one next to a Han character (Tesseract splits Chinese text
    /// into "words" that were never separated on the page).
    public var text: String {
        var result = ""
        for word in words where !word.text.isEmpty {
            if let last = result.unicodeScalars.last, let first = word.text.unicodeScalars.first,
               last.isASCII && first.isASCII {
                result += " "
            }
            result += word.text
        }
        return result
    }
    /// Mean word confidence weighted by length, 0...1.
    public var confidence: Double {
        let total = words.reduce(0) { $0 + $1.text.count }
        guard total > 0 else { return 0 }
        return words.reduce(0) { $0 + $1.confidence * Double($1.text.count) } / Double(total)
    }
    /// Every symbol of the line in reading order.
    public var symbols: [RecognizedSymbol] { words.flatMap(\.symbols) }
}

/// Everything Tesseract read from an image or region.
public struct RecognizedText: Sendable, Equatable {
    public let lines: [RecognizedLine]

    public init(lines: [RecognizedLine]) {
        self.lines = lines
    }

    /// All lines, one per row of text.
    public var text: String { lines.map(\.text).joined(separator: "\n") }
}

extension RecognizedText {
    /// Every symbol of every line, in reading order.
    public var symbols: [RecognizedSymbol] { lines.flatMap(\.symbols) }
    /// All text with every space and line break removed (Chinese has none;
    /// Tesseract adds some).
    public var unspacedText: String { text.filter { !$0.isWhitespace } }
}

extension Collection where Element == RecognizedSymbol {
    /// Mean character confidence, 0...1 (0 when empty).
    public var meanConfidence: Double {
        isEmpty ? 0 : reduce(0) { $0 + $1.confidence } / Double(count)
    }
}
