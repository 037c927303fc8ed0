import Foundation
import PrecheckNative

/// An application folder uploaded as one zip (or tar, tar.gz) archive,
/// read with libarchive (``PrecheckNative/ArchiveReader``) into the same
/// parts a multipart upload of its files gives.
///
/// Entry names are only compared with the form's file names, never used as
/// paths. The upload is refused (400 `archive_unsafe`) for an entry named
/// `../x` or `/x`, a link or a special file, an entry expanding more than
/// ``maxCompressionRatio`` times, or more than ``maxEntries`` entries; and
/// with 413 when it expands beyond the upload limit. Only the files in the
/// folder holding `application.json` are kept.
enum ArchivedApplication {
    static let maxEntries = 200
    static let maxCompressionRatio: Int64 = 200
    /// Compressed bytes always granted before the ratio is judged.
    static let ratioAllowance: Int64 = 64 * 1024

    /// A zip file's first bytes (`PK\3\4`, or `PK\5\6` for an empty one).
    static func looksLikeZip(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 4, bytes[0] == 0x50, bytes[1] == 0x4B else { return false }
        return (bytes[2] == 3 && bytes[3] == 4) || (bytes[2] == 5 && bytes[3] == 6)
    }

    /// The parts to use for a multipart upload: as they are, unless they
    /// hold no `application.json` and exactly one zip file, whose files are
    /// then the parts.
    static func expandingArchive(_ parts: [FormPart], scratch: URL, maxExpandedBytes: Int) throws(APIError) -> [FormPart] {
        let hasForm = parts.contains { $0.name == "application" || ApplicationUpload.baseName($0.fileName) == "application.json" }
        let archives = parts.filter { looksLikeZip($0.bytes) }
        guard !hasForm, archives.count == 1, let archive = archives.first else { return parts }
        return try self.parts(of: archive.bytes, scratch: scratch, maxExpandedBytes: maxExpandedBytes)
    }

    /// The files of the application folder in `archive`, named by their
    /// file name alone.
    static func parts(of archive: [UInt8], scratch: URL, maxExpandedBytes: Int) throws(APIError) -> [FormPart] {
        let file = scratch.appendingPathComponent("upload-\(UUID().uuidString).archive")
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            try Data(archive).write(to: file)
        } catch {
            throw APIError(.internalServerError, code: "internal", message: "the server cannot hold the archive for reading (\(error.localizedDescription)); try again")
        }
        defer { try? FileManager.default.removeItem(at: file) }
        let files: [(folder: String, name: String, bytes: [UInt8])]
        do {
            files = try readFiles(at: file.path, maxExpandedBytes: Int64(maxExpandedBytes))
        } catch let error as APIError {
            throw error
        } catch {
            throw APIError(.badRequest, code: "archive_unreadable",
                           message: "the archive cannot be read (\(error)); send a zip of the application's folder, or its files")
        }
        let forms = files.filter { $0.name == "application.json" }
        guard forms.count <= 1 else {
            throw APIError(.badRequest, code: "form_ambiguous",
                           message: "the archive holds \(forms.count) applications (application.json files); upload one at a time, or use `precheck batch`")
        }
        let folder = forms.first?.folder ?? ""
        return files.filter { $0.folder == folder }.map { FormPart(name: nil, fileName: $0.name, bytes: $0.bytes) }
    }

    private static func readFiles(at path: String, maxExpandedBytes: Int64) throws -> [(folder: String, name: String, bytes: [UInt8])] {
        let reader = try ArchiveReader(path: path)
        var files: [(folder: String, name: String, bytes: [UInt8])] = []
        var entries = 0
        var expanded: Int64 = 0
        while let header = try reader.nextEntry() {
            entries += 1
            guard entries <= maxEntries else { throw unsafe("it has more than \(maxEntries) entries") }
            let path: EntryPath
            switch EntryPath.parse(header.name) {
            case .success(let parsed): path = parsed
            case .failure(let refusal): throw unsafe("the entry '\(header.name)' \(refusal)")
            }
            switch header.kind {
            case .directory: continue
            case .symbolicLink, .hardLink, .other: throw unsafe("the entry '\(header.name)' is a link or a special file")
            case .regularFile: break
            }
            guard !path.fileName.isEmpty else { continue }
            var bytes: [UInt8] = []
            while true {
                let chunk = try reader.readChunk()
                if chunk.isEmpty { break }
                bytes += chunk
                expanded += Int64(chunk.count)
                if expanded > maxExpandedBytes {
                    throw APIError(.contentTooLarge, code: "upload_too_large",
                                   message: "the archive expands to more than \(maxExpandedBytes / (1024 * 1024)) MB, over the server's limit; send smaller scans")
                }
                if expanded > ratioAllowance + maxCompressionRatio * max(1, reader.compressedBytesRead) {
                    throw unsafe("it expands more than \(maxCompressionRatio) times (a zip bomb?)")
                }
            }
            files.append((path.folder, path.fileName, bytes))
        }
        return files
    }

    private static func unsafe(_ problem: String) -> APIError {
        APIError(.badRequest, code: "archive_unsafe", message: "the archive was refused: \(problem); zip the application's folder as it is")
    }
}
