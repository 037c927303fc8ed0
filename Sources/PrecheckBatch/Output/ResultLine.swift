import Foundation
import Precheck

/// The lines of `results.jsonl`: one compact JSON object per application,
/// keys sorted, ending in a newline.
///
/// A verdict line is the contract's verdict (§3) plus `source` (where the
/// application came from) and `contentSha256` (see ``ContentHash``); an error
/// line is `{"applicationId"?, "contentSha256"?, "decision": "error",
/// "error": message, "errorCode": code, "source"}`.
enum ResultLine {
    static func verdict(_ verdict: Verdict, source: String, contentHash: String) throws -> [UInt8] {
        try encode(VerdictLine(verdict: verdict, source: source, contentSha256: contentHash))
    }

    static func error(source: String, problem: BatchProblem, contentHash: String?, applicationId: String?) throws -> [UInt8] {
        try encode(ErrorLine(applicationId: applicationId, contentSha256: contentHash, decision: .error,
                             error: PersonalData.masked(problem.message), errorCode: problem.code.rawValue, source: source))
    }

    private static func encode<Line: Encodable>(_ line: Line) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(line)) + [UInt8(ascii: "\n")]
    }

    /// The verdict's own keys with two more beside them.
    private struct VerdictLine: Encodable {
        let verdict: Verdict
        let source: String
        let contentSha256: String

        enum CodingKeys: String, CodingKey { case source, contentSha256 }

        func encode(to encoder: Encoder) throws {
            try verdict.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(source, forKey: .source)
            try container.encode(contentSha256, forKey: .contentSha256)
        }
    }

    private struct ErrorLine: Encodable {
        let applicationId: String?
        let contentSha256: String?
        let decision: Decision
        let error: String
        let errorCode: String
        let source: String
    }
}

/// What the summary, the CSV and `--resume` need from a line of
/// `results.jsonl` (the report decodes the whole verdict when it needs it).
public struct ResultRecord: Decodable, Sendable, Equatable {
    public let source: String
    public let decision: Decision
    public let applicationId: String?
    public let contentSha256: String?
    public let error: String?
    public let errorCode: String?
    public let reasons: [ReasonCodeOnly]?

    /// A reason's code, without the rest.
    public struct ReasonCodeOnly: Decodable, Sendable, Equatable {
        public let code: String
    }

    /// The distinct reason codes, in order of first appearance.
    public var reasonCodes: [String] {
        var seen: [String] = []
        for reason in reasons ?? [] where !seen.contains(reason.code) { seen.append(reason.code) }
        return seen
    }
}
