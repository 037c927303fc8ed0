import Foundation
import PrecheckNative

/// Reads one uploaded document: decode, clean, read lines, classify,
/// extract fields.
///
/// ```swift
/// let reading = try DocumentReader().read(contentsOf: url, engine: try TesseractEngine())
/// reading.fields["creditCode"]?.value
/// ```
public struct DocumentReader: Sendable {
    public var intake = ImageIntake()
    public var cleaner = PageCleaner()
    public var pageReader = PageReader()
    var sealInspector = SealInspector()
    /// Below this classification score the page is read upside down too: a page
    /// read upside down can match a third of another kind's words by
    /// chance (seed 2043's APP-0194 and APP-0288, turned licences read at
    /// 180° as ID fronts with 0.33; upright generated licences score 0.54,
    /// ID fronts, backs and letters more, so only a page that lost two of
    /// its labels too pays for the second reading).
    var sureClassificationScore = 0.45

    public init() {}

    /// Reads the document in the file at `url`; see ``read(_:engine:claims:sealNames:)``.
    public func read(contentsOf url: URL, engine: any OCREngine, claims: [String: String] = [:],
                     sealNames: [SealKind: String] = [:]) throws -> DocumentReading {
        try read(try intake.decode(contentsOf: url), engine: engine, claims: claims, sealNames: sealNames)
    }

    /// Reads a decoded document.
    ///
    /// - Parameters:
    ///   - claims: field key → the value the form says the field holds; each
    ///     claimed field that was read gets a ``FieldReading/support``.
    ///   - sealNames: the name each kind of seal should carry (the form's
    ///     company and registration authority); its seals' rings are also
    ///     read restricted to that name's characters.
    public func read(_ image: DecodedImage, engine: any OCREngine, claims: [String: String] = [:],
                     sealNames: [SealKind: String] = [:]) throws -> DocumentReading {
        var timing = ReadTiming()
        return try read(image, engine: engine, claims: claims, sealNames: sealNames, timing: &timing)
    }

    /// Reads a decoded document and adds the CPU time of each stage to
    /// `timing` (for benchmarks).
    public func read(_ image: DecodedImage, engine: any OCREngine, claims: [String: String] = [:],
                     sealNames: [SealKind: String] = [:], timing: inout ReadTiming) throws -> DocumentReading {
        // Cleanup only levels the page (lines horizontal); which way up it
        // is, reading settles: a page read upside down shows none of its
        // kind's words (or few), so it is read once more turned by 180°
        // (and, if still unknown, by 90° and 270°).
        var leveller = cleaner
        leveller.options.orientation.readsDirection = false
        var cleaned = try timing.measure(.cleanup) { try leveller.clean(image, engine: engine) }
        var page = try timing.measure(.lines) { try pageReader.read(cleaned, engine: engine) }
        var (kind, score) = DocumentClassifier().classify(page)
        // Nothing known: the page may be upside down, or, when it holds
        // little text (an ID card copied small on A4), its lines' axis may
        // have been misjudged; the other three turns are tried. Little
        // known: upside down is tried.
        let levelledTurn = cleaned.transform.turn.rawValue
        for extra in [180, 90, 270] where kind == .unknown || (extra == 180 && score < sureClassificationScore) {
            let turn = QuarterTurn(rawValue: (levelledTurn + extra) % 360)!
            let turned = try timing.measure(.cleanup) { try leveller.clean(image, engine: engine, forcedTurn: turn) }
            let turnedPage = try timing.measure(.lines) { try pageReader.read(turned, engine: engine) }
            let (turnedKind, turnedScore) = DocumentClassifier().classify(turnedPage)
            if turnedScore > score { (cleaned, page, kind, score) = (turned, turnedPage, turnedKind, turnedScore) }
        }
        var fields = try timing.measure(.fields) {
            try FieldExtractor(page: page, cleaned: cleaned, engine: engine).fields(for: kind)
        }
        try timing.measure(.claims) {
            let verifier = ClaimVerifier(cleaned: cleaned, engine: engine)
            for (key, claim) in claims.sorted(by: { $0.key < $1.key }) {
                guard let reading = fields[key] else { continue }
                let verified = try verifier.verify(claim, reading: reading)
                fields[key]?.support = verified.support
                fields[key]?.shapeMargin = verified.shapeMargin
            }
        }
        let findings = kind == .unknown ? nil : try timing.measure(.seals) {
            try sealInspector.inspect(&cleaned, kind: kind, expected: sealNames, engine: engine)
        }
        // A copy's grey authority seal garbles the issue date printed over it.
        if fields["issuedOn"] == nil, let seal = findings?.copiedAuthoritySeal {
            fields["issuedOn"] = try timing.measure(.fields) {
                try FieldExtractor(page: page, cleaned: cleaned, engine: engine)
                    .issueDate(under: seal, establishedOn: fields["establishedOn"].flatMap { CalendarDate(iso: $0.value) },
                               today: CalendarDate(date: Date()))
            }
        }
        return DocumentReading(detectedType: kind, classificationScore: score, isBlackAndWhiteCopy: cleaned.quality.isBlackAndWhiteCopy,
                               quality: cleaned.quality, fields: fields, seals: findings?.seals ?? [],
                               dashedBox: findings?.dashedBox, text: page.lines.map(\.text))
    }
}
