import Foundation
import Precheck
import PrecheckNative
import Synchronization

/// `results.jsonl` while a run writes it: lines are appended whole, one
/// `write(2)` each under a lock, and synchronised to disk every few lines
/// and at the end.
///
/// A line is either entirely in the file or not at all; only a power loss
/// or a full disk can leave a partial last line, which ``JSONLinesFile/recover(_:)``
/// cuts away before a resumed run appends. Lines lost that way (not yet
/// synchronised) are simply checked again on resume.
public final class LineWriter: Sendable {
    private struct State {
        var file: AppendOnlyFile?
        var unsynchronized = 0
    }

    public let url: URL
    private let synchronizeEvery: Int
    private let state: Mutex<State>

    /// Opens `url` for appending (emptying it first when `truncate`).
    public init(url: URL, truncate: Bool, synchronizeEvery: Int) throws(BatchError) {
        do {
            let file = try AppendOnlyFile(path: url.path, truncate: truncate)
            state = Mutex(State(file: file))
        } catch {
            throw BatchError.cannotWrite(url.path, "\(error)")
        }
        self.url = url
        self.synchronizeEvery = max(1, synchronizeEvery)
    }

    /// Appends one line (which must end in a newline).
    public func append(_ line: [UInt8]) throws(BatchError) {
        let result: Result<Void, BatchError> = state.withLock { state in
            guard let file = state.file else { return .failure(.cannotWrite(url.path, "the file was closed")) }
            do {
                try file.append(line)
                state.unsynchronized += 1
                if state.unsynchronized >= synchronizeEvery {
                    try file.synchronize()
                    state.unsynchronized = 0
                }
                return .success(())
            } catch {
                return .failure(.cannotWrite(url.path, "\(error)"))
            }
        }
        try result.get()
    }

    /// Synchronises and closes; later appends fail. Safe to call from a
    /// signal handler's queue while other tasks write: it waits for the
    /// line being written.
    public func close() {
        state.withLock { state in
            try? state.file?.synchronize()
            state.file = nil
        }
    }
}

/// Reading a JSON-lines file written by ``LineWriter``.
public enum JSONLinesFile {
    /// Cuts a partial last line (no newline: the writer was interrupted by
    /// a power loss or a full disk) away, so appending can go on.
    /// - Returns: how many bytes were cut.
    @discardableResult
    public static func recover(_ url: URL) throws(BatchError) -> Int {
        guard FileManager.default.fileExists(atPath: url.path) else { return 0 }
        do {
            let handle = try FileHandle(forUpdating: url)
            defer { try? handle.close() }
            let size = try handle.seekToEnd()
            guard size > 0 else { return 0 }
            // Find the last newline, reading backwards in blocks.
            var end = size
            while end > 0 {
                let start = end >= 65_536 ? end - 65_536 : 0
                try handle.seek(toOffset: start)
                let block = [UInt8](try handle.read(upToCount: Int(end - start)) ?? Data())
                if let index = block.lastIndex(of: UInt8(ascii: "\n")) {
                    let keep = start + UInt64(index) + 1
                    if keep < size { try handle.truncate(atOffset: keep) }
                    return Int(size - keep)
                }
                end = start
            }
            try handle.truncate(atOffset: 0)
            return Int(size)
        } catch {
            throw BatchError.cannotWrite(url.path, "cannot repair the end of the file: \(error.localizedDescription)")
        }
    }

    /// Calls `body` with every complete line (without its newline) and its
    /// byte offset, reading the file in blocks.
    public static func forEachLine(in url: URL, _ body: (_ line: [UInt8], _ offset: UInt64) throws -> Void) throws {
        guard let handle = FileHandle(forReadingAtPath: url.path) else { return }
        defer { try? handle.close() }
        var pending: [UInt8] = []
        var pendingOffset: UInt64 = 0
        while let data = try handle.read(upToCount: 1 << 20), !data.isEmpty {
            pending += data
            var start = 0
            while let newline = pending[start...].firstIndex(of: UInt8(ascii: "\n")) {
                try body(Array(pending[start..<newline]), pendingOffset + UInt64(start))
                start = newline + 1
            }
            pending.removeFirst(start)
            pendingOffset += UInt64(start)
        }
    }

    /// The line at `offset` (as given by ``forEachLine(in:_:)``).
    static func line(in handle: FileHandle, at offset: UInt64, length: Int) throws -> [UInt8] {
        try handle.seek(toOffset: offset)
        return [UInt8](try handle.read(upToCount: length) ?? Data())
    }
}
