import Foundation

/// Holds the files of applications that are not complete yet (their
/// `application.json` or another file is further on in the archive), in
/// memory up to a budget and beyond it in a private spill folder.
///
/// The spill folder is made on first need inside the temporary directory,
/// named with a random UUID and readable by its owner only (0700); files in
/// it are named by a counter, never by anything from the archive. It is
/// removed by ``removeSpillFolder()`` at the end of the run.
///
/// Only files *waiting* are counted against the budget; once an application
/// is dispatched its files belong to it (the runner bounds how many
/// applications are in flight). Not `Sendable`: owned by the one task that
/// reads the inputs.
final class FileBuffer {
    let budget: BufferBudget
    /// The spill folder's path, decided up front so that whoever stops the
    /// run can remove it; made on first need.
    let spillFolder: URL
    private var spillFolderMade = false
    private(set) var memoryInUse = 0
    private(set) var diskInUse: Int64 = 0
    private var counter = 0

    init(budget: BufferBudget, spillFolder: URL) {
        self.budget = budget
        self.spillFolder = spillFolder
    }

    /// A fresh spill folder path inside `temporaryDirectory`.
    static func spillFolder(in temporaryDirectory: URL) -> URL {
        temporaryDirectory.appendingPathComponent("precheck-batch-\(UUID().uuidString)", isDirectory: true)
    }

    /// Starts collecting a file's bytes.
    func begin(name: String) -> FileSink { FileSink(buffer: self, name: name) }

    /// A waiting file left the buffer (dispatched with its application or dropped).
    func release(_ file: StoredFile) {
        switch file.storage {
        case .memory(let bytes): memoryInUse -= bytes.count
        case .spilled: diskInUse -= Int64(file.size)
        }
    }

    /// Whether `count` more bytes may stay in memory.
    func memoryAllows(_ count: Int) -> Bool {
        count <= budget.largestInMemory && memoryInUse + count <= budget.memoryBytes
    }

    func accountMemory(_ count: Int) { memoryInUse += count }

    func accountDisk(_ count: Int) throws(BatchProblem) {
        diskInUse += Int64(count)
        if diskInUse > budget.diskBytes {
            throw BatchProblem(.bufferExhausted, "more than \(budget.diskBytes >> 20) MiB of files are waiting for the rest of their applications; put each application's files together in the archive (application.json first) or unpack it")
        }
    }

    /// A new file in the spill folder (made on first use).
    func newSpillFile() throws(BatchProblem) -> URL {
        if !spillFolderMade {
            do {
                // Fails if the path exists: the folder is ours alone.
                try FileManager.default.createDirectory(at: spillFolder, withIntermediateDirectories: false,
                                                        attributes: [.posixPermissions: 0o700])
            } catch {
                throw BatchProblem(.unreadable, "cannot make the temporary folder \(spillFolder.path) (\(error.localizedDescription)); set TMPDIR to a writable folder with free space")
            }
            spillFolderMade = true
        }
        counter += 1
        return spillFolder.appendingPathComponent(String(counter))
    }

    /// Deletes the spill folder and everything left in it.
    func removeSpillFolder() {
        if spillFolderMade { try? FileManager.default.removeItem(at: spillFolder) }
        spillFolderMade = false
        diskInUse = 0
    }
}

/// Collects one file's bytes as they stream in: in memory while the
/// buffer's budget allows, else in a spill file; hashing as it goes.
final class FileSink {
    private unowned let buffer: FileBuffer
    let name: String
    private var memory: [UInt8] = []
    private var spill: (url: URL, handle: FileHandle)?
    private var hasher = SHA256Hex()
    private(set) var size = 0

    init(buffer: FileBuffer, name: String) {
        self.buffer = buffer
        self.name = name
    }

    func append(_ chunk: [UInt8]) throws(BatchProblem) {
        hasher.update(chunk)
        size += chunk.count
        if let spill {
            try write(chunk, to: spill.handle, url: spill.url)
            try buffer.accountDisk(chunk.count)
        } else if buffer.memoryAllows(memory.count + chunk.count) {
            memory += chunk
        } else {
            let url = try buffer.newSpillFile()
            guard FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600]),
                  let handle = FileHandle(forWritingAtPath: url.path) else {
                throw BatchProblem(.unreadable, "cannot write the temporary file \(url.path); check the free space in the temporary folder")
            }
            spill = (url, handle)
            try write(memory + chunk, to: handle, url: url)
            try buffer.accountDisk(memory.count + chunk.count)
            memory = []
        }
    }

    /// The finished file; its bytes now count against the buffer.
    func finish() throws(BatchProblem) -> StoredFile {
        let hash = hasher.finalize()
        if let spill {
            try? spill.handle.close()
            return StoredFile(name: name, size: size, sha256: hash, storage: .spilled(spill.url))
        }
        buffer.accountMemory(memory.count)
        return StoredFile(name: name, size: size, sha256: hash, storage: .memory(memory))
    }

    /// Drops what was collected (the entry was refused).
    func abandon() {
        if let spill {
            try? spill.handle.close()
            try? FileManager.default.removeItem(at: spill.url)
            buffer.release(StoredFile(name: name, size: size, sha256: "", storage: .spilled(spill.url)))
        }
        memory = []
    }

    private func write(_ bytes: [UInt8], to handle: FileHandle, url: URL) throws(BatchProblem) {
        do { try handle.write(contentsOf: bytes) } catch {
            throw BatchProblem(.unreadable, "cannot write the temporary file \(url.path) (\(error.localizedDescription)); check the free space in the temporary folder")
        }
    }
}
