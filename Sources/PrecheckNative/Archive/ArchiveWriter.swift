import CArchive

/// Writes a zip or tar(.gz) archive (an owned `struct archive *`).
///
/// Precheck itself never writes archives; tests use this to build hostile
/// archives (links, `..` names, bombs) without external tools.
///
/// ```swift
/// let writer = try ArchiveWriter(path: "t.zip", format: .zip)
/// try writer.addFile("APP/application.json", bytes: formBytes)
/// try writer.addSymbolicLink("APP/license.jpg", target: "/etc/passwd")
/// try writer.close()
/// ```
///
/// **Threads.** Like ``ArchiveReader``: one thread at a time, not `Sendable`.
public final class ArchiveWriter {
    public enum Format: Sendable {
        case zip, tar, tarGzip
    }

    private let handle: OpaquePointer
    private var closed = false

    public init(path: String, format: Format) throws {
        guard let handle = archive_write_new() else {
            throw ArchiveError(operation: "archive_write_new", message: "out of memory", isFatal: true)
        }
        self.handle = handle
        switch format {
        case .zip:
            try check(archive_write_set_format_zip(handle), "archive_write_set_format_zip")
        case .tar:
            try check(archive_write_set_format_pax_restricted(handle), "archive_write_set_format_pax_restricted")
        case .tarGzip:
            try check(archive_write_set_format_pax_restricted(handle), "archive_write_set_format_pax_restricted")
            try check(archive_write_add_filter_gzip(handle), "archive_write_add_filter_gzip")
        }
        try check(archive_write_open_filename(handle, path), "archive_write_open_filename")
    }

    deinit {
        if !closed { archive_write_close(handle) }
        archive_write_free(handle)
    }

    /// Adds a regular file with `bytes` as its content. `name` is stored as
    /// given, even `../x` or `/x`.
    public func addFile(_ name: String, bytes: [UInt8]) throws {
        try addFile(rawName: Array(name.utf8), size: bytes.count) { write in try write(bytes) }
    }

    /// Adds a regular file of `count` copies of `byte` (written in pieces,
    /// so a huge, highly compressible entry costs no memory).
    public func addFile(_ name: String, repeating byte: UInt8, count: Int) throws {
        let piece = [UInt8](repeating: byte, count: 1 << 20)
        try addFile(rawName: Array(name.utf8), size: count) { write in
            var left = count
            while left > 0 {
                let size = min(left, piece.count)
                try write(Array(piece[0..<size]))
                left -= size
            }
        }
    }

    /// Adds a regular file whose name is stored as these exact bytes (any
    /// encoding), for testing names that are not UTF-8.
    public func addFile(rawName: [UInt8], bytes: [UInt8]) throws {
        try addFile(rawName: rawName, size: bytes.count) { write in try write(bytes) }
    }

    public func addDirectory(_ name: String) throws {
        try addHeader(rawName: Array(name.utf8), kind: CARCHIVE_ENTRY_DIRECTORY, size: 0)
    }

    public func addSymbolicLink(_ name: String, target: String) throws {
        try addHeader(rawName: Array(name.utf8), kind: CARCHIVE_ENTRY_SYMLINK, size: 0) { entry in
            archive_entry_copy_symlink(entry, target)
        }
    }

    public func addHardLink(_ name: String, target: String) throws {
        try addHeader(rawName: Array(name.utf8), kind: CARCHIVE_ENTRY_REGULAR, size: 0) { entry in
            archive_entry_copy_hardlink(entry, target)
        }
    }

    /// Finishes the archive (writes the zip's central directory, flushes gzip).
    public func close() throws {
        guard !closed else { return }
        closed = true
        try check(archive_write_close(handle), "archive_write_close")
    }

    private func addFile(rawName: [UInt8], size: Int, content: ((([UInt8]) throws -> Void) throws -> Void)) throws {
        try addHeader(rawName: rawName, kind: CARCHIVE_ENTRY_REGULAR, size: size)
        try content { bytes in
            let written = bytes.withUnsafeBytes { archive_write_data(handle, $0.baseAddress, $0.count) }
            guard written == bytes.count else {
                throw ArchiveError(operation: "archive_write_data", message: lastMessage, isFatal: true)
            }
        }
    }

    private func addHeader(rawName: [UInt8], kind: carchive_entry_kind, size: Int,
                           configure: (OpaquePointer) -> Void = { _ in }) throws {
        guard let entry = archive_entry_new() else {
            throw ArchiveError(operation: "archive_entry_new", message: "out of memory", isFatal: true)
        }
        defer { archive_entry_free(entry) }
        (rawName.map { CChar(bitPattern: $0) } + [0]).withUnsafeBufferPointer { name in
            archive_entry_copy_pathname(entry, name.baseAddress)
        }
        carchive_entry_set_kind(entry, kind)
        archive_entry_set_perm(entry, kind == CARCHIVE_ENTRY_DIRECTORY ? 0o755 : 0o644)
        archive_entry_set_size(entry, Int64(size))
        archive_entry_set_mtime(entry, 1_700_000_000, 0)
        configure(entry)
        try check(archive_write_header(handle, entry), "archive_write_header")
    }

    private var lastMessage: String {
        archive_error_string(handle).map { String(cString: $0) } ?? "unknown error"
    }

    private func check(_ status: Int32, _ operation: String) throws {
        if status == ARCHIVE_OK || status == ARCHIVE_WARN { return }
        throw ArchiveError(operation: operation, message: lastMessage, isFatal: true)
    }
}
