#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file opened for appending whole records (an owned file descriptor,
/// closed in `deinit`).
///
/// Each ``append(_:)`` is one `write(2)` on a descriptor opened with
/// `O_APPEND`, so a record lands whole at the end of the file even if the
/// process is killed right after; only a failing disk (or power loss before
/// ``synchronize()``) can leave part of one, which a reader must then drop.
///
/// **Threads.** The descriptor's offset is the kernel's (`O_APPEND`), but
/// interleaving two writers' records would still mix the order of lines;
/// callers serialise appends (the batch writer does, under a lock). Not
/// `Sendable` for that reason.
public final class AppendOnlyFile {
    private let descriptor: Int32
    public let path: String

    /// Opens (creating with mode 0644 when missing) `path` for appending.
    /// - Parameter truncate: empty the file first.
    /// - Throws: ``FileError`` with the system's reason.
    public init(path: String, truncate: Bool = false) throws {
        var flags = O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC
        if truncate { flags |= O_TRUNC }
        let descriptor = open(path, flags, 0o644)
        guard descriptor >= 0 else { throw FileError(operation: "open", path: path, code: errno) }
        self.descriptor = descriptor
        self.path = path
    }

    deinit {
        close(descriptor)
    }

    /// Appends `bytes` with one `write(2)`; retries only the rest after a
    /// partial write (which regular files see only on a full disk).
    public func append(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw FileError(operation: "write", path: path, code: errno)
            }
            offset += written
        }
    }

    /// Flushes the file's data to the disk (`fsync(2)`).
    public func synchronize() throws {
        guard fsync(descriptor) == 0 else { throw FileError(operation: "fsync", path: path, code: errno) }
    }
}

/// A failed file-system call, with the system's reason (`strerror`).
public struct FileError: Error, CustomStringConvertible, Sendable, Equatable {
    public let operation: String
    public let path: String
    public let reason: String

    public init(operation: String, path: String, code: Int32) {
        self.operation = operation
        self.path = path
        self.reason = String(cString: strerror(code))
    }

    public var description: String { "\(path): \(operation) failed: \(reason)" }
}
