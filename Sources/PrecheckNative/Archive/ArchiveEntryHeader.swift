/// What an archive says about one entry, before its data is read.
///
/// Everything here comes from the archive and is untrusted: the name may
/// hold `..` or start with `/`, the size may lie. Callers judge the name
/// (see ``EntryPath``) and count the bytes they really read.
public struct ArchiveEntryHeader: Sendable, Equatable {
    /// The kind of entry.
    public enum Kind: Sendable, Equatable {
        case regularFile, directory, symbolicLink, hardLink
        /// Device, FIFO, socket: never read.
        case other
    }

    /// The entry's name as stored, byte for byte (any encoding).
    public let rawName: [UInt8]
    /// The name as text: UTF-8 when it is, else GB 18030 (Chinese Windows
    /// zip tools), else with the undecodable bytes written as `%XX`.
    public let name: String
    public let kind: Kind
    /// The uncompressed size the header declares, when it declares one.
    /// Never trusted for limits: only the bytes read count.
    public let declaredSize: Int64?
    /// Where a symbolic or hard link points (as text), for messages only.
    public let linkTarget: String?

    public init(rawName: [UInt8], name: String, kind: Kind, declaredSize: Int64?, linkTarget: String?) {
        self.rawName = rawName
        self.name = name
        self.kind = kind
        self.declaredSize = declaredSize
        self.linkTarget = linkTarget
    }
}
