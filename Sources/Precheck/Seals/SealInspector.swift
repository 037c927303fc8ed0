import PrecheckNative

/// The seal stage of reading a document: finds the seals on a cleaned page,
/// tells whose they are, reads their rings and, on the letter, measures how
/// much of the company seal lies in the dashed box.
struct SealInspector {
    var detector = SealDetector()
    var ringReader = SealRingReader()
    var boxFinder = DashedBoxFinder()
    /// Shapes scoring lower are not reported at all (the rules apply their
    /// own, higher threshold).
    var minReportedScore = 0.3
    /// At most this many seals are read per page (ring reading costs ~0.1 s).
    var maxSeals = 3

    /// What the seal stage found on one page.
    struct Findings {
        var seals: [SealEvidence]
        /// The letter's dashed seal box, in the uploaded image's pixels.
        var dashedBox: PixelBox?
        /// On a black-and-white copy of a licence, the grey seal taken for
        /// the registration authority's (working image), over which the
        /// issue date is printed.
        var copiedAuthoritySeal: DetectedSeal?
    }

    /// On a licence or ID card that bears red seals and is not taken for a
    /// copy, the page's ink is measured again without them
    /// (``QualityMeasures/offGreyInkShareOutsideSeals``, stored in `page`):
    /// a black-and-white copy stamped with the company's seal then shows
    /// as the copy it is, its red seal as the company's and its grey one as
    /// the authority's.
    ///
    /// - Parameter expected: what each kind of seal should say (the form's
    ///   company name and registration authority), for the constrained reading.
    func inspect(_ page: inout CleanedPage, kind: DocumentKind, expected: [SealKind: String],
                 engine: any OCREngine) throws -> Findings {
        let red = detector.redSeals(in: page)
        if kind.slot?.acceptsSealedCopy == true && !page.quality.isBlackAndWhiteCopy && !red.isEmpty {
            let document = page.documentBox ?? PixelBox(x: 0, y: 0, width: page.grey.width, height: page.grey.height)
            page.quality.offGreyInkShareOutsideSeals = QualityMeter.offGreyInkShare(colour: page.colour, grey: page.grey,
                                                                                   document: document, excluding: red)
        }
        // On a copy (now perhaps) its grey, copied seals are looked for too.
        let detected = detector.detect(in: page, red: red)
        let isCopy = page.quality.isBlackAndWhiteCopy
        let box = kind == .authorizationLetter ? boxFinder.find(in: page) : nil
        let found = Array(detected.filter { $0.score >= minReportedScore }.prefix(maxSeals))
        return Findings(seals: try seals(found, on: page, isCopy: isCopy, kind: kind, dashedBox: box, expected: expected, engine: engine),
                        dashedBox: box.map(page.sourceBox),
                        copiedAuthoritySeal: kind.isLicence && isCopy ? found.first { $0.colour == .grey } : nil)
    }

    private func seals(_ found: [DetectedSeal], on page: CleanedPage, isCopy: Bool, kind: DocumentKind, dashedBox box: PixelBox?,
                       expected: [SealKind: String], engine: any OCREngine) throws -> [SealEvidence] {
        // On a licence original the authority's seal is the lowest red one
        // (over the issue date); on a copy, red seals are the company's and
        // the grey one is the copied authority seal.
        let isLicence = kind.isLicence
        let authorityCentre = isLicence && !isCopy ? found.filter { $0.colour == .red }.map(\.centreY).max() : nil
        return try found.map { seal in
            let sealKind: SealKind
            if isLicence && (seal.colour == .grey || seal.centreY == authorityCentre) {
                sealKind = .registrationAuthority
            } else {
                sealKind = .company
            }
            let reading = try ringReader.read(seal, in: page, engine: engine, expectedName: expected[sealKind])
            var evidence = SealEvidence(kind: sealKind, text: reading.text, readings: reading.readings, box: page.sourceBox(seal.box),
                                        color: seal.colour, score: seal.score, insideBox: box.map { seal.fractionInside($0) })
            if expected[sealKind].map({ !$0.isEmpty }) ?? false {
                evidence.constrainedReadings = reading.constrainedReadings
                evidence.constrainedConfidences = reading.constrainedConfidences
                evidence.glyphCheck = reading.glyphCheck
            }
            return evidence
        }
    }
}
