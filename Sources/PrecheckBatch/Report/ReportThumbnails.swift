import Foundation
import Precheck
import PrecheckNative

/// Draws the report's thumbnails of one checked application: each scan
/// shrunk to ``longSide`` with the verdict's evidence marks
/// (``Verdict/evidenceMarks(for:)``, drawn by ``EvidenceAnnotator``).
struct ReportThumbnails: Sendable {
    var longSide: Int
    var jpegQuality = 72

    func record(for application: CollectedApplication, verdict: Verdict) -> ThumbnailRecord {
        let annotator = EvidenceAnnotator(longSide: longSide, jpegQuality: jpegQuality)
        let documents = DocumentSlot.allCases.compactMap { slot -> DocumentThumbnail? in
            guard let file = application.documents[slot] else { return nil }
            do {
                let image = try annotator.intake.decode(try file.bytes())
                let marks = verdict.evidenceMarks(for: slot)
                let raster = try annotator.annotated(image, marks: marks)
                let jpeg = try VipsImage(raster).encoded(as: .jpeg(quality: jpegQuality))
                let scale = Double(raster.width) / Double(image.sourceWidth)
                return DocumentThumbnail(
                    slot: slot, file: file.name, jpegBase64: Data(jpeg).base64EncodedString(),
                    width: raster.width, height: raster.height,
                    marks: marks.map { mark in
                        DocumentThumbnail.Mark(label: mark.label, status: mark.status.rawValue,
                                               box: [mark.box.x, mark.box.y, mark.box.width, mark.box.height].map { Int((Double($0) * scale).rounded()) })
                    },
                    problem: nil)
            } catch {
                return DocumentThumbnail(slot: slot, file: file.name, jpegBase64: nil, width: 0, height: 0, marks: [],
                                         problem: "\(error)")
            }
        }
        return ThumbnailRecord(source: application.source, contentSha256: application.contentHash, documents: documents)
    }
}
