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
///
/// When that fails, the value is read once more, freely, from the
/// binarised page (see ``readBinarised(around:)``); a reading that is
/// exactly the claim supports it with its confidence.
///
/// Where the recogniser stays unsure, each disputed character is also
/// compared by shape (render-and-compare, see ``GlyphShape``): the place
/// supports the claim when its glyph looks more like the claimed character,
/// rendered in the system's fonts, than like the character read there, and
/// at most ``maxShapeRivals`` of several hundred impostors look as much
/// like it.
struct ClaimVerifier {
    let cleaned: CleanedPage
    let engine: any OCREngine
    var templates = GlyphTemplates.shared
    /// How many impostors may look at least as much like a disputed glyph
    /// as the claimed character (the character read must always lose).
    /// Degraded print leaves the right character among the closest few
    /// rather than first, as on seal rings (see `models/README.md`).
    var maxShapeRivals = 3

    /// 0-1 support for `claim` in the region of `reading`, and the shape
    /// margin (see ``FieldReading/shapeMargin``) when it can be measured.
    func verify(_ claim: String, reading: FieldReading) throws -> (support: Double, shapeMargin: Double?) {
        let expected = TextNormalization.normalized(claim)
        let read = TextNormalization.normalized(reading.value)
        if read == expected { return (1, nil) }
        guard let box = reading.workingBox, !expected.isEmpty else { return (0, nil) }
        // First with a character's width of margin left and right (symbol
        // boxes are tight, and a cut edge character is dropped), then with
        // more room on the left, where the label finder may have cut
        // into the value.
        let spelt = try spellOut(expected, around: box, leftMargin: box.height * 3 / 4)
            ?? spellOut(expected, around: box, leftMargin: box.height * 2)
        // Places where the free reading disagrees with the claim (all of
        // them when the lengths differ and no place-wise comparison holds).
        let readCharacters = Array(read), claimCharacters = Array(expected)
        let sameLength = readCharacters.count == claimCharacters.count
        let disputed = sameLength ? claimCharacters.indices.filter { readCharacters[$0] != claimCharacters[$0] } : Array(claimCharacters.indices)
        var recognised = spelt.map { symbols in disputed.map { symbols[$0].confidence }.min() ?? 1 } ?? 0
        if recognised < 1, let binary = try readBinarised(around: box), binary.text == expected {
            recognised = max(recognised, binary.confidence)
        }
        guard sameLength else {
            // No place-wise comparison (the recogniser split a character in
            // two, 宜 → 和家, merged two, or lost one at an end): the claim is
            // supported by shape only when every one of its characters, cut
            // out by the ink, looks like it.
            let shown = claimedExtents(of: box, read: readCharacters.count, claimed: claimCharacters.count).contains { extent in
                cleaned.printedCharacters.cells(in: extent, count: claimCharacters.count).map { cells in
                    zip(claimCharacters, cells).allSatisfy { fitsShape($0, in: $1) }
                } ?? false
            }
            return (max(recognised, shown ? 1 : 0), nil)
        }
        // Character boxes: found by their ink (the recogniser's own boxes sit
        // up to a third of a character off), else the constrained reading's,
        // else an even split of the value's box (Han characters are set on
        // square bodies).
        let boxes = cleaned.printedCharacters.cells(in: box, count: claimCharacters.count) ?? spelt?.map(\.box) ?? (0..<claimCharacters.count).map { index in
            PixelBox(x: box.x + index * box.width / claimCharacters.count, y: box.y,
                     width: box.width / claimCharacters.count, height: box.height)
        }
        let shapes = disputed.map { index in
            compareShape(claimCharacters[index], with: readCharacters[index], in: boxes[index])
        }
        let shaped = shapes.allSatisfy { $0?.favoursClaim ?? false }
        let margins = shapes.compactMap { $0?.margin }
        return (max(recognised, shaped ? 1 : 0), margins.count == shapes.count ? margins.min() : nil)
    }

