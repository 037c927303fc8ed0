import Foundation
import Precheck
import Synchronization

/// Runs `precheck batch`: finds the applications under the given paths,
/// checks them with a bounded number in flight, and writes the results,
/// the CSV and the report.
///
/// ```swift
/// var options = BatchOptions(results: URL(fileURLWithPath: "results.jsonl"))
/// options.jobs = 2
/// let runner = BatchRunner(options: options)
/// let summary = try await runner.run(paths: ["incoming/batch-17.zip", "incoming/loose"])
/// exit(summary.exitCode)
/// ```
///
/// One task reads the inputs (folders and archives, streamed; see
/// ``ArchiveApplications``) and hands each application to a worker task;
/// at most ``BatchOptions/jobs`` applications are in flight, sharing one
/// ``Checker`` with `jobs` OCR engines (the four documents of an application
/// are read in parallel when engines are free). So memory holds the
/// applications in flight plus the buffer of files waiting for their
/// application, whatever the size of the inputs.
///
/// Lines are written as applications finish (order of completion), each in
/// one write, and synchronised to disk every few lines. With
/// ``BatchOptions/resume`` an application whose source and content hash are
/// already in the results is skipped; one whose content changed is checked
/// again and its new line replaces the old one when the run ends.
public final class BatchRunner: Sendable {
    public let options: BatchOptions
    public let progress: ProgressReporter
    private let spillFolder: URL
    private let writers = Mutex<[LineWriter]>([])

    public init(options: BatchOptions, progress: ProgressReporter = ProgressReporter()) {
        self.options = options
        self.progress = progress
        self.spillFolder = FileBuffer.spillFolder(in: options.temporaryDirectory)
    }

    /// The side file that keeps the report's thumbnails (`REPORT.thumbnails.jsonl`).
    public static func thumbnailsURL(forReport report: URL) -> URL {
        report.deletingLastPathComponent().appendingPathComponent(report.lastPathComponent + ".thumbnails.jsonl")
    }

    /// Checks every application under `paths`.
    /// - Parameter checker: the checker to use (default: one made from the
    ///   options, with `jobs` Tesseract engines).
    /// - Throws: ``BatchError`` when the run cannot start (results exist
    ///   without `resume`, a path is missing, no OCR engine) or cannot write.
    public func run(paths: [String], checker checkerToUse: Checker? = nil) async throws(BatchError) -> BatchSummary {
        let started = ContinuousClock.now
        for path in paths where !FileManager.default.fileExists(atPath: path) { throw .inputMissing(path) }
        let done = try prepareResults()
        let thumbnailsURL = options.report.map(Self.thumbnailsURL(forReport:))
        if let thumbnailsURL {
            if options.resume { try JSONLinesFile.recover(thumbnailsURL) }
        }
        let checker: Checker
        if let given = checkerToUse { checker = given } else { checker = try makeChecker() }
        let results = try LineWriter(url: options.results, truncate: false, synchronizeEvery: options.synchronizeEvery)
        var thumbnails: LineWriter?
        if let thumbnailsURL {
            thumbnails = try LineWriter(url: thumbnailsURL, truncate: !options.resume, synchronizeEvery: options.synchronizeEvery)
        }
        writers.withLock { $0 = [results] + (thumbnails.map { [$0] } ?? []) }

        let counting = Task.detached(priority: .background) { [options, progress] in
            let total = ApplicationCounter.count(paths: paths, limits: options.limits)
            if !Task.isCancelled { progress.setTotal(total) }
        }
        defer { counting.cancel() }

        let written = try await checkAll(paths: paths, done: done, checker: checker, results: results, thumbnails: thumbnails)
        counting.cancel()
        results.close()
        thumbnails?.close()
        progress.finish()
        return try finish(written: written, started: started, thumbnailsURL: thumbnailsURL)
    }

    /// Stops at once (Ctrl-C): waits for the line being written, synchronises
    /// the files and removes the spill folder. Lines written so far stay
    /// valid; `--resume` goes on from them.
    public func interrupt() {
        for writer in writers.withLock({ $0 }) { writer.close() }
        try? FileManager.default.removeItem(at: spillFolder)
    }

    // MARK: - Steps

    /// Refuses an existing results file unless resuming; when resuming,
    /// repairs its end and returns what it holds (source → content hash).
    private func prepareResults() throws(BatchError) -> [String: String?] {
        let url = options.results
        guard FileManager.default.fileExists(atPath: url.path) else { return [:] }
        guard options.resume else { throw .outputExists(url.path) }
        let cut = try JSONLinesFile.recover(url)
        if cut > 0 { progress.message("precheck batch: removed a partial last line (\(cut) bytes) from \(url.path)") }
        do {
            let existing = try FinalResults.read(url)
            return Dictionary(existing.entries.map { ($0.record.source, $0.record.contentSha256) }, uniquingKeysWith: { $1 })
        } catch {
            throw .cannotWrite(url.path, "cannot read it back to resume: \(error.localizedDescription)")
        }
    }

