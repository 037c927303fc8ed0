import Foundation
import Precheck

/// One file of an application, read from a folder or an archive: its bytes
/// in memory or in the run's private spill folder, and their SHA-256.
public struct StoredFile: Sendable {
    public enum Storage: Sendable {
        case memory([UInt8])
        /// A file in the spill folder, deleted by ``discard()``.
        case spilled(URL)
    }

    /// The name the form uses for it.
    public let name: String
    public let size: Int
    /// SHA-256 of the bytes, hex.
    public let sha256: String
    public let storage: Storage

    /// The upload the checker reads.
    var upload: UploadedDocument {
        switch storage {
        case .memory(let bytes): .bytes(bytes, name: name)
        case .spilled(let url): .file(url, name: name)
        }
    }

    /// The bytes (read back from disk when spilled).
    func bytes() throws -> [UInt8] {
        switch storage {
        case .memory(let bytes): return bytes
        case .spilled(let url): return [UInt8](try Data(contentsOf: url))
        }
    }

    /// Bytes held in memory (0 when spilled).
    var memoryBytes: Int {
        if case .memory(let bytes) = storage { return bytes.count }
        return 0
    }

    /// Removes a spilled copy; nothing to do for memory.
    func discard() {
        if case .spilled(let url) = storage { try? FileManager.default.removeItem(at: url) }
    }
}
