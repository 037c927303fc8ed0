import Foundation
import Precheck
import PrecheckCorpus
import Testing

/// Every committed sample gets the decision and reason codes its
/// `truth.json` expects (issue 6).
@Suite("Decisions on the committed samples")
struct SampleDecisionTests {
    @Test func everySampleGetsItsExpectedDecision() async throws {
        let folders = try Evaluator.applications(in: Samples.directory)
        #expect(folders.count == 30)
        let checker = try Checker(concurrency: 2)
        let wrong = try await withThrowingTaskGroup(of: String?.self) { group in
            for folder in folders {
                group.addTask {
                    let truth = try Samples.truth(folder.lastPathComponent)
                    let verdict = try await checker.check(folder: folder)
                    let codes = Set(verdict.reasons.map(\.code))
                    let right = verdict.decision == truth.expectedDecision && truth.expectedReasons.allSatisfy(codes.contains)
                    return right ? nil : "\(folder.lastPathComponent): expected \(truth.expectedDecision.rawValue) \(truth.expectedReasons.map(\.rawValue)), got \(verdict.decision.rawValue) \(verdict.reasons.map(\.code.rawValue))"
                }
            }
            return try await group.reduce(into: [String]()) { if let miss = $1 { $0.append(miss) } }
        }
        #expect(wrong.isEmpty, "\(wrong.sorted().joined(separator: "\n"))")
    }
}