    private func makeChecker() throws(BatchError) -> Checker {
        do {
            return try Checker(policy: options.policy, concurrency: max(1, options.jobs), documentTimeLimit: options.documentTimeLimit)
        } catch {
            throw .engineUnavailable("\(error)")
        }
    }

    /// The main loop: read items, skip those done, keep `jobs` in flight.
    private func checkAll(paths: [String], done: [String: String?], checker: Checker, results: LineWriter,
                          thumbnails: LineWriter?) async throws(BatchError) -> Int {
        let buffer = FileBuffer(budget: options.buffer, spillFolder: spillFolder)
        defer { buffer.removeSpillFolder() }
        let inputs = BatchInputs(paths: paths, limits: options.limits, buffer: buffer)
        let drawer = options.report == nil ? nil : ReportThumbnails(longSide: options.thumbnailLongSide)
        let limit = max(1, options.jobs)
        // Each task returns the error that stopped it, if any (a write failed).
        let (written, failure) = await withTaskGroup(of: BatchError?.self, returning: (Int, BatchError?).self) { group in
            var inFlight = 0, written = 0
            var failure: BatchError?
            func collect(_ result: BatchError?) {
                inFlight -= 1
                if let result { failure = failure ?? result } else { written += 1 }
            }
            while failure == nil, let item = inputs.next() {
                if let previous = done[item.source], previous == item.contentHash {
                    item.discard()
                    progress.skipped()
                    continue
                }
                if inFlight >= limit, let result = await group.next() { collect(result) }
                inFlight += 1
                group.addTask { [progress] in
                    do throws(BatchError) {
                        let decision = try await Self.process(item, checker: checker, results: results, thumbnails: thumbnails, drawer: drawer)
                        progress.finished(decision)
                        return nil
                    } catch {
                        return error
                    }
                }
            }
            for await result in group { collect(result) }
            return (written, failure)
        }
        if let failure { throw failure }
        return written
    }

    /// Checks one item (or writes its error line); thumbnails go out before
    /// the result line, so a result line always has its thumbnails.
    private static func process(_ item: BatchItem, checker: Checker, results: LineWriter, thumbnails: LineWriter?,
                                drawer: ReportThumbnails?) async throws(BatchError) -> Decision {
        defer { item.discard() }
        switch item {
        case .failure(let source, let problem, let hash, let applicationId):
            let line: [UInt8]
            do { line = try ResultLine.error(source: source, problem: problem, contentHash: hash, applicationId: applicationId) } catch {
                throw .cannotWrite(results.url.path, "cannot encode an error line: \(error)")
            }
            try results.append(line)
            return .error
        case .application(let application):
            let verdict = await checker.check(application.application)
            if let drawer, let thumbnails {
                let record = drawer.record(for: application, verdict: verdict)
                if let encoded = try? JSONEncoder().encode(record) {
                    try thumbnails.append(Array(encoded) + [UInt8(ascii: "\n")])
                }
            }
            let line: [UInt8]
            do { line = try ResultLine.verdict(verdict, source: application.source, contentHash: application.contentHash) } catch {
                throw .cannotWrite(results.url.path, "cannot encode the verdict of \(application.source): \(error)")
            }
            try results.append(line)
            return verdict.decision
        }
    }

    /// Compacts the results if a resumed run superseded lines, writes the
    /// CSV and the report, and sums up.
    private func finish(written: Int, started: ContinuousClock.Instant, thumbnailsURL: URL?) throws(BatchError) -> BatchSummary {
        let url = options.results
        var final: FinalResults
        do {
            final = try FinalResults.read(url)
            if final.supersededLines > 0 {
                try final.compact(url)
                final = try FinalResults.read(url)
            }
        } catch let error as BatchError {
            throw error
        } catch {
            throw .cannotWrite(url.path, "cannot read the results back: \(error.localizedDescription)")
        }
        if let csv = options.csv { try CSVSummary.write(final, to: csv) }
        if let report = options.report {
            do {
                try ReviewReport(results: final, resultsURL: url, thumbnailsURL: thumbnailsURL).write(to: report)
            } catch let error as BatchError {
                throw error
            } catch {
                throw .cannotWrite(report.path, error.localizedDescription)
            }
        }
        return BatchSummary(counts: final.counts, writtenThisRun: written, skipped: skippedCount, elapsed: ContinuousClock.now - started)
    }

    private var skippedCount: Int { progress.skippedCount }
}
