import Foundation

/// Every threshold the rules use, in one place. The defaults were tuned on
/// generated applications (see `models/README.md` for how); a deployment
/// may load its own from JSON (`models/check-policy.json` holds the
/// defaults). Keys left out of a file keep their defaults.
public struct CheckPolicy: Sendable, Codable, Equatable {
    /// A claim whose support (``FieldReading/support``) reaches this is confirmed.
    public var minSupport = 0.60
    /// A reading that differs from the claim counts as a real difference
    /// only when its own confidence reaches this …
    public var minMismatchConfidence = 0.70
    /// … and the claim's support stays at or below this. In between: manual review.
    public var maxMismatchSupport = 0.30
    /// Below this classification score a page's kind is not trusted.
    public var minClassificationScore = 0.35
    /// Laplacian sharpness below which a page is too blurred to read.
    public var minSharpness = 15.0
    /// A page whose document is smaller than this (estimated dpi) is too small.
    public var minDPI = 90.0
    /// Mean brightness (0-255) outside this range: too dark / washed out.
    public var minBrightness = 40.0
    public var maxBrightness = 254.5
    /// Seal shapes scoring below this are not seals.
    public var minSealScore = 0.5
    /// A seal with at least this share of its area inside the dashed box is inside it.
    public var minSealInsideBox = 0.5
    /// Ring text: the distinctive part of the expected name must be matched
    /// at least this well for the seal to confirm it …
    public var minRingSupport = 0.5
    /// … and at most this well for the seal to contradict it.
    public var maxRingContradiction = 0.2
    /// A ring reading restricted to the name's characters counts towards
    /// the name only at this mean confidence or above.
    public var minRestrictedRingConfidence = 0.6
    /// Ring glyphs (``RingGlyphCheck``): a ring cell *fits* its expected
    /// character when at most this many of the ~400 other candidates look
    /// as much like it (measured on seed 2028: genuine cells mostly 0-5;
    /// a trade name swapped for another, ≥ 40 on at least one character).
    public var maxGlyphRivals = 5.0
    /// A trade-name character fits this closely to lift a contradiction
    /// (see ``CompanySealCheck``), and an authority's place character to
    /// confirm its seal.
    public var maxTradeGlyphRivals = 3.0
    /// A company seal's trade-name character must fit this closely to
    /// confirm the seal. Degraded genuine seals' trade cells measured up to
    /// 9 rivals (seed 2042: 宏图 at 2 and 9 on a compressed letter); another
    /// company's, at least 21 (16 seals of that defect on seeds 2040-2042,
    /// 99 genuine letters checked against a swapped trade name).
    public var maxConfirmingTradeGlyphRivals = 10.0
    /// A seal confirms its name when at least this share of all cells, and
    /// of the distinctive part's cells, fit, and every trade-name cell fits
    /// within ``maxConfirmingTradeGlyphRivals`` …
    public var minRingGlyphShare = 0.7
    /// A difference from the claim counts only when the differing glyphs
    /// look at least this much more like the characters read than like the
    /// claimed ones (``FieldReading/shapeMargin``; 昊/吴 measure ~0.01,
    /// real one-character differences 0.07-0.35).
    public var minShapeMargin = 0.05
    /// … and contradicts it when at least this share of the anchors fit
    /// while every trade-name character has at least
    /// ``minContradictingGlyphRivals`` rivals.
    public var minAnchorGlyphShare = 0.9
    /// See ``minAnchorGlyphShare``.
    public var minContradictingGlyphRivals = 5.0
    /// A ring cell with at least this many rivals shows some other
    /// character. No cell of the distinctive part may, for the seal to
    /// confirm its name by glyphs or by readings: a sister company sharing
    /// the trade name (淄博锦程广告 / 淄博锦程机械) differs only there.
    public var minMismatchGlyphRivals = 40.0
    /// A company seal also contradicts its name when every cell of the
    /// place in front (at least two) has at most this many rivals, while a
    /// trade-name cell and at least half the distinctive cells have
    /// ``minMismatchGlyphRivals`` or more: the ring is legible where the
    /// names agree and shows other characters where they differ. (Another
    /// company's name is seldom as long as the claimed one, so the legal
    /// form behind falls off the grid and cannot vouch for legibility.)
    public var maxLegiblePlaceGlyphRivals = 1.0
    /// Readings confirm a company seal only when a free reading also holds
    /// this share of what follows the trade name (云溪|物业管理): sister
    /// companies share the trade name, and half a distinctive part is not
    /// enough (云溪物业服务 holds 0.5 of 云溪物业管理's).
    public var minRingSupportAfterTradeName = 0.75
    /// An authority seal contradicts the claimed authority when another
    /// authority of the same city matches its ring this much better.
    public var ringCompetitorMargin = 0.2

