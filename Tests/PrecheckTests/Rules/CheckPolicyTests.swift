import Foundation
import Precheck
import Testing

/// The shipped policy file and the built-in defaults are one and the same,
/// and a policy file with a misspelt threshold is refused.
@Suite("Check policy")
struct CheckPolicyTests {
    static let shipped = Samples.directory.deletingLastPathComponent().appendingPathComponent("models/check-policy.json")

    @Test func shippedFileHoldsTheDefaults() throws {
        #expect(try CheckPolicy.load(from: Self.shipped) == CheckPolicy.default)
    }

    @Test func partialFilesKeepDefaultsAndTyposAreRefused() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("policy-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data("{\"minSupport\": 0.8}".utf8).write(to: url)
        let policy = try CheckPolicy.load(from: url)
        #expect(policy.minSupport == 0.8)
        #expect(policy.minSealInsideBox == CheckPolicy.default.minSealInsideBox)
        try Data("{\"minSuport\": 0.8}".utf8).write(to: url)
        #expect(throws: PolicyError.self) { try CheckPolicy.load(from: url) }
    }
}
