import Foundation
import Precheck

/// The lines of a results file that count: for each source the last line
/// written for it (a resumed run appends a newer line when an application's
/// content changed), in file order.
public struct FinalResults: Sendable {
    /// One counted line and where it is in the file.
    public struct Entry: Sendable {
        public let record: ResultRecord
        public let offset: UInt64
        public let length: Int
    }

    public let entries: [Entry]
    /// Lines that a later line for the same source replaces.
    public let supersededLines: Int
    /// Lines that are not JSON objects with a source (left in place, not counted).
    public let unreadableLines: Int

    /// Reads `url` (missing: no lines).
    public static func read(_ url: URL) throws -> FinalResults {
        var latest: [String: Entry] = [:]
        var order: [String] = []
        var total = 0, unreadable = 0
        let decoder = JSONDecoder()
        try JSONLinesFile.forEachLine(in: url) { line, offset in
            guard !line.isEmpty else { return }
            guard let record = try? decoder.decode(ResultRecord.self, from: Data(line)) else {
                unreadable += 1
                return
            }
            total += 1
            if latest[record.source] == nil { order.append(record.source) }
            latest[record.source] = Entry(record: record, offset: offset, length: line.count)
        }
        let entries = order.compactMap { latest[$0] }.sorted { $0.offset < $1.offset }
        return FinalResults(entries: entries, supersededLines: total - entries.count, unreadableLines: unreadable)
    }

    /// Counts by decision.
    public var counts: [Decision: Int] {
        entries.reduce(into: [:]) { $0[$1.record.decision, default: 0] += 1 }
    }

    /// Rewrites `url` with only the counted lines (when some were
    /// superseded), through a temporary file renamed over it.
    public func compact(_ url: URL) throws {
        guard supersededLines > 0 else { return }
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).compacting")
        let writer = try LineWriter(url: temporary, truncate: true, synchronizeEvery: .max)
        guard let handle = FileHandle(forReadingAtPath: url.path) else { return }
        defer { try? handle.close() }
        for entry in entries {
            try writer.append(try JSONLinesFile.line(in: handle, at: entry.offset, length: entry.length) + [UInt8(ascii: "\n")])
        }
        writer.close()
        guard rename(temporary.path, url.path) == 0 else {
            throw BatchError.cannotWrite(url.path, "cannot replace it with the compacted \(temporary.path)")
        }
    }
}
