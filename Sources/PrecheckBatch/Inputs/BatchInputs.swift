import Foundation

/// Expands the paths of a run into batch items, one at a time, in a stable
/// order (names sorted).
///
/// - A folder holding `application.json` is an application; every folder
///   below the given paths is looked at (an application may sit at any depth).
/// - A `.zip`, `.tar`, `.tar.gz` / `.tgz` (also `.tar.bz2`, `.tar.xz`,
///   `.tar.zst`) found in a folder, or any file given as a path, is read as
///   an archive by ``ArchiveApplications``.
/// - Links found inside the given folders are never followed; each gets an
///   error line unless it is a scan named by an application's form (then
///   the application gets the error line).
///
/// Not `Sendable`: owned by the one task that reads the inputs.
final class BatchInputs {
    private enum Work {
        case path(URL, source: String)
        case directory(URL, source: String)
        case archive(URL, source: String)
        case item(BatchItem)
    }

    private let limits: ArchiveLimits
    private let buffer: FileBuffer
    /// Work still to do, the next at the end.
    private var stack: [Work]
    private var archive: ArchiveApplications?

    init(paths: [String], limits: ArchiveLimits, buffer: FileBuffer) {
        self.limits = limits
        self.buffer = buffer
        stack = paths.reversed().map { .path(URL(fileURLWithPath: $0), source: Self.trimmed($0)) }
    }

    /// The next item, or `nil` when every input is done.
    func next() -> BatchItem? {
        while true {
            if let archive {
                if let item = archive.next() { return item }
                self.archive = nil
            }
            guard let work = stack.popLast() else { return nil }
            switch work {
            case .item(let item):
                return item
            case .path(let url, let source):
                expand(url, source: source)
            case .directory(let url, let source):
                visit(url, source: source)
            case .archive(let url, let source):
                do {
                    archive = try ArchiveApplications(url: url, source: source, limits: limits, buffer: buffer)
                } catch {
                    return .failure(source: source, problem: error, contentHash: nil, applicationId: nil)
                }
            }
        }
    }

    /// A path given by the user: a folder, or a file read as an archive
    /// (links given explicitly are followed: the user named them).
    private func expand(_ url: URL, source: String) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            stack.append(.item(.failure(source: source, problem: BatchProblem(.unreadable, "\(source) does not exist; give folders or archives"),
                                        contentHash: nil, applicationId: nil)))
            return
        }
        stack.append(isDirectory.boolValue ? .directory(url, source: source) : .archive(url, source: source))
    }

    /// One folder: its application (if it holds `application.json`), then
    /// its subfolders and archives, in name order.
    private func visit(_ folder: URL, source: String) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        } catch {
            stack.append(.item(.failure(source: source, problem: BatchProblem(.unreadable, "cannot list \(source): \(error.localizedDescription)"),
                                        contentHash: nil, applicationId: nil)))
            return
        }
        var work: [Work] = []
        var used: Set<String> = []
        if names.contains("application.json") {
            let loaded = FolderApplication.load(folder, source: source, limits: limits)
            work.append(.item(loaded.item))
            used = loaded.used.union(["application.json"])
        }
        for name in names where !used.contains(name) {
            let url = folder.appendingPathComponent(name)
            let childSource = source.hasSuffix("/") ? source + name : "\(source)/\(name)"
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path) else { continue }
            switch attributes[.type] as? FileAttributeType {
            case .typeDirectory?:
                work.append(.directory(url, source: childSource))
            case .typeSymbolicLink?:
                let target = try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)
                work.append(.item(.failure(source: childSource, problem: .link(childSource, target: target), contentHash: nil, applicationId: nil)))
            case .typeRegular? where ArchiveFileName.isReadableArchive(name):
                work.append(.archive(url, source: childSource))
            default:
                continue
            }
        }
        stack.append(contentsOf: work.reversed())
    }

    /// A path as the user wrote it, without trailing slashes (`dir/` → `dir`).
    static func trimmed(_ path: String) -> String {
        var path = path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        return path
    }
}
