import CArchive
import Foundation

/// Reads an archive file entry by entry, streaming (an owned
/// `struct archive *`, freed in `deinit`).
///
/// Zip, tar (ustar, pax, GNU) and their gzip / bzip2 / xz / zstd compressed
/// forms are recognised from the data, whatever the file's name; other
/// formats libarchive knows (ISO images, RAR, cpio, …) are not enabled, to
/// keep the code that parses untrusted input small.
///
/// ```swift
/// let reader = try ArchiveReader(path: "batch.zip")
/// while let header = try reader.nextEntry() {
///     while case let chunk = try reader.readChunk(), !chunk.isEmpty { … }
/// }
/// ```
///
/// **Threads.** A libarchive handle keeps its position, its buffers and its
/// last error in the handle itself and must not be used from two threads at
/// once; this class is therefore not `Sendable`. Different readers (on the
/// same file or others) are independent and may run in parallel. Errors are
/// read from the handle (`archive_error_string`) right after the failing
/// call, before anything else can overwrite them.
///
/// Nothing is ever written to disk: entry names are reported, never used as
/// paths, and links are reported, never followed.
public final class ArchiveReader {
    private let handle: OpaquePointer
    /// The file being read, for messages.
    public let path: String

    /// Opens `path` for reading.
    /// - Throws: ``ArchiveError`` when the file cannot be opened or is not a
    ///   zip or tar archive (plain or compressed).
    public init(path: String, blockSize: Int = 64 * 1024) throws {
        guard let handle = archive_read_new() else {
            throw ArchiveError(operation: "archive_read_new", message: "out of memory", isFatal: true)
        }
        self.handle = handle
        self.path = path
        archive_read_support_filter_gzip(handle)
        archive_read_support_filter_bzip2(handle)
        archive_read_support_filter_xz(handle)
        archive_read_support_filter_zstd(handle)
        archive_read_support_format_zip(handle)
        archive_read_support_format_tar(handle)
        archive_read_support_format_gnutar(handle)
        try check(archive_read_open_filename(handle, path, blockSize), "archive_read_open_filename")
    }

    deinit {
        archive_read_free(handle)
    }

    /// Moves to the next entry and returns its header, or `nil` at the end.
    /// Any data of the previous entry that was not read is skipped.
    /// - Throws: ``ArchiveError`` (always fatal: a header that cannot be
    ///   read leaves no reliable place to continue from).
    public func nextEntry() throws -> ArchiveEntryHeader? {
        var entry: OpaquePointer?
        let status = archive_read_next_header(handle, &entry)
        if status == ARCHIVE_EOF { return nil }
        // ARCHIVE_WARN: e.g. a name that does not convert to the locale; the
        // header itself is usable.
        guard status == ARCHIVE_OK || status == ARCHIVE_WARN, let entry else {
            throw ArchiveError(operation: "archive_read_next_header", message: lastMessage, isFatal: true)
        }
        let rawName = Self.bytes(archive_entry_pathname_utf8(entry)) ?? Self.bytes(archive_entry_pathname(entry)) ?? []
        let kind: ArchiveEntryHeader.Kind = switch carchive_entry_kind_of(entry) {
        case CARCHIVE_ENTRY_REGULAR: .regularFile
        case CARCHIVE_ENTRY_DIRECTORY: .directory
        case CARCHIVE_ENTRY_SYMLINK: .symbolicLink
        case CARCHIVE_ENTRY_HARDLINK: .hardLink
        default: .other
        }
        let target: [UInt8]? = switch kind {
        case .symbolicLink: Self.bytes(archive_entry_symlink(entry))
        case .hardLink: Self.bytes(archive_entry_hardlink(entry))
        default: nil
        }
        return ArchiveEntryHeader(rawName: rawName, name: EntryNameText.decode(rawName), kind: kind,
                                  declaredSize: archive_entry_size_is_set(entry) != 0 ? archive_entry_size(entry) : nil,
                                  linkTarget: target.map(EntryNameText.decode))
    }

    /// Reads up to `maxBytes` of the current entry's data; empty at its end.
    /// - Throws: ``ArchiveError``; fatal when the archive itself is damaged,
    ///   not fatal when only this entry is (then go on with ``nextEntry()``).
    public func readChunk(maxBytes: Int = 256 * 1024) throws -> [UInt8] {
        var chunk = [UInt8](repeating: 0, count: maxBytes)
        let count = chunk.withUnsafeMutableBytes { buffer in
            archive_read_data(handle, buffer.baseAddress, buffer.count)
        }
        if count < 0 {
            throw ArchiveError(operation: "archive_read_data", message: lastMessage, isFatal: count == Int(ARCHIVE_FATAL))
        }
        chunk.removeSubrange(count...)
        return chunk
    }

    /// Bytes read from the file so far (compressed): with the bytes an entry
    /// yields, the measure of how much it expands.
    public var compressedBytesRead: Int64 { archive_filter_bytes(handle, -1) }

    /// Whether the archive is a zip, whose entries are compressed one by
    /// one: a bad entry can be left behind without inflating the rest of it.
    /// In a compressed tar, moving on means decompressing the rest.
    public var isZip: Bool { carchive_format_is_zip(handle) != 0 }

    private var lastMessage: String {
        archive_error_string(handle).map { String(cString: $0) } ?? "unknown error"
    }

    private func check(_ status: Int32, _ operation: String) throws {
        if status == ARCHIVE_OK || status == ARCHIVE_WARN { return }
        throw ArchiveError(operation: operation, message: lastMessage, isFatal: status == ARCHIVE_FATAL || status == ARCHIVE_FAILED)
    }

    private static func bytes(_ text: UnsafePointer<CChar>?) -> [UInt8]? {
        guard let text else { return nil }
        return Array(UnsafeBufferPointer(start: text, count: strlen(text))).map { UInt8(bitPattern: $0) }
    }
}
