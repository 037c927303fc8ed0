import Foundation
import Precheck
@testable import PrecheckBatch
import Testing

/// The results file (whole lines, repair, last line per source), the CSV
/// and the line format, without OCR.
@Suite("Batch: output files")
struct BatchOutputFilesTests {
    @Test func aPartialLastLineIsCutAwayAndCompleteLinesStay() throws {
        let folder = try BatchFixtures.scratchFolder("recover")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("results.jsonl")
        let partial = "{\"source\":\"c\",\"deci"
        try Data("{\"source\":\"a\"}\n{\"source\":\"b\"}\n\(partial)".utf8).write(to: url)
        #expect(try JSONLinesFile.recover(url) == partial.utf8.count)
        #expect(try String(contentsOf: url, encoding: .utf8) == "{\"source\":\"a\"}\n{\"source\":\"b\"}\n")
        #expect(try JSONLinesFile.recover(url) == 0)
    }

    @Test func theLastLineOfASourceCountsAndCompactionKeepsOnlyIt() throws {
        let folder = try BatchFixtures.scratchFolder("final")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("results.jsonl")
        let writer = try LineWriter(url: url, truncate: true, synchronizeEvery: 2)
        let lines = [
            #"{"contentSha256":"h1","decision":"rejected","reasons":[{"code":"DOCUMENT_MISSING"}],"source":"x.zip!/A"}"#,
            #"{"decision":"error","error":"bad","errorCode":"FORM_MALFORMED","source":"x.zip!/B"}"#,
            #"{"contentSha256":"h2","decision":"pre-approved","reasons":[],"source":"x.zip!/A"}"#,
        ]
        for line in lines { try writer.append(Array(line.utf8) + [10]) }
        writer.close()
        #expect(throws: BatchError.self) { try writer.append(Array("late\n".utf8)) }

        let final = try FinalResults.read(url)
        #expect(final.entries.map(\.record.source) == ["x.zip!/B", "x.zip!/A"])
        #expect(final.entries.last?.record.contentSha256 == "h2")
        #expect(final.supersededLines == 1)
        #expect(final.counts == [.error: 1, .preApproved: 1])
        try final.compact(url)
        #expect(try String(contentsOf: url, encoding: .utf8) == lines[1] + "\n" + lines[2] + "\n")
        #expect(try FinalResults.read(url).supersededLines == 0)
    }

    @Test func csvRowsAreQuotedAndSafeForSpreadsheets() throws {
        #expect(CSVSummary.field("plain") == "plain")
        #expect(CSVSummary.field("a,b") == "\"a,b\"")
        #expect(CSVSummary.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVSummary.field("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(CSVSummary.field("-1") == "'-1")
    }

    @Test func aVerdictLineIsOneCompactObjectWithItsSource() throws {
        let verdict = Verdict(applicationId: "002026000000015", reasons: [Reason(.formCreditCodeInvalid, document: nil, field: "organization.creditCode")],
                              documents: [:], timingsMs: ["total": 5])
        let line = try ResultLine.verdict(verdict, source: "a.zip!/APP \"1\"", contentHash: String(repeating: "0", count: 64))
        #expect(line.last == 10)
        #expect(line.dropLast().contains(10) == false)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
        #expect(object["source"] as? String == "a.zip!/APP \"1\"")
        #expect(object["decision"] as? String == "rejected")
        #expect(object["applicationId"] as? String == "002026000000015")
        #expect(object["contentSha256"] as? String == String(repeating: "0", count: 64))
        let text = String(decoding: line, as: UTF8.self)
        let keys = ["applicationId", "contentSha256", "decision", "documents", "reasons", "source", "timingsMs"]
        let positions = keys.compactMap { text.range(of: "\"\($0)\":")?.lowerBound }
        #expect(positions.count == keys.count && positions == positions.sorted(), "keys sorted")
        #expect(try JSONDecoder().decode(Verdict.self, from: Data(line)) == verdict)
    }

    @Test func anErrorLineMasksPersonalData() throws {
        let problem = BatchProblem(.unreadable, "cannot read 330103198507120018 (call 15600001234)")
        let line = try ResultLine.error(source: "s", problem: problem, contentHash: nil, applicationId: "1")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
        #expect(object["decision"] as? String == "error")
        #expect(object["errorCode"] as? String == "UNREADABLE")
        let message = try #require(object["error"] as? String)
        #expect(!message.contains("330103198507120018") && !message.contains("15600001234"))
        #expect(message.contains("330103********0018"))
    }
}
