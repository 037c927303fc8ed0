import ArgumentParser
import Foundation
import PrecheckCorpus

/// `precheck eval DIR`: score the pipeline against generated ground truth.
struct EvalCommand: AsyncCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Run the pipeline over every application with a truth.json under DIR and print the scores.")

    @Argument(help: "A folder of generated applications.")
    var directory: String

    @Flag(help: "Print the report as JSON.")
    var json = false

    @Flag(help: "Baseline: read each page with one whole-page Tesseract pass (psm 3) instead of line by line.")
    var baseline = false

    @Option(help: "Applications processed at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func execute() async throws {
        let folders = try Evaluator.applications(in: URL(fileURLWithPath: directory, isDirectory: true))
        guard !folders.isEmpty else {
            FileHandle.standardError.write(Data("precheck: no application with a truth.json under \(directory)\n".utf8))
            throw ExitCode(66)
        }
        var evaluator = Evaluator(jobs: jobs)
        if baseline { evaluator.reader.pageReader.mode = .wholePage }
        let report = try await evaluator.evaluate(folders) { done, total in
            if done % 10 == 0 || done == total { FileHandle.standardError.write(Data("evaluated \(done)/\(total)\n".utf8)) }
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print(report.table())
        }
    }
}