    /// How the glyph in `box` compares with the claimed and the read
    /// character: whether it looks more like `claimed` than like `read` and
    /// all but ``maxShapeRivals`` impostors, and by how much more like
    /// `claimed` than `read`.
    /// `nil` for characters other than Han (codes, digits).
    func compareShape(_ claimed: Character, with read: Character, in box: PixelBox) -> (favoursClaim: Bool, margin: Double)? {
        guard claimed.isHanCharacter, read.isHanCharacter, let glyph = glyph(in: box) else { return nil }
        let own = templates.similarity(of: glyph, to: claimed), other = templates.similarity(of: glyph, to: read)
        return (own > other && hasFewRivals(glyph, closerThan: own, besides: [claimed, read]), Double(own - other))
    }

    /// Where the claim's characters may be printed when `read` characters
    /// were read in `box`: the box itself, and when the claim is longer,
    /// the box grown by the missing characters' advance on the left or on
    /// the right (a character lost at an end), inside the page.
    func claimedExtents(of box: PixelBox, read: Int, claimed: Int) -> [PixelBox] {
        guard claimed > read, read > 0 else { return [box] }
        let grow = box.width * (claimed - read) / read
        let bounds = (cleaned.ocrGrey.width, cleaned.ocrGrey.height)
        return [box,
                PixelBox(x: box.x - grow, y: box.y, width: box.width + grow, height: box.height).clipped(to: bounds),
                PixelBox(x: box.x, y: box.y, width: box.width + grow, height: box.height).clipped(to: bounds)]
    }

    /// Whether the glyph in `box` looks like `claimed`, a Han character,
    /// with at most ``maxShapeRivals`` impostors looking as much like it.
    func fitsShape(_ claimed: Character, in box: PixelBox) -> Bool {
        guard claimed.isHanCharacter, let glyph = glyph(in: box) else { return false }
        return hasFewRivals(glyph, closerThan: templates.similarity(of: glyph, to: claimed), besides: [claimed])
    }

    private func glyph(in box: PixelBox) -> GlyphShape? {
        GlyphShape(grey: cleaned.ocrGrey, box: box.expanded(by: 2, within: (cleaned.ocrGrey.width, cleaned.ocrGrey.height)))
    }

    /// Whether at most ``maxShapeRivals`` impostors (other than `besides`)
    /// look at least `likeness` like `glyph`.
    private func hasFewRivals(_ glyph: GlyphShape, closerThan likeness: Float, besides: Set<Character>) -> Bool {
        let rivals = RingGlyphChecker.impostorSet.subtracting(besides)
        return rivals.lazy.filter { self.templates.similarity(of: glyph, to: $0) >= likeness }.prefix(maxShapeRivals + 1).count <= maxShapeRivals
    }

    /// Reads the value in `box` again, freely, from the binarised page.
    /// Tesseract thresholds the grey crop it is given by itself; on a
    /// patterned background (ID cards) that can turn a clean name into
    /// confident garbage which the locally thresholded page reads right.
    /// Only a reading that is exactly the claim counts.
    func readBinarised(around box: PixelBox) throws -> (text: String, confidence: Double)? {
        // Little room on the left, where the label ends close by.
        let region = valueRegion(around: box, leftMargin: max(2, box.height / 8))
        let text = try engine.recognize(cleaned.binary, RecognitionRequest(region: region, segmentation: .singleLine, dpi: cleaned.dpi))
        let symbols = text.symbols
        guard !symbols.isEmpty else { return nil }
        return (TextNormalization.normalized(text.unspacedText), symbols.meanConfidence)
    }

    /// The region to read a value in: its box with `leftMargin` pixels on
    /// the left, three quarters of its height on the right and a quarter
    /// above and below, inside the page.
    func valueRegion(around box: PixelBox, leftMargin: Int) -> PixelBox {
        let rightMargin = max(4, box.height * 3 / 4)
        return PixelBox(x: box.x - leftMargin, y: box.y - box.height / 4, width: box.width + leftMargin + rightMargin,
                        height: box.height + box.height / 2).clipped(to: (cleaned.ocrGrey.width, cleaned.ocrGrey.height))
    }

    /// Reads the region around `box` restricted to the characters of
    /// `expected`; the symbols that spell it, or `nil` when the constrained
    /// reading does not contain it.
    func spellOut(_ expected: String, around box: PixelBox, leftMargin: Int) throws -> [RecognizedSymbol]? {
        let region = valueRegion(around: box, leftMargin: leftMargin)
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
