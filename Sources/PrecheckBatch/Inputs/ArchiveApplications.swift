import Foundation
import Precheck
import PrecheckNative

/// Streams one archive and hands out its applications one by one, each as
/// soon as its files are complete.
///
/// Entries are grouped by the folder they are in; a folder becomes an
/// application when its `application.json` has come and every file the form
/// names has been seen. Files that may still be needed wait in the
/// ``FileBuffer`` (memory, then a private spill folder); files the form does
/// not name are read past and dropped. So memory does not grow with the
/// archive: an archive whose applications are stored folder by folder (as
/// `zip -r` and `tar` write them) holds one application at a time.
///
/// Safety: names are judged by ``EntryPath`` and never used as paths; links,
/// devices and nested archives are refused; every byte read counts against
/// ``ArchiveLimits`` (entry size, archive size, compression ratio), whatever
/// the headers claim. Every refused entry gets an error line, its own or its
/// application's. A damaged archive, or one over a whole-archive limit, stops
/// with an error line for the archive and one for each application it left
/// incomplete.
///
/// Not `Sendable`: one task reads an archive from start to end.
final class ArchiveApplications {
    /// The archive's path as given, the prefix of every source (`x.zip!/APP`).
    let source: String
    private let reader: ArchiveReader
    private let limits: ArchiveLimits
    private let buffer: FileBuffer
    private var pending: [String: PendingFolder] = [:]
    /// Folders whose application has been handed out (later entries are read past).
    private var settled: Set<String> = []
    private var ready: [BatchItem] = []
    private var entryCount = 0
    private var totalBytes: Int64 = 0
    private var finished = false

    /// A condition that ends the reading of the whole archive.
    private struct Stop: Error { let problem: BatchProblem }

    /// - Throws: ``BatchProblem`` when the file cannot be opened as an archive.
    init(url: URL, source: String, limits: ArchiveLimits, buffer: FileBuffer) throws(BatchProblem) {
        do {
            reader = try ArchiveReader(path: url.path)
        } catch {
            throw BatchProblem(.archiveDamaged, "\(source) cannot be read as a zip or tar archive (\(Self.message(error))); pass folders, .zip, .tar or .tar.gz files")
        }
        self.source = source
        self.limits = limits
        self.buffer = buffer
    }

    /// The next item, or `nil` when the archive is done.
    func next() -> BatchItem? {
        while ready.isEmpty && !finished { step() }
        return ready.isEmpty ? nil : ready.removeFirst()
    }

    private func step() {
        do {
            guard let header = try reader.nextEntry() else { return finish() }
            try handle(header)
        } catch let stop as Stop {
            stopReading(stop.problem)
        } catch {
            stopReading(BatchProblem(.archiveDamaged, "\(source) is damaged (\(Self.message(error))); the applications after this point were not read: repair or re-create the archive"))
        }
    }

    // MARK: - Entries

    private func handle(_ header: ArchiveEntryHeader) throws {
        entryCount += 1
        if entryCount > limits.maxEntries {
            throw Stop(problem: BatchProblem(.archiveTooLarge, "\(source) has more than \(limits.maxEntries) entries; split it into smaller archives"))
        }
        let entrySource = "\(source)!/\(header.name)"
        let path: EntryPath
        switch EntryPath.parse(header.name) {
        case .failure(let refusal):
            try drain(header)
            ready.append(.failure(source: entrySource, problem: .unsafePath(header.name, refusal.description), contentHash: nil, applicationId: nil))
            return
        case .success(let parsed):
            path = parsed
        }
        guard !path.components.isEmpty else {
            try drain(header)
            return
        }
        let folder = path.folder, name = path.fileName
        switch header.kind {
        case .directory:
            try drain(header)
        case .symbolicLink, .hardLink:
            refuse(name, in: folder, .link(path.path, target: header.linkTarget), entrySource: entrySource)
        case .other:
            refuse(name, in: folder, .specialFile(path.path), entrySource: entrySource)
        case .regularFile:
            if name == "application.json" && !settled.contains(folder) {
                try readForm(header, folder: folder, entrySource: entrySource)
            } else if ArchiveFileName.looksLikeArchive(name) {
                try drain(header)
                refuse(name, in: folder, .nestedArchive(path.path), entrySource: entrySource)
            } else if !settled.contains(folder), pending[folder]?.mayNeed(name) ?? true {
                try keep(header, name: name, folder: folder, entrySource: entrySource)
            } else if let problem = try drain(header) {
                // A file nobody needs, but one that could not be read (a bomb?): say so.
                ready.append(.failure(source: entrySource, problem: problem, contentHash: nil, applicationId: nil))
            }
        }
    }

