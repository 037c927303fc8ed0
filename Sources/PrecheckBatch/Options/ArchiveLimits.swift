/// Limits that keep one hostile archive from exhausting memory, disk or
/// time. Every limit is measured on the bytes really read while streaming,
/// never taken from the archive's headers.
///
/// The defaults fit archives of up to ~100,000 applications of ordinary
/// scans (0.2-5 MB each).
public struct ArchiveLimits: Sendable, Equatable {
    /// Entries (files, folders, links) in one archive.
    public var maxEntries: Int = 1_000_000
    /// Uncompressed bytes of one entry. A little over the checker's own
    /// 60 MB limit for a scan, so that any scan the checker could read fits.
    public var maxEntryBytes: Int = 64 << 20
    /// Uncompressed bytes of `application.json`.
    public var maxFormBytes: Int = 1 << 20
    /// Uncompressed bytes of one whole archive.
    public var maxArchiveBytes: Int64 = 1 << 40
    /// Uncompressed bytes per compressed byte, for one entry and for the
    /// archive so far: scans (JPEG, PNG, PDF) hardly compress, a zip bomb
    /// expands ~1000×.
    public var maxCompressionRatio: Int = 200
    /// Compressed bytes always granted before the ratio is judged, so that
    /// small entries read within one buffered block are not misjudged.
    public var ratioAllowance: Int64 = 64 << 10

    public init() {}
}

/// How much of the files waiting for the rest of their application may be
/// held in memory, and how much may be spilled to a private temporary
/// folder, at once.
public struct BufferBudget: Sendable, Equatable {
    /// Bytes held in memory for applications not yet complete.
    public var memoryBytes: Int = 128 << 20
    /// Largest file kept in memory; larger ones go to disk at once.
    public var largestInMemory: Int = 16 << 20
    /// Bytes spilled to disk for applications not yet complete.
    public var diskBytes: Int64 = 16 << 30

    public init() {}
}
