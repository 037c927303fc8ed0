import Precheck

/// The report's pictures of one application, kept beside the report (one
/// JSON line per application in `REPORT.thumbnails.jsonl`) so that a resumed
/// run can rebuild the whole page without reading the archives again.
struct ThumbnailRecord: Codable, Sendable {
    let source: String
    let contentSha256: String
    let documents: [DocumentThumbnail]
}

/// One scan, shrunk, with the verdict's evidence boxes drawn on it.
struct DocumentThumbnail: Codable, Sendable {
    let slot: DocumentSlot
    let file: String
    /// JPEG, base64; `nil` when the scan could not be drawn.
    let jpegBase64: String?
    let width: Int
    let height: Int
    /// The boxes drawn, in the thumbnail's pixels (for labels over it).
    let marks: [Mark]
    /// Why there is no picture.
    let problem: String?

    struct Mark: Codable, Sendable {
        let label: String
        let status: String
        /// `[x, y, width, height]` in thumbnail pixels.
        let box: [Int]
    }
}
