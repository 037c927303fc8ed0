/// File names that look like archives (nested archives are reported, not unpacked).
enum ArchiveFileName {
    static let suffixes = [".zip", ".tar", ".tgz", ".tar.gz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz", ".tar.zst",
                           ".gz", ".bz2", ".xz", ".zst", ".7z", ".rar"]

    static func looksLikeArchive(_ name: String) -> Bool {
        let lower = name.lowercased()
        return suffixes.contains { lower.hasSuffix($0) }
    }

    /// Names precheck batch opens as archive inputs when found in a folder.
    static func isReadableArchive(_ name: String) -> Bool {
        let lower = name.lowercased()
        return [".zip", ".tar", ".tgz", ".tar.gz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz", ".tar.zst"].contains { lower.hasSuffix($0) }
    }
}
