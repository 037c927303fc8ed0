import Foundation
import Precheck
@testable import PrecheckBatch
import Testing

/// A whole batch run (with OCR) over the hostile archive: error lines for
/// the bad items, the right verdicts for the good ones, nothing written
/// outside the output paths, and a report that shows it.
@Suite("Batch: hostile archive, end to end")
struct BatchHostileArchiveTests {
    @Test func hostileArchiveRun() async throws {
        let root = try BatchFixtures.scratchFolder("hostile-run")
        defer { try? FileManager.default.removeItem(at: root) }
        let inputs = root.appendingPathComponent("in"), outputs = root.appendingPathComponent("out"), temporary = root.appendingPathComponent("tmp")
        for folder in [inputs, outputs, temporary] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        let hostile = try BatchFixtures.hostileArchive(in: inputs)
        let source = hostile.archive.path

        var options = BatchOptions(results: outputs.appendingPathComponent("results.jsonl"))
        options.csv = outputs.appendingPathComponent("results.csv")
        options.report = outputs.appendingPathComponent("report.html")
        options.jobs = 2
        options.temporaryDirectory = temporary
        options.buffer.memoryBytes = 0  // every waiting file goes through the spill folder
        let checker = try Checker(concurrency: 2, documentTimeLimit: .seconds(300))
        let runner = BatchRunner(options: options, progress: ProgressReporter(isTerminal: false, output: { _ in }))
        let summary = try await runner.run(paths: [source], checker: checker)

        // One line per item, each a JSON object with a source.
        let lines = try BatchOutput.lines(options.results)
        #expect(lines.count == 11)
        #expect(Set(lines.keys).count == lines.count)
        #expect(summary.exitCode == 65)
        #expect(summary.counts[.error] == 7)

        let errors = lines.compactMapValues { $0["decision"] as? String == "error" ? $0["errorCode"] as? String : nil }
        #expect(errors == [
            "\(source)!/../evil": "UNSAFE_PATH",
            "\(source)!/../<script>alert(1)</script>": "UNSAFE_PATH",
            "\(source)!/\(hostile.absoluteEntry)": "UNSAFE_PATH",
            "\(source)!/link": "LINK_NOT_FOLLOWED",
            "\(source)!/bomb": "COMPRESSION_RATIO",
            "\(source)!/badform": "FORM_MALFORMED",
            "\(source)!/nested/inner.zip": "NESTED_ARCHIVE",
        ])

        // Damaged and oversized scans are the applicant's to fix: a verdict, not an error.
        for name in ["trunc", "huge"] {
            let line = try #require(lines["\(source)!/\(name)"])
            #expect(line["decision"] as? String == "rejected", "\(name)")
            let reasons = line["reasons"] as? [[String: Any]] ?? []
            #expect(Set(reasons.compactMap { $0["code"] as? String }) == ["DOCUMENT_UNREADABLE"], "\(name)")
            #expect(reasons.count == 4, "\(name): one reason per scan")
        }
        let hugeMessages = (lines["\(source)!/huge"]?["reasons"] as? [[String: Any]] ?? []).compactMap { $0["messageEn"] as? String }
        #expect(hugeMessages.allSatisfy { $0.contains("megapixels") }, "\(hugeMessages)")

        // The good applications: as the sample's truth expects, and exactly
        // what the checker says for the same folder on disk.
        let truth = try Samples.truth("APP-0015")
        let raw = try BatchOutput.rawLines(options.results)
        let formDefect = try #require(try BatchOutput.verdict(raw["\(source)!/good/APP-0015"]))
        #expect(formDefect.decision == truth.expectedDecision)
        #expect(Set(truth.expectedReasons).isSubset(of: Set(formDefect.reasons.map(\.code))))
        #expect(formDefect.applicationId == truth.applicationId)
        let fromArchive = try #require(try BatchOutput.verdict(raw["\(source)!/good/APP-0001"]))
        let fromFolder = try await checker.check(folder: Samples.directory.appendingPathComponent("APP-0001"))
        #expect(BatchOutput.withoutTimings(fromArchive) == BatchOutput.withoutTimings(try BatchOutput.roundTrip(fromFolder)))

        // Nothing outside the output paths; the spill folder is gone.
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == ["in", "out", "tmp"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: inputs.path) == ["hostile.zip"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: outputs.path).sorted()
                == ["report.html", "report.html.thumbnails.jsonl", "results.csv", "results.jsonl"])
        #expect(!FileManager.default.fileExists(atPath: hostile.absoluteEntry))
        #expect(!FileManager.default.fileExists(atPath: root.deletingLastPathComponent().appendingPathComponent("evil").path))

        // CSV: a header and one row per line.
        let csv = try String(contentsOf: try #require(options.csv), encoding: .utf8).split(separator: "\r\n").map(String.init)
        #expect(csv.first == "source,applicationId,decision,reasonCodes,error")
        #expect(csv.count == 12)
        let csvRow = try #require(csv.first { $0.hasPrefix("\(source)!/good/APP-0015,") })
        #expect(csvRow.contains(",rejected,") && csvRow.contains("FORM_CREDIT_CODE_INVALID"))

        // The report: grouped, escaped, with the scans of the checked applications.
        let html = try String(contentsOf: try #require(options.report), encoding: .utf8)
        #expect(html.components(separatedBy: "data:image/jpeg;base64,").count - 1 == 8)
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.contains("<script>alert"))
        let order = ["id=\"manual-review\"", "id=\"rejected\"", "id=\"error\""].compactMap { html.range(of: $0)?.lowerBound }
        #expect(order.count >= 2 && order == order.sorted())
        #expect(html.contains("FORM_CREDIT_CODE_INVALID"))
    }
}

/// Reading what a batch run wrote.
enum BatchOutput {
    /// The lines of a results file by source (each must be a JSON object).
    static func lines(_ url: URL) throws -> [String: [String: Any]] {
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.hasSuffix("\n"))
        var lines: [String: [String: Any]] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
            let source = try #require(object["source"] as? String)
            #expect(lines[source] == nil, "two lines for \(source)")
            lines[source] = object
        }
        return lines
    }

    /// The lines of a results file by source, as written.
    static func rawLines(_ url: URL) throws -> [String: Data] {
        var lines: [String: Data] = [:]
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") {
            let data = Data(line.utf8)
            if let source = (try? JSONSerialization.jsonObject(with: data) as? [String: Any])?["source"] as? String { lines[source] = data }
        }
        return lines
    }

    static func verdict(_ line: Data?) throws -> Verdict? {
        guard let line else { return nil }
        return try JSONDecoder().decode(Verdict.self, from: line)
    }

    static func roundTrip(_ verdict: Verdict) throws -> Verdict {
        try JSONDecoder().decode(Verdict.self, from: verdict.jsonData(pretty: false))
    }

    static func withoutTimings(_ verdict: Verdict) -> Verdict {
        var copy = verdict
        copy.timingsMs = [:]
        return copy
    }
}
