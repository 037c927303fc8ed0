import Foundation
import Precheck
import PrecheckNative

/// A generated application in memory: its files and its truth.
public struct GeneratedApplication: Sendable {
    /// Folder name, e.g. `APP-0007`.
    public var name: String
    /// File name → bytes (includes `application.json` and `truth.json`).
    public var files: [String: [UInt8]]
    public var truth: GroundTruth

    /// The same application without its scan bytes (to keep many in memory).
    public func withoutScans() -> GeneratedApplication {
        GeneratedApplication(name: name, files: [:], truth: truth)
    }

    /// Writes the folder under `directory` (replacing files of the same name).
    public func write(into directory: URL) throws {
        let folder = directory.appendingPathComponent(name, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (file, bytes) in files.sorted(by: { $0.key < $1.key }) {
            try Data(bytes).write(to: folder.appendingPathComponent(file))
        }
    }
}

/// Renders whole applications (contract §2) as realistic scans with exact
/// ground truth. Deterministic: the same seed and index give byte-identical files.
public struct ApplicationGenerator: Sendable {
    public var factory = IdentityFactory()
    /// Highest JPEG quality used (lower keeps committed samples small).
    public var maxJPEGQuality = 88

    public init() {}

    /// Generates application number `index` of the corpus `seed`.
    /// - Parameters:
    ///   - defect: the one defect to inject, or `nil` for a clean application.
    ///   - style: how it was scanned, or `nil` to draw one.
    public func generate(index: Int, seed: UInt64, defect: Defect?, style: ScanStyle? = nil) throws -> GeneratedApplication {
        var random = SeededRandom(seed: seed &* 0x100_0000_01B3 &+ UInt64(index))
        let name = String(format: "APP-%04d", index)
        let number = String(Int(seed % 1_000_000) * 1_000_000_000 + index)
        let applicationId = String(repeating: "0", count: max(0, 15 - number.count)) + number
        let style = style ?? ScanStyle.allCases.randomElement(using: &random)!

        var content = ApplicationContent.clean(id: applicationId, factory: factory, random: &random)
        if let defect { DefectInjector(factory: factory).inject(defect, into: &content, random: &random) }

        // Drawn from a stream of their own, so that adding them left every
        // other choice of the generator as it was: a phone photo of B&W
        // copies (stamped with the company's seal) instead of the
        // originals, and which document a copy without seal is.
        var variation = SeededRandom(seed: (seed &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(index) ^ 0xC0B1)
        let photographedCopies = style == .phonePhoto && variation.chance(0.3)
        let unsealedCopies: Set<DocumentSlot> = variation.chance(0.5) ? [.businessLicense] : [.idCardFront, .idCardBack]
        let unsealed: Set<DocumentSlot> = defect == .copyWithoutSeal ? unsealedCopies : []
        let copied: Set<DocumentSlot> = style == .photocopy || photographedCopies ? [.businessLicense, .idCardFront, .idCardBack] : []
        let copies = copied.union(unsealed)
        let copyPlan = CopyPlan(copies: copies, unsealed: unsealed)

        var presentation: [String: SlotPresentation] = [:]
        var files: [String: [UInt8]] = [:]
        var seals: [String: [SealTruth]] = [:]
        let serif = random.chance(0.8)

        // Licence.
        var licenseRandom = random.fork()
        let license = try LicenseRenderer(font: serif ? .serif : .sans).render(content.license, random: &licenseRandom)
        seals[DocumentSlot.businessLicense.rawValue] = license.seals
        let licenseScan = try present(license, slot: .businessLicense, style: style, defect: defect, copyPlan: copyPlan, content: content, random: &random)

        // ID card, both sides.
        let idRenderer = IDCardRenderer()
        var idRandom = random.fork()
        var front = try idRenderer.renderFront(content.idCard, random: &idRandom)
        var back = try idRenderer.renderBack(content.idCard, random: &idRandom)
        // Copies are made on A4.
        let onPage = style == .photocopy || random.chance(0.35) || copies.contains(.idCardFront)
        if onPage {
            front = try idRenderer.onScanPage(front, random: &idRandom)
            back = try idRenderer.onScanPage(back, random: &idRandom)
        }
        let frontScan = try present(front, slot: .idCardFront, style: style, defect: defect, copyPlan: copyPlan, content: content, random: &random)
        let backScan = try present(back, slot: .idCardBack, style: style, defect: defect, copyPlan: copyPlan, content: content, random: &random)

        // Authorization letter (an original: colour, red seal).
        var letterRandom = random.fork()
        let letter = try LetterRenderer(font: serif ? .serif : .sans).render(content.letter, random: &letterRandom)
        seals[DocumentSlot.authorizationLetter.rawValue] = letter.seals
        let letterStyle: ScanStyle = style == .photocopy ? .clean : style
        let letterScan = try present(letter, slot: .authorizationLetter, style: letterStyle, defect: defect, copyPlan: copyPlan, content: content, random: &random)

        // Files, with the file-level defects.
        var scans: [(DocumentSlot, String, EncodedScan, Bool)] = [
            (.businessLicense, "license", licenseScan, false), (.idCardFront, "id-front", frontScan, onPage),
            (.idCardBack, "id-back", backScan, onPage), (.authorizationLetter, "authorization", letterScan, false)]
        if defect == .idBackInFrontSlot { scans[1].2 = backScan }
        if defect == .licenseInLetterSlot { scans[3].2 = licenseScan }
        for (slot, base, scan, onPage) in scans {
            let file = "\(base).\(scan.fileExtension)"
            if content.form.documents[slot.rawValue] != nil { content.form.documents[slot.rawValue] = file }
            presentation[slot.rawValue] = SlotPresentation(file: file, format: scan.fileExtension, degradations: scan.degradations.map(\.rawValue),
                                                           blackAndWhiteCopy: scan.blackAndWhiteCopy, companySealOnCopy: scan.companySealOnCopy,
                                                           onPage: onPage)
            var bytes = scan.bytes
            switch (defect, slot) {
            case (.fileMissing, .businessLicense): continue
            case (.truncatedJPEG, .businessLicense): bytes = Array(bytes.prefix(bytes.count * 2 / 5))
            case (.emptyFile, .idCardBack): bytes = []
            default: break
            }
            files[file] = bytes
        }

        let truth = GroundTruth(
            applicationId: applicationId, seed: seed, style: style.rawValue,
            expectedDecision: defect == nil ? .preApproved : .rejected,
            expectedReasons: defect.map { [$0.reason] } ?? [], defect: defect,
            fields: truthFields(content, defect: defect), presentation: presentation, seals: seals)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        files["application.json"] = Array(try encoder.encode(content.form))
        files["truth.json"] = Array(try encoder.encode(truth))
        return GeneratedApplication(name: name, files: files, truth: truth)
    }

    /// A scan as written to disk.
    struct EncodedScan {
        var bytes: [UInt8]
        var fileExtension: String
        var degradations: [Degradation]
        var blackAndWhiteCopy: Bool
        var companySealOnCopy: Bool
    }

    /// Which documents of an application are B&W copies, and which of
    /// those carry no company seal.
    struct CopyPlan {
        var copies: Set<DocumentSlot>
        var unsealed: Set<DocumentSlot>
    }

    /// Copies, stamps, degrades and encodes one rendered document.
    func present(_ document: RenderedDocument, slot: DocumentSlot, style: ScanStyle, defect: Defect?, copyPlan: CopyPlan,
                 content: ApplicationContent, random: inout SeededRandom) throws -> EncodedScan {
        var local = random.fork()
        let degrader = ScanDegrader()
        var page = document.canvas.raster
        var degradations = style.degradations
        let copy = copyPlan.copies.contains(slot)
        var sealed = false
        if copy {
            page = degrader.photocopy(page, random: &local)
            if !copyPlan.unsealed.contains(slot) {
                var canvas = Canvas(width: page.width, height: page.height)
                canvas.raster = page
                var seal = SealStyle(ringText: content.companySealText, radius: Double(min(page.width, page.height)) * (slot == .businessLicense ? 0.12 : 0.16))
                seal.rotationDegrees = local.uniform(-20...20)
                seal.inkStrength = local.uniform(0.7...0.95)
                let cx = Double(page.width) * local.uniform(0.55...0.75), cy = Double(page.height) * (slot == .businessLicense ? local.uniform(0.35...0.6) : local.uniform(0.3...0.6))
                try SealRenderer.stamp(seal, on: &canvas, cx: cx, cy: cy, random: &local)
                page = canvas.raster
                sealed = true
            }
        }
        if defect == .unreadablyBlurred && slot == .businessLicense { degradations = [.unreadableBlur] }
        let scan = try degrader.degrade(page, degradations, random: &local)
        let quality = min(maxJPEGQuality, scan.jpegQuality)
        let image = try VipsImage(scan.raster)
        // Mostly JPEG, as uploads are; PNG/WebP only for noise-free ID
        // scans (a noisy PNG is huge); some PDF, WebP and TIFF pages.
        let noiseFree = !copy && scan.applied.allSatisfy { $0 == .skew || $0 == .quarterTurn }
        let isCard = slot == .idCardFront || slot == .idCardBack
        let draw = local.uniform(0...1)
        let format: String = switch draw {
        case _ where defect == .truncatedJPEG && slot == .businessLicense: "jpg"
        case ..<0.8: "jpg"
        case _ where isCard && noiseFree: draw < 0.9 ? "png" : "webp"
        case _ where isCard: "jpg"
        case ..<0.93: "pdf"
        case ..<0.97: "webp"
        default: "tif"
        }
        let bytes: [UInt8] = switch format {
        case "png": try image.encoded(as: .png)
        case "webp": try image.encoded(as: .webp(quality: quality))
        case "tif": try image.encoded(as: .tiff)
        case "pdf": PDFWrapper.wrap(jpeg: try image.encoded(as: .jpeg(quality: quality)), width: scan.raster.width,
                                    height: scan.raster.height, dpi: 200)
        default: try image.encoded(as: .jpeg(quality: quality))
        }
        return EncodedScan(bytes: bytes, fileExtension: format, degradations: scan.applied, blackAndWhiteCopy: copy, companySealOnCopy: sealed)
    }

    /// The true field values of the documents the pipeline can read.
    func truthFields(_ content: ApplicationContent, defect: Defect?) -> [String: [String: String]] {
        var fields: [String: [String: String]] = [:]
        let license = content.license
        var licenseFields = ["creditCode": license.creditCode, "name": license.name, "organizationType": license.organizationType,
                             "legalRepresentative": license.legalRepresentative, "establishedOn": license.establishedOn,
                             "address": license.address, "registrationAuthority": license.registrationAuthority, "issuedOn": license.issuedOn]
        if !license.isIndividualBusiness { licenseFields["registeredCapital"] = license.registeredCapital }
        let card = content.idCard
        let letter = content.letter
        let unreadableLicense: Set<Defect> = [.fileMissing, .truncatedJPEG, .unreadablyBlurred]
        if !(defect.map(unreadableLicense.contains) ?? false) { fields[DocumentSlot.businessLicense.rawValue] = licenseFields }
        if defect != .idBackInFrontSlot {
            fields[DocumentSlot.idCardFront.rawValue] = ["name": card.name, "sex": card.sex, "ethnicity": card.ethnicity, "birthDate": card.birthDate,
                                                         "address": card.address, "idNumber": card.idNumber]
        }
        if defect != .emptyFile && defect != .slotMissing {
            fields[DocumentSlot.idCardBack.rawValue] = ["issuingAuthority": card.issuingAuthority, "validFrom": card.validFrom, "validUntil": card.validUntil]
        }
        if defect != .licenseInLetterSlot {
            fields[DocumentSlot.authorizationLetter.rawValue] = ["principalName": letter.principalName, "agentName": letter.agentName,
                                                                 "agentIdNumber": letter.agentIdNumber, "termStart": letter.termStart,
                                                                 "termEnd": letter.termEnd, "signedOn": letter.signedOn]
        }
        return fields
    }
}
