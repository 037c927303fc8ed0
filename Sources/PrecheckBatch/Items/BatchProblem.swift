/// Why an application (or an archive entry, or a whole input) could not be
/// processed: the `error` of its `"decision": "error"` line.
///
/// A struct with an open set of codes, so new kinds of problem can come
/// without breaking callers; the message says what to do about it.
public struct BatchProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// A stable, machine-readable kind (the line's `errorCode`).
    public struct Code: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// An entry whose name leaves its folder (`..`) or is absolute.
        public static let unsafePath = Code(rawValue: "UNSAFE_PATH")
        /// A symbolic or hard link (never followed).
        public static let link = Code(rawValue: "LINK_NOT_FOLLOWED")
        /// A device, FIFO or socket entry.
        public static let specialFile = Code(rawValue: "SPECIAL_FILE")
        /// An archive inside the archive (not unpacked).
        public static let nestedArchive = Code(rawValue: "NESTED_ARCHIVE")
        /// An entry larger than the per-entry limit.
        public static let entryTooLarge = Code(rawValue: "ENTRY_TOO_LARGE")
        /// An entry or archive that expands suspiciously (zip bomb).
        public static let compressionRatio = Code(rawValue: "COMPRESSION_RATIO")
        /// Too many entries, or too many bytes in one archive.
        public static let archiveTooLarge = Code(rawValue: "ARCHIVE_TOO_LARGE")
        /// The archive (or an entry's data) cannot be read.
        public static let archiveDamaged = Code(rawValue: "ARCHIVE_DAMAGED")
        /// The applications of an archive are spread so far apart that the
        /// files waiting for them outgrew the buffer.
        public static let bufferExhausted = Code(rawValue: "BUFFER_EXHAUSTED")
        /// `application.json` is not a JSON object, or too large.
        public static let formMalformed = Code(rawValue: "FORM_MALFORMED")
        /// A file or folder that cannot be read.
        public static let unreadable = Code(rawValue: "UNREADABLE")
        /// Reading stopped (archive damaged or over a limit) before the
        /// application was complete.
        public static let incomplete = Code(rawValue: "INCOMPLETE")
    }

    public let code: Code
    /// What went wrong and what to do about it.
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}

extension BatchProblem {
    static func unsafePath(_ name: String, _ why: String) -> BatchProblem {
        BatchProblem(.unsafePath, "the archive entry \(name) \(why); it was not read (an entry must be a plain relative path)")
    }
    static func link(_ name: String, target: String?) -> BatchProblem {
        BatchProblem(.link, "\(name) is a link\(target.map { " to \($0)" } ?? ""); links are never followed: put the file itself in the archive or folder")
    }
    static func specialFile(_ name: String) -> BatchProblem {
        BatchProblem(.specialFile, "\(name) is a device, FIFO or socket, not a file; it was not read")
    }
    static func nestedArchive(_ name: String) -> BatchProblem {
        BatchProblem(.nestedArchive, "\(name) is an archive inside the archive and was not unpacked: extract it and pass it to precheck batch as an input of its own")
    }
    static func entryTooLarge(_ name: String, limit: Int) -> BatchProblem {
        BatchProblem(.entryTooLarge, "\(name) is larger than \(limit >> 20) MiB uncompressed, the limit for one file; scans must be under 60 MB: upload a smaller scan")
    }
    static func compressionRatio(_ name: String, limit: Int) -> BatchProblem {
        BatchProblem(.compressionRatio, "\(name) expands more than \(limit)× when decompressed (a zip bomb?); it was not read")
    }
    static func incomplete(because problem: BatchProblem) -> BatchProblem {
        BatchProblem(.incomplete, "reading the archive stopped before this application was complete: \(problem.message)")
    }
}
