import Foundation
import PrecheckNative

/// Archives and folders for the batch tests, built here with libarchive's
/// writer (``ArchiveWriter``) from the committed samples.
enum BatchFixtures {
    /// A fresh empty folder under the system's temporary folder.
    static func scratchFolder(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("precheck-test-\(name)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Adds the sample `application` (its form and four scans, not
    /// `truth.json`) under `folder` in the archive.
    static func addSample(_ application: String, as folder: String, to writer: ArchiveWriter) throws {
        let directory = Samples.directory.appendingPathComponent(application)
        try writer.addFile("\(folder)/application.json", bytes: try bytes(directory.appendingPathComponent("application.json")))
        for name in try documentNames(application) {
            try writer.addFile("\(folder)/\(name)", bytes: try bytes(directory.appendingPathComponent(name)))
        }
    }

    /// The four file names the sample's form gives, in slot order.
    static func documentNames(_ application: String) throws -> [String] {
        let form = try JSONSerialization.jsonObject(with: Data(contentsOf: Samples.directory.appendingPathComponent("\(application)/application.json")))
        let documents = (form as? [String: Any])?["documents"] as? [String: String] ?? [:]
        return ["businessLicense", "idCardFront", "idCardBack", "authorizationLetter"].compactMap { documents[$0] }
    }

    static func form(_ application: String) throws -> [UInt8] {
        try bytes(Samples.directory.appendingPathComponent("\(application)/application.json"))
    }

    static func bytes(_ url: URL) throws -> [UInt8] { [UInt8](try Data(contentsOf: url)) }

    /// The first `count` bytes of a real sample scan: a truncated JPEG.
    static func truncatedJPEG(count: Int = 3000) throws -> [UInt8] {
        Array(try bytes(Samples.directory.appendingPathComponent("APP-0002/license.jpg")).prefix(count))
    }

    /// A real, valid PNG of 11000×10000 white pixels: ~100 KB on disk,
    /// 110 megapixels decoded, over the intake's 100-megapixel limit (a
    /// decompression bomb for a decoder that trusts it). Made once.
    static let oversizedPNG: Result<[UInt8], Error> = Result {
        let raster = Raster(width: 11_000, height: 10_000, channels: 1, pixels: [UInt8](repeating: 255, count: 110_000_000))
        return try VipsImage(raster).encoded(as: .png)
    }

    /// The hostile archive of the batch tests. Good applications: `good`
    /// (sample APP-0015 under `good/APP-0015`, and APP-0001 when
    /// `withSecondGood`). Bad items, each expected to give the line named:
    ///
    /// | entry | line |
    /// |---|---|
    /// | `../evil`, `../<script>…`, `/tmp/precheck-evil-…` | error UNSAFE_PATH |
    /// | `link/` (licence is a symlink to /etc/passwd) | error LINK_NOT_FOLLOWED |
    /// | `hard/` (licence is a hard link; tar only) | error LINK_NOT_FOLLOWED |
    /// | `bomb/` (licence: 200 MB of zeros) | error COMPRESSION_RATIO |
    /// | `badform/` (application.json cut off) | error FORM_MALFORMED |
    /// | `nested/inner.zip` | error NESTED_ARCHIVE |
    /// | `trunc/` (all four scans truncated JPEGs) | rejected, DOCUMENT_UNREADABLE |
    /// | `huge/` (all four scans: 110-megapixel PNGs) | rejected, DOCUMENT_UNREADABLE |
    struct Hostile {
        let archive: URL
        let absoluteEntry: String
        static let goodSources = ["good/APP-0015", "good/APP-0001"]
    }

    static func hostileArchive(in folder: URL, format: ArchiveWriter.Format = .zip, withSecondGood: Bool = true) throws -> Hostile {
        let name = switch format {
        case .zip: "hostile.zip"
        case .tar: "hostile.tar"
        case .tarGzip: "hostile.tar.gz"
        }
        let url = folder.appendingPathComponent(name)
        let absolute = "/tmp/precheck-evil-\(UUID().uuidString)"
        let writer = try ArchiveWriter(path: url.path, format: format)
        let form = try form("APP-0001"), names = try documentNames("APP-0001")
        try writer.addFile("../evil", bytes: Array("escaped".utf8))
        try writer.addSample("APP-0015", as: "good/APP-0015")
        try writer.addFile("../<script>alert(1)</script>", bytes: Array("escaped".utf8))
        try writer.addFile(absolute, bytes: Array("absolute".utf8))
        try writer.addFile("link/application.json", bytes: form)
        try writer.addSymbolicLink("link/\(names[0])", target: "/etc/passwd")
        if format != .zip {  // zip has no hard links (libarchive stores an empty file)
            try writer.addFile("hard/application.json", bytes: form)
            try writer.addHardLink("hard/\(names[0])", target: "link/application.json")
        }
        try writer.addFile("bomb/application.json", bytes: form)
        try writer.addFile("bomb/\(names[0])", repeating: 0, count: 200 << 20)
        try writer.addFile("badform/application.json", bytes: Array(form.prefix(form.count / 2)))
        try writer.addFile("nested/inner.zip", bytes: Array("PK\u{3}\u{4} an archive inside the archive".utf8))
        let truncated = try truncatedJPEG(), huge = try oversizedPNG.get()
        try writer.addFile("trunc/application.json", bytes: form)
        for document in names { try writer.addFile("trunc/\(document)", bytes: truncated) }
        try writer.addFile("huge/application.json", bytes: form)
        for document in names { try writer.addFile("huge/\(document)", bytes: huge) }
        if withSecondGood { try writer.addSample("APP-0001", as: "good/APP-0001") }
        try writer.close()
        return Hostile(archive: url, absoluteEntry: absolute)
    }
}

extension ArchiveWriter {
    func addSample(_ application: String, as folder: String) throws {
        try BatchFixtures.addSample(application, as: folder, to: self)
    }
}