    private func readForm(_ header: ArchiveEntryHeader, folder: String, entrySource: String) throws {
        let sink = buffer.begin(name: "application.json")
        if let problem = try read(header, into: sink, limit: limits.maxFormBytes, name: entrySource) {
            sink.abandon()
            return settleAsFailure(folder, problem: problem.code == .entryTooLarge
                                   ? BatchProblem(.formMalformed, "application.json is larger than \(limits.maxFormBytes >> 10) KiB; it cannot be a real form")
                                   : problem, formSHA256: nil, form: nil)
        }
        let file = try sink.finish()
        buffer.release(file)
        let bytes = (try? file.bytes()) ?? []
        file.discard()
        switch ApplicationAssembly.decodeForm(bytes, size: limits.maxFormBytes) {
        case .failure(let problem):
            settleAsFailure(folder, problem: problem, formSHA256: file.sha256, form: nil)
        case .success(let form):
            var state = pending[folder] ?? PendingFolder(path: folder)
            state.form = form
            state.formSHA256 = file.sha256
            // Files and refusals the form does not need are done with.
            for (name, stored) in state.files where !state.referencedNames.contains(name) {
                buffer.release(stored)
                stored.discard()
                state.files[name] = nil
            }
            for (name, refusal) in state.refused.sorted(by: { $0.key < $1.key }) where !state.referencedNames.contains(name) {
                ready.append(.failure(source: refusal.source, problem: refusal.problem, contentHash: nil, applicationId: nil))
                state.refused[name] = nil
            }
            pending[folder] = state
            dispatchIfComplete(folder)
        }
    }

    private func keep(_ header: ArchiveEntryHeader, name: String, folder: String, entrySource: String) throws {
        let sink = buffer.begin(name: name)
        let problem: BatchProblem?
        do {
            problem = try read(header, into: sink, limit: limits.maxEntryBytes, name: entrySource)
        } catch {
            sink.abandon()
            throw error
        }
        if let problem {
            sink.abandon()
            return refuse(name, in: folder, problem, entrySource: entrySource)
        }
        let file: StoredFile
        do { file = try sink.finish() } catch { throw Stop(problem: error) }
        var state = pending[folder] ?? PendingFolder(path: folder)
        if let old = state.files[name] {
            buffer.release(old)
            old.discard()
        }
        state.files[name] = file
        pending[folder] = state
        dispatchIfComplete(folder)
    }

    /// Records a refused entry: on its application when that may need it,
    /// else as an error line of its own.
    private func refuse(_ name: String, in folder: String, _ problem: BatchProblem, entrySource: String) {
        guard !settled.contains(folder), pending[folder]?.mayNeed(name) ?? true else {
            ready.append(.failure(source: entrySource, problem: problem, contentHash: nil, applicationId: nil))
            return
        }
        var state = pending[folder] ?? PendingFolder(path: folder)
        if let old = state.files.removeValue(forKey: name) {
            buffer.release(old)
            old.discard()
        }
        state.refused[name] = (problem, entrySource)
        pending[folder] = state
        dispatchIfComplete(folder)
    }

    // MARK: - Applications

    private func folderSource(_ folder: String) -> String { "\(source)!/\(folder)" }

    private func dispatchIfComplete(_ folder: String) {
        guard let state = pending[folder], state.isComplete else { return }
        dispatch(state)
    }

    /// Hands out a folder that has its form: as an application, or as an
    /// error line when a file it names was refused.
    private func dispatch(_ state: PendingFolder) {
        guard let form = state.form, let formSHA256 = state.formSHA256 else { return }
        pending[state.path] = nil
        settled.insert(state.path)
        let referenced = state.referencedNames
        for (name, file) in state.files {
            buffer.release(file)
            if !referenced.contains(name) { file.discard() }
        }
        let item = ApplicationAssembly.item(source: folderSource(state.path), form: form, formSHA256: formSHA256,
                                            files: state.files.filter { referenced.contains($0.key) },
                                            refused: state.refused.mapValues(\.problem))
        if case .failure = item {
            for file in state.files.values { file.discard() }
        }
        ready.append(item)
    }

    /// A folder whose form is unusable: one error line; its files are dropped.
    private func settleAsFailure(_ folder: String, problem: BatchProblem, formSHA256: String?, form: ApplicationForm?) {
        let state = pending.removeValue(forKey: folder) ?? PendingFolder(path: folder)
        settled.insert(folder)
        for file in state.files.values {
            buffer.release(file)
            file.discard()
        }
        ready.append(.failure(source: folderSource(folder), problem: problem,
                              contentHash: formSHA256.map { ContentHash.of(formSHA256: $0, form: form, documents: [:]) },
                              applicationId: form?.applicationId))
        for (_, refusal) in state.refused.sorted(by: { $0.key < $1.key }) {
            ready.append(.failure(source: refusal.source, problem: refusal.problem, contentHash: nil, applicationId: nil))
        }
    }

