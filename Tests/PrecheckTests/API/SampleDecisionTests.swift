import Foundation
import Precheck
import PrecheckCorpus
import Testing

/// The committed samples against the decisions their `truth.json` expects.
///
/// Safety is asserted strictly: no defective sample is pre-approved, and a
/// rejected one carries its defect's reason code. That *every* sample gets
/// exactly its expected decision is issue 6's goal and not reached yet (seal
/// ring text and some readings are too weak, so clean samples go to manual
/// review): it is a known issue, which this test reports as soon as it is fixed.
@Suite("Decisions on the committed samples")
struct SampleDecisionTests {
    @Test func everySampleGetsItsExpectedDecision() async throws {
        let folders = try Evaluator.applications(in: Samples.directory)
        #expect(folders.count == 30)
        let checker = try Checker(concurrency: 2)
        let outcomes = try await withThrowingTaskGroup(of: (GroundTruth, Verdict).self) { group in
            for folder in folders {
                group.addTask { (try Samples.truth(folder.lastPathComponent), try await checker.check(folder: folder)) }
            }
            return try await group.reduce(into: [(GroundTruth, Verdict)]()) { $0.append($1) }
        }
        var wrong: [String] = []
        for (truth, verdict) in outcomes.sorted(by: { $0.0.applicationId < $1.0.applicationId }) {
            let codes = Set(verdict.reasons.map(\.code))
            let defect = truth.defect?.rawValue ?? "clean"
            if truth.expectedDecision != .preApproved {
                #expect(verdict.decision != .preApproved, "false approval: \(truth.applicationId) (\(defect))")
                if verdict.decision == .rejected {
                    #expect(truth.expectedReasons.allSatisfy(codes.contains), "\(truth.applicationId) (\(defect)) rejected for \(codes.map(\.rawValue).sorted())")
                }
            }
            if verdict.decision != truth.expectedDecision || !truth.expectedReasons.allSatisfy(codes.contains) {
                wrong.append("\(truth.applicationId) (\(defect)): expected \(truth.expectedDecision.rawValue), got \(verdict.decision.rawValue) \(verdict.reasons.map(\.code.rawValue))")
            }
        }
        withKnownIssue("issue 6: clean samples still go to manual review (seal ring text, weak readings)") {
            #expect(wrong.isEmpty, "\(wrong.joined(separator: "\n"))")
        }
    }
}
