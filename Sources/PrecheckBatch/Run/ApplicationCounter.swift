import Foundation
import PrecheckNative

/// Counts the applications under the inputs from names and headers alone
/// (no data is read), so the progress line can show a total and an ETA.
///
/// Runs beside the real work at low priority: for a zip it reads only the
/// central directory; a compressed tar has to be decompressed through.
/// Best effort: an archive that cannot be read counts what was seen.
enum ApplicationCounter {
    static func count(paths: [String], limits: ArchiveLimits) -> Int {
        var total = 0
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            let url = URL(fileURLWithPath: path)
            total += isDirectory.boolValue ? countFolder(url, limits: limits) : countArchive(url, limits: limits)
        }
        return total
    }

    private static func countFolder(_ folder: URL, limits: ArchiveLimits) -> Int {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return 0 }
        var total = 0
        for name in names {
            let url = folder.appendingPathComponent(name)
            guard let type = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.type] as? FileAttributeType else { continue }
            if name == "application.json" { total += 1 }
            if type == .typeDirectory { total += countFolder(url, limits: limits) }
            if type == .typeRegular && ArchiveFileName.isReadableArchive(name) { total += countArchive(url, limits: limits) }
        }
        return total
    }

    private static func countArchive(_ url: URL, limits: ArchiveLimits) -> Int {
        guard let reader = try? ArchiveReader(path: url.path) else { return 0 }
        var folders: Set<String> = [], entries = 0
        while !Task.isCancelled, entries < limits.maxEntries, let header = try? reader.nextEntry() {
            entries += 1
            guard header.kind == .regularFile, case .success(let path) = EntryPath.parse(header.name),
                  path.fileName == "application.json" else { continue }
            folders.insert(path.folder)
        }
        return folders.count
    }
}