    public init() {}

    /// Whether a found seal counts as a stamped (red) seal at all.
    public func isStampedSeal(_ seal: SealEvidence) -> Bool {
        seal.color == .red && seal.score >= minSealScore
    }

    /// The built-in defaults.
    public static let `default` = CheckPolicy()

    /// Reads a policy file (JSON object; unknown keys are refused so that a
    /// misspelt threshold does not silently keep its default).
    public static func load(from url: URL) throws -> CheckPolicy {
        let data = try Data(contentsOf: url)
        let object = try JSONSerialization.jsonObject(with: data)
        guard let dictionary = object as? [String: Any] else {
            throw PolicyError("\(url.path): the policy must be a JSON object of threshold names and numbers")
        }
        let known = Set(CodingKeys.allCases.map(\.rawValue))
        if let unknown = dictionary.keys.sorted().first(where: { !known.contains($0) }) {
            throw PolicyError("\(url.path): unknown threshold \"\(unknown)\"; known: \(known.sorted().joined(separator: ", "))")
        }
        return try JSONDecoder().decode(CheckPolicy.self, from: data)
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case minSupport, minMismatchConfidence, maxMismatchSupport, minClassificationScore, minSharpness, minDPI,
             minBrightness, maxBrightness, minSealScore, minSealInsideBox, minRingSupport, maxRingContradiction,
             minRestrictedRingConfidence, minRingGlyphShare, minAnchorGlyphShare, minShapeMargin, ringCompetitorMargin,
             maxGlyphRivals, maxTradeGlyphRivals, maxConfirmingTradeGlyphRivals, minContradictingGlyphRivals, minMismatchGlyphRivals,
             minRingSupportAfterTradeName, maxLegiblePlaceGlyphRivals
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        var policy = CheckPolicy()
        func read(_ key: CodingKeys, _ path: WritableKeyPath<CheckPolicy, Double>) throws {
            if let value = try container.decodeIfPresent(Double.self, forKey: key) { policy[keyPath: path] = value }
        }
        try read(.minSupport, \.minSupport)
        try read(.minMismatchConfidence, \.minMismatchConfidence)
        try read(.maxMismatchSupport, \.maxMismatchSupport)
        try read(.minClassificationScore, \.minClassificationScore)
        try read(.minSharpness, \.minSharpness)
        try read(.minDPI, \.minDPI)
        try read(.minBrightness, \.minBrightness)
        try read(.maxBrightness, \.maxBrightness)
        try read(.minSealScore, \.minSealScore)
        try read(.minSealInsideBox, \.minSealInsideBox)
        try read(.minRingSupport, \.minRingSupport)
        try read(.maxRingContradiction, \.maxRingContradiction)
        try read(.minRestrictedRingConfidence, \.minRestrictedRingConfidence)
        try read(.minRingGlyphShare, \.minRingGlyphShare)
        try read(.minAnchorGlyphShare, \.minAnchorGlyphShare)
        try read(.minShapeMargin, \.minShapeMargin)
        try read(.ringCompetitorMargin, \.ringCompetitorMargin)
        try read(.maxGlyphRivals, \.maxGlyphRivals)
        try read(.maxTradeGlyphRivals, \.maxTradeGlyphRivals)
        try read(.maxConfirmingTradeGlyphRivals, \.maxConfirmingTradeGlyphRivals)
        try read(.minContradictingGlyphRivals, \.minContradictingGlyphRivals)
        try read(.minMismatchGlyphRivals, \.minMismatchGlyphRivals)
        try read(.minRingSupportAfterTradeName, \.minRingSupportAfterTradeName)
        try read(.maxLegiblePlaceGlyphRivals, \.maxLegiblePlaceGlyphRivals)
        self = policy
    }
}

/// A policy file that cannot be used.
public struct PolicyError: Error, CustomStringConvertible, Sendable {
    public let description: String
    init(_ description: String) { self.description = description }
}
