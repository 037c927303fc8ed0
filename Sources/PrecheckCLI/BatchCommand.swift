import ArgumentParser
import Dispatch
import Foundation
import Precheck
import PrecheckBatch

/// `precheck batch PATH... --out results.jsonl`: every application under the
/// paths (folders, .zip, .tar, .tar.gz), one verdict per line (contract §4).
struct BatchCommand: AsyncCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Check every application under the given folders and archives; one verdict per line.",
        discussion: """
        An application is any folder holding application.json, on disk or inside a .zip, .tar or
        .tar.gz / .tgz archive. Each gets one JSON line in --out with "source" (a folder path, or
        archive.zip!/folder); one that cannot be processed gets "decision": "error" and the reason.
        Exit codes: 0 every application got a verdict, 65 some could not be processed,
        64 usage error (e.g. --out exists without --resume), 70 no OCR engine, 73 cannot write,
        130 interrupted (run again with --resume to go on).
        """)

    @Argument(help: "Application folders, folders of them, or .zip / .tar / .tar.gz archives.")
    var paths: [String]

    @Option(help: "The results file: one verdict per line (JSON lines).")
    var out: String

    @Option(help: "Applications checked at once, one OCR engine each (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Also write a CSV summary (source, applicationId, decision, reason codes, error).")
    var csv: String?

    @Option(help: "Also write an HTML page for reviewers, with thumbnails and evidence boxes.")
    var report: String?

    @Flag(help: "Continue an interrupted run: skip applications already in --out with the same content.")
    var resume = false

    @Option(help: "A JSON file of thresholds overriding the defaults (see models/check-policy.json).")
    var policy: String?

    @Option(help: "Seconds one document may take before it is stopped (it then asks for manual review); 0: no limit.")
    var documentTimeLimit: Double = 60

    @Option(help: "Folder for the private spill folder of files waiting for their application (default: $TMPDIR or /tmp).")
    var tempDir: String?

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard documentTimeLimit >= 0 else { throw ValidationError("--document-time-limit must be 0 (no limit) or more seconds") }
        guard !paths.isEmpty else { throw ValidationError("give at least one folder or archive") }
    }

    func execute() async throws {
        var options = BatchOptions(results: URL(fileURLWithPath: out))
        options.csv = csv.map { URL(fileURLWithPath: $0) }
        options.report = report.map { URL(fileURLWithPath: $0) }
        options.resume = resume
        options.jobs = jobs
        options.documentTimeLimit = documentTimeLimit > 0 ? .milliseconds(Int64(documentTimeLimit * 1000)) : nil
        if let tempDir { options.temporaryDirectory = URL(fileURLWithPath: tempDir, isDirectory: true) }
        if let policy {
            do { options.policy = try CheckPolicy.load(from: URL(fileURLWithPath: policy)) } catch {
                Diagnostics.fail("\(error)", code: 64)
            }
        }
        let runner = BatchRunner(options: options)
        let signals = InterruptHandler(runner: runner, results: out)
        defer { signals.cancel() }
        do {
            let summary = try await runner.run(paths: paths)
            FileHandle.standardError.write(Data(PersonalData.masked(summary.text + "\n").utf8))
            throw ExitCode(summary.exitCode)
        } catch let error as BatchError {
            runner.progress.finish()
            Diagnostics.fail(error.message, code: error.exitCode)
        }
    }
}

/// Ctrl-C (SIGINT) and SIGTERM: keep every line written so far, remove the
/// spill folder, say how to continue, exit (130 / 143).
private final class InterruptHandler {
    private let sources: [DispatchSourceSignal]

    init(runner: BatchRunner, results: String) {
        sources = [(SIGINT, Int32(130)), (SIGTERM, Int32(143))].map { signalNumber, code in
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                runner.interrupt()
                runner.progress.finish()
                runner.progress.message("precheck batch: interrupted; the lines in \(results) are complete — run the same command with --resume to go on")
                exit(code)
            }
            source.resume()
            return source
        }
    }

    func cancel() {
        for source in sources { source.cancel() }
    }
}
