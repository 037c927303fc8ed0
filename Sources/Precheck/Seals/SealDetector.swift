import PrecheckNative

/// Finds round seals on a cleaned page: red ones in the red-ink mask and,
/// on black-and-white copies, grey ones (a copied seal) among the dark ink.
///
/// Each candidate cluster gets an ellipse fitted to its outer ring and is
/// kept when the ink around that ellipse looks like a seal (see
/// ``SealRingMeasures``): a thin ring inked nearly all round, a hollow
/// interior with a star or ring text in it.
public struct SealDetector: Sendable {
    /// Lowest ``DetectedSeal/score`` reported.
    var minScore = 0.6
    /// On a B&W copy, grey darker than this is ink when measuring a grey seal's ring.
    var greyInkThreshold: UInt8 = 170
    var candidates = SealCandidates()
    var ringFit = SealRingFit()

    /// A detector with the default settings.
    public init() {}

    /// The seals on `page`, sorted by score, best first.
    public func detect(in page: CleanedPage) -> [DetectedSeal] {
        detect(in: page, red: redSeals(in: page))
    }

    /// The seals on `page` given its red ones (``redSeals(in:)``): on a
    /// B&W copy the grey ones are added. Sorted by score, best first.
    func detect(in page: CleanedPage, red: [DetectedSeal]) -> [DetectedSeal] {
        var seals = red
        if page.quality.isBlackAndWhiteCopy {
            let dark = InkMask(grey: page.grey, darkerThan: greyInkThreshold)
            let grey = candidates.greyClusters(page.binary).filter { isOnDocument($0, of: page) }
                .compactMap { seal(in: $0, of: dark, colour: .grey) }
            // A red seal's dark overprint must not count twice.
            seals += grey.filter { candidate in !seals.contains { $0.overlaps(candidate) } }
        }
        return Self.withoutDuplicates(seals.sorted { $0.score > $1.score })
    }

    /// The red seals on `page`, in no particular order.
    func redSeals(in page: CleanedPage) -> [DetectedSeal] {
        let red = InkMask(redInk: page.redInk)
        return candidates.redClusters(red).filter { isOnDocument($0, of: page) }.compactMap { seal(in: $0, of: red, colour: .red) }
    }

    /// On a photo, seals are on the document, not on the table around it.
    private func isOnDocument(_ box: PixelBox, of page: CleanedPage) -> Bool {
        page.documentBox.map { $0.contains(x: box.centerX, y: box.centerY) } ?? true
    }

    /// The seal whose ring the cluster `box` holds, or nil when it is not seal-like.
    func seal(in box: PixelBox, of mask: InkMask, colour: SealColour) -> DetectedSeal? {
        guard let ellipse = ringFit.fit(mask, centreX: box.centerX, centreY: box.centerY,
                                        radiusX: Double(box.width) / 2, radiusY: Double(box.height) / 2) else { return nil }
        let shortSide = min(mask.width, mask.height)
        let fittedBox = PixelBox(x: 0, y: 0, width: Int(2 * ellipse.radiusX), height: Int(2 * ellipse.radiusY))
        guard candidates.isPlausible(fittedBox, shortSide: shortSide) else { return nil }
        let measures = SealRingMeasures(mask, centreX: ellipse.centreX, centreY: ellipse.centreY,
                                        radiusX: ellipse.radiusX, radiusY: ellipse.radiusY)
        let score = measures.score
        guard score >= minScore else { return nil }
        return DetectedSeal(centreX: ellipse.centreX, centreY: ellipse.centreY, radiusX: ellipse.radiusX,
                            radiusY: ellipse.radiusY, colour: colour, score: score)
    }

    /// Drops a seal whose centre lies inside a better one (e.g. a fit to the star or text of a seal already found).
    static func withoutDuplicates(_ sorted: [DetectedSeal]) -> [DetectedSeal] {
        var kept: [DetectedSeal] = []
        for seal in sorted where !kept.contains(where: { $0.overlaps(seal) }) { kept.append(seal) }
        return kept
    }
}

extension DetectedSeal {
    /// Whether either seal's centre lies within the other's ellipse.
    func overlaps(_ other: DetectedSeal) -> Bool {
        contains(x: other.centreX, y: other.centreY) || other.contains(x: centreX, y: centreY)
    }
}
