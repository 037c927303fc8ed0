/// A failure reported by libarchive, with libarchive's own message.
///
/// ``isFatal`` says whether the archive can still be read past it: a damaged
/// entry (`ARCHIVE_FAILED`, `ARCHIVE_WARN` while reading data) spoils only
/// that entry, a damaged archive (`ARCHIVE_FATAL`, a header that cannot be
/// read) ends the reading.
public struct ArchiveError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The libarchive call that failed, e.g. `archive_read_next_header`.
    public let operation: String
    /// libarchive's message (`archive_error_string`), or ours when it has none.
    public let message: String
    /// The archive cannot be read any further.
    public let isFatal: Bool

    public init(operation: String, message: String, isFatal: Bool) {
        self.operation = operation
        self.message = message
        self.isFatal = isFatal
    }

    public var description: String {
        "libarchive \(operation) failed: \(message.isEmpty ? "no message" : message)"
    }
}
