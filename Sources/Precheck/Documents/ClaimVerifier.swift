import PrecheckNative

/// Measures how well a page supports the value the form claims for a field
/// ("verify, don't just recognise").
///
/// The free reading may miss a character the page really shows (Tesseract's
/// Chinese model confuses 昊/吴, 仟/什, W/U …). So when the free reading
/// differs from the claim, the value's region is read again with the
/// recogniser restricted to the claim's own characters. If the page shows
/// the claim, that constrained reading spells it out with the confidence of
/// a normal reading; if a character on the page is really different, the
/// recogniser is forced onto a character it does not see there, and its
/// confidence at that place collapses (or the claim is not spelt out at
/// all). The support is the lowest confidence at the places where the free
/// reading and the claim disagree.
struct ClaimVerifier {
    let cleaned: CleanedPage
    let engine: any OCREngine

    /// 0-1 support for `claim` in the region of `reading`.
    func support(for claim: String, reading: FieldReading) throws -> Double {
        let expected = TextNormalization.normalized(claim)
        let read = TextNormalization.normalized(reading.value)
        if read == expected { return 1 }
        guard let box = reading.workingBox, !expected.isEmpty else { return 0 }
        // First with a character's width of margin left and right (symbol
        // boxes are tight, and a cut edge character is dropped), then with
        // more room on the left, where the label finder may have cut
        // into the value.
        guard let spelt = try spellOut(expected, around: box, leftMargin: box.height * 3 / 4)
                ?? spellOut(expected, around: box, leftMargin: box.height * 2) else { return 0 }
        // Places where the free reading disagrees with the claim (all of
        // them when the lengths differ and no place-wise comparison holds).
        let readCharacters = Array(read), claimCharacters = Array(expected)
        let disputed = readCharacters.count == claimCharacters.count
            ? claimCharacters.indices.filter { readCharacters[$0] != claimCharacters[$0] }
            : Array(claimCharacters.indices)
        return disputed.map { spelt[$0].confidence }.min() ?? 1
    }

    /// Reads the region around `box` restricted to the characters of
    /// `expected`; the symbols that spell it, or `nil` when the constrained
    /// reading does not contain it.
    func spellOut(_ expected: String, around box: PixelBox, leftMargin: Int) throws -> [RecognizedSymbol]? {
        let bounds = (cleaned.ocrGrey.width, cleaned.ocrGrey.height)
        let rightMargin = max(4, box.height * 3 / 4)
        let region = PixelBox(x: box.x - leftMargin, y: box.y - box.height / 4, width: box.width + leftMargin + rightMargin,
                              height: box.height + box.height / 2).clipped(to: bounds)
        let alphabet = String(Set(expected).sorted())
        let constrained = try engine.recognize(cleaned.ocrGrey, RecognitionRequest(region: region, segmentation: .singleLine,
                                                                                    dpi: cleaned.dpi, whitelist: alphabet))
        let symbols = constrained.symbols.filter { !$0.text.allSatisfy(\.isWhitespace) }
        let text = TextNormalization.normalized(symbols.map(\.text).joined())
        // The claim must be spelt out in full (the region may hold stray
        // characters around it).
        guard symbols.count == text.count, let range = text.range(of: expected) else { return nil }
        let start = text.distance(from: text.startIndex, to: range.lowerBound)
        return Array(symbols[start..<(start + expected.count)])
    }
}