    /// End of the archive: folders with a form are checked with what they
    /// have (absent files become `DOCUMENT_MISSING`); refusals in folders
    /// without one get their own lines.
    private func finish() {
        finished = true
        for folder in pending.keys.sorted() {
            guard let state = pending[folder] else { continue }
            if state.form != nil {
                dispatch(state)
            } else {
                drop(state)
            }
        }
        pending = [:]
    }

    /// The archive cannot be read further: an error line for it and for
    /// every application it left incomplete.
    private func stopReading(_ problem: BatchProblem) {
        finished = true
        ready.append(.failure(source: source, problem: problem, contentHash: nil, applicationId: nil))
        for folder in pending.keys.sorted() {
            guard let state = pending[folder] else { continue }
            if let form = state.form {
                if state.referencedNames.contains(where: { state.refused[$0] != nil }) {
                    // It cannot be checked anyway; its own reason says more.
                    dispatch(state)
                    continue
                }
                ready.append(.failure(source: folderSource(folder), problem: .incomplete(because: problem), contentHash: nil,
                                      applicationId: form.applicationId))
            }
            drop(state)
        }
        pending = [:]
    }

    private func drop(_ state: PendingFolder) {
        for file in state.files.values {
            buffer.release(file)
            file.discard()
        }
        for (_, refusal) in state.refused.sorted(by: { $0.key < $1.key }) {
            ready.append(.failure(source: refusal.source, problem: refusal.problem, contentHash: nil, applicationId: nil))
        }
    }

    // MARK: - Reading data under the limits

    /// Reads the entry's data into `sink`. Returns the problem when the entry
    /// is refused (too large, expands too much, damaged) but the archive can
    /// go on; throws ``Stop`` when it cannot.
    private func read(_ header: ArchiveEntryHeader, into sink: FileSink?, limit: Int, name: String) throws -> BatchProblem? {
        let compressedAtStart = reader.compressedBytesRead
        var entryBytes = 0
        while true {
            let chunk: [UInt8]
            do {
                chunk = try reader.readChunk()
            } catch let error as ArchiveError where !error.isFatal {
                return BatchProblem(.archiveDamaged, "\(name) is damaged in the archive (\(error.message)); re-create the archive")
            }
            if chunk.isEmpty { return nil }
            entryBytes += chunk.count
            totalBytes += Int64(chunk.count)
            if totalBytes > limits.maxArchiveBytes {
                throw Stop(problem: BatchProblem(.archiveTooLarge, "\(source) holds more than \(limits.maxArchiveBytes >> 30) GiB uncompressed; split it into smaller archives"))
            }
            try checkArchiveRatio()
            let compressed = max(reader.compressedBytesRead - compressedAtStart, limits.ratioAllowance)
            if Int64(entryBytes) > compressed * Int64(limits.maxCompressionRatio) {
                let problem = BatchProblem.compressionRatio(name, limit: limits.maxCompressionRatio)
                // In a zip the rest of the entry is skipped unread; in a
                // compressed tar, skipping means inflating it.
                if reader.isZip { return problem }
                throw Stop(problem: problem)
            }
            if entryBytes > limit {
                if reader.isZip { return .entryTooLarge(name, limit: limit) }
                // Read past the rest under the archive's limits.
                if let problem = try read(header, into: nil, limit: .max, name: name) { return problem }
                return .entryTooLarge(name, limit: limit)
            }
            if let sink {
                do { try sink.append(chunk) } catch { throw Stop(problem: error) }
            }
        }
    }

    /// Reads past an entry's data (still counted against the limits);
    /// returns why the data could not be read, if it could not.
    @discardableResult
    private func drain(_ header: ArchiveEntryHeader) throws -> BatchProblem? {
        guard header.kind == .regularFile else { return nil }
        return try read(header, into: nil, limit: .max, name: "\(source)!/\(header.name)")
    }

    private func checkArchiveRatio() throws {
        let compressed = max(reader.compressedBytesRead, limits.ratioAllowance * 16)
        if totalBytes > compressed * Int64(limits.maxCompressionRatio) {
            throw Stop(problem: BatchProblem(.compressionRatio, "\(source) expands more than \(limits.maxCompressionRatio)× when decompressed (a zip bomb?); reading stopped"))
        }
    }

    private static func message(_ error: Error) -> String {
        (error as? ArchiveError)?.message ?? "\(error)"
    }
}
