import Foundation
import Precheck

/// Reads an application folder on disk into a batch item.
///
/// Unlike ``Application/init(folder:)``, files are looked at without
/// following links (`lstat`): a scan that is a symbolic link gets an error
/// line instead of being read from wherever it points. The files the form
/// names are read into memory here (the runner bounds how many applications
/// are in flight), hashed, and handed to the checker as bytes.
enum FolderApplication {
    /// - Returns: the item and the names of the files it used.
    static func load(_ folder: URL, source: String, limits: ArchiveLimits) -> (item: BatchItem, used: Set<String>) {
        let formURL = folder.appendingPathComponent("application.json")
        let formBytes: [UInt8]
        switch readRegularFile(formURL, name: "application.json", limit: limits.maxFormBytes) {
        case .failure(let problem):
            let formProblem = problem.code == .entryTooLarge
                ? BatchProblem(.formMalformed, "application.json is larger than \(limits.maxFormBytes >> 10) KiB; it cannot be a real form")
                : problem
            return (.failure(source: source, problem: formProblem, contentHash: nil, applicationId: nil), [])
        case .success(let bytes):
            formBytes = bytes
        }
        let formSHA256 = SHA256Hex.of(formBytes)
        let form: ApplicationForm
        switch ApplicationAssembly.decodeForm(formBytes, size: limits.maxFormBytes) {
        case .failure(let problem):
            return (.failure(source: source, problem: problem, contentHash: ContentHash.of(formSHA256: formSHA256, form: nil, documents: [:]),
                             applicationId: nil), [])
        case .success(let decoded):
            form = decoded
        }
        var files: [String: StoredFile] = [:]
        var refused: [String: BatchProblem] = [:]
        var used: Set<String> = []
        for slot in DocumentSlot.allCases {
            guard let name = form.file(for: slot), PlainFileName.isPlain(name), files[name] == nil, refused[name] == nil else { continue }
            let url = folder.appendingPathComponent(name)
            guard (try? FileManager.default.attributesOfItem(atPath: url.path)) != nil else { continue }  // absent: DOCUMENT_MISSING
            used.insert(name)
            switch readRegularFile(url, name: "\(source)/\(name)", limit: limits.maxEntryBytes) {
            case .success(let bytes):
                files[name] = StoredFile(name: name, size: bytes.count, sha256: SHA256Hex.of(bytes), storage: .memory(bytes))
            case .failure(let problem):
                refused[name] = problem
            }
        }
        return (ApplicationAssembly.item(source: source, form: form, formSHA256: formSHA256, files: files, refused: refused), used)
    }

    /// The bytes of a regular file (not a link), at most `limit` of them.
    static func readRegularFile(_ url: URL, name: String, limit: Int) -> Result<[UInt8], BatchProblem> {
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: url.path)  // lstat: links are not followed
        } catch {
            return .failure(BatchProblem(.unreadable, "cannot read \(name): \(error.localizedDescription)"))
        }
        switch attributes[.type] as? FileAttributeType {
        case .typeRegular?:
            break
        case .typeSymbolicLink?:
            let target = try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)
            return .failure(.link(name, target: target))
        default:
            return .failure(.specialFile(name))
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        if size > limit { return .failure(.entryTooLarge(name, limit: limit)) }
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            return .failure(BatchProblem(.unreadable, "cannot open \(name); check its permissions"))
        }
        defer { try? handle.close() }
        do {
            // One byte more than allowed tells a file that grew since lstat.
            let data = try handle.read(upToCount: limit + 1) ?? Data()
            if data.count > limit { return .failure(.entryTooLarge(name, limit: limit)) }
            return .success([UInt8](data))
        } catch {
            return .failure(BatchProblem(.unreadable, "cannot read \(name): \(error.localizedDescription)"))
        }
    }
}
