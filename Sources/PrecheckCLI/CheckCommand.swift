import ArgumentParser
import Foundation
import Precheck

/// `precheck check DIR`: one application folder → its verdict (contract §4).
struct CheckCommand: AsyncCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check one application folder and print its verdict.",
        discussion: """
        Exit codes: 0 pre-approved, 1 rejected, 2 manual-review, 64 usage error,
        66 input missing or not an application, 70 internal error.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, text
    }

    @Argument(help: "The application's folder (holds application.json and the scans).")
    var folder: String

    @Option(help: "json: the contract's verdict; text: a short summary for people.")
    var format: Format = .json

    @Option(help: "A JSON file of thresholds overriding the defaults (see models/check-policy.json).")
    var policy: String?

    func execute() async throws {
        let checker: Checker
        do {
            let thresholds = try policy.map { try CheckPolicy.load(from: URL(fileURLWithPath: $0)) } ?? .default
            checker = try Checker(policy: thresholds, concurrency: 2)
        } catch let error as PolicyError {
            Diagnostics.fail("\(error)", code: 64)
        } catch {
            Diagnostics.fail("cannot start the OCR engine: \(error)", code: 70)
        }
        let verdict: Verdict
        do {
            verdict = try await checker.check(folder: URL(fileURLWithPath: folder))
        } catch {
            Diagnostics.fail("\(error)", code: 66)
        }
        switch format {
        case .json:
            guard let data = try? verdict.jsonData() else { Diagnostics.fail("cannot encode the verdict", code: 70) }
            FileHandle.standardOutput.write(data + Data("\n".utf8))
        case .text:
            print(VerdictSummary(verdict).text)
        }
        throw ExitCode(verdict.decision.exitCode)
    }
}

extension Decision {
    /// The contract's exit code of `check` for this decision.
    var exitCode: Int32 {
        switch self {
        case .preApproved: 0
        case .rejected: 1
        case .manualReview: 2
        case .error: 70
        }
    }
}

/// Messages to stderr and the exit that follows them.
enum Diagnostics {
    static func fail(_ message: String, code: Int32) -> Never {
        FileHandle.standardError.write(Data("precheck: \(PersonalData.masked(message))\n".utf8))
        Foundation.exit(code)
    }
}
