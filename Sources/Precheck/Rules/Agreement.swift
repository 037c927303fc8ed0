/// What a document says about a value the form (or another document) claims.
enum Agreement {
    /// The document shows the claimed value (read so, or the claim is
    /// well supported by a constrained re-read).
    case agrees(FieldReading)
    /// The document confidently shows something else.
    case differs(FieldReading)
    /// Not read, or read too unsurely to decide either way.
    case uncertain(FieldReading?)
}

/// Compares claims with readings under a ``CheckPolicy``.
struct ClaimComparison {
    let policy: CheckPolicy

    /// A text value (names).
    ///
    /// Agrees when read as claimed or when the claim is well supported.
    /// Differs only when the reading is confident, the claim unsupported,
    /// and the difference is more than one misread character could make —
    /// two or more characters, or the same other value read on a second
    /// document (`others`: readings elsewhere of what must be the same
    /// value). A lone one-character difference goes to review, and so does
    /// any difference whose glyphs look as much like the claim as like the
    /// reading (``FieldReading/shapeMargin``), or whose reading holds half
    /// the claim or less.
    func text(claim: String, reading: FieldReading?, others: [FieldReading?] = []) -> Agreement {
        let agreement = compare(claim: claim, reading: reading, others: others, normalize: TextNormalization.normalized, minDistance: 2,
                                distance: { TextSimilarity.glyphDistance(read: $0, claim: $1) })
        guard case .differs(let read) = agreement else { return agreement }
        let claimed = TextNormalization.normalized(claim), letters = TextNormalization.lettersAndDigits(TextNormalization.normalized(read.value))
        // Not another value: Latin letters or digits where the claim is all
        // Han characters are the recogniser's noise (兹谷1 for 蔡俊华), and a
        // reading holding half the claim or less (二 for 孔浩宁, a line cut
        // short) is incomplete.
        let noise = claimed.allSatisfy(\.isHanCharacter) && letters.contains(where: \.isASCII)
        let incomplete = 2 * letters.count <= claimed.count
        return noise || incomplete ? .uncertain(read) : agreement
    }

    /// A checksummed code: as for text, but a different reading must also
    /// pass the checksum, and differ in three or more characters unless a
    /// second document shows the same code (a misread that shifts a
    /// character and happens to validate differs in two).
    func code(claim: String, reading: FieldReading?, others: [FieldReading?] = [], isValid: (String) -> Bool) -> Agreement {
        if let reading, !isValid(reading.value),
           CodeText.normalized(reading.value) != CodeText.normalized(claim), (reading.support ?? 0) < policy.minSupport {
            return .uncertain(reading)
        }
        // A checksum-guided correction finds *a* valid code, which proves
        // nothing against the claim: a corrected reading can confirm, never refute.
        if let reading, reading.correctedFrom != nil, CodeText.normalized(reading.value) != CodeText.normalized(claim),
           (reading.support ?? 0) < policy.minSupport {
            return .uncertain(reading)
        }
        return compare(claim: claim, reading: reading, others: others, normalize: CodeText.normalized, minDistance: 3,
                       distance: TextSimilarity.distance)
    }

    private func compare(claim: String, reading: FieldReading?, others: [FieldReading?], normalize: (String) -> String,
                         minDistance: Int, distance: (String, String) -> Int) -> Agreement {
        guard let reading else { return .uncertain(nil) }
        let read = normalize(reading.value), claimed = normalize(claim)
        if read == claimed { return .agrees(reading) }
        let support = reading.support ?? 0
        if support >= policy.minSupport { return .agrees(reading) }
        guard reading.confidence >= policy.minMismatchConfidence, support <= policy.maxMismatchSupport else { return .uncertain(reading) }
        // Glyphs that look as much like the claimed characters as like those
        // read (昊/吴): the recogniser's confusion, which a second document
        // read by the same recogniser repeats — not evidence.
        if let margin = reading.shapeMargin, margin > -policy.minShapeMargin { return .uncertain(reading) }
        let corroborated = others.contains { other in
            guard let other else { return false }
            return normalize(other.value) == read && other.confidence >= policy.minMismatchConfidence
        }
        if corroborated || distance(read, claimed) >= minDistance { return .differs(reading) }
        return .uncertain(reading)
    }

    /// A date read from a document (no claim to support it).
    func date(_ reading: FieldReading?) -> CalendarDate? {
        guard let reading, reading.confidence >= policy.minMismatchConfidence else { return nil }
        return CalendarDate(iso: reading.value)
    }
}
