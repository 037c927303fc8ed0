import Foundation
import Precheck

/// Everything a batch run needs to know besides its inputs.
///
/// ```swift
/// var options = BatchOptions(results: URL(fileURLWithPath: "results.jsonl"))
/// options.jobs = 2
/// options.report = URL(fileURLWithPath: "report.html")
/// let summary = try await BatchRunner(options: options).run(paths: ["batch.zip"])
/// ```
public struct BatchOptions: Sendable {
    /// The JSON-lines file of verdicts (one per application, with `source`).
    public var results: URL
    /// Optional CSV summary (source, applicationId, decision, reason codes, error).
    public var csv: URL?
    /// Optional HTML page for reviewers.
    public var report: URL?
    /// Continue `results` (skip applications already in it) instead of
    /// refusing to touch an existing file.
    public var resume = false
    /// Applications checked at once; also the number of OCR engines.
    public var jobs = ProcessInfo.processInfo.activeProcessorCount
    /// Thresholds for the checker.
    public var policy = CheckPolicy.default
    /// How long reading one document may take (`nil`: no limit).
    public var documentTimeLimit: Duration? = .seconds(60)
    public var limits = ArchiveLimits()
    public var buffer = BufferBudget()
    /// Where the private spill folder is made (default: the system's
    /// temporary folder, `$TMPDIR` or `/tmp`).
    public var temporaryDirectory = FileManager.default.temporaryDirectory
    /// Longest side of the report's thumbnails, in pixels.
    public var thumbnailLongSide = 600
    /// Synchronise the results to disk after this many lines (and at the end).
    public var synchronizeEvery = 8

    public init(results: URL) {
        self.results = results
    }
}
