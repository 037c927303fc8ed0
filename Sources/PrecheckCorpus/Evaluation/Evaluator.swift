import Foundation
import Precheck

/// Runs the checker over generated applications and compares with
/// `truth.json`: decisions and reason codes, each document's
/// classification, B&W-copy flag and fields.
///
/// Documents whose truth says they cannot be read (missing, truncated,
/// swapped) carry no field truth and are not scored for fields.
public struct Evaluator: Sendable {
    public var reader = DocumentReader()
    public var policy = CheckPolicy.default
    public var jobs: Int

    public init(jobs: Int = 2) {
        self.jobs = max(1, jobs)
    }

    /// Every folder under `directory` (one level) holding a `truth.json`.
    public static func applications(in directory: URL) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { FileManager.default.fileExists(atPath: $0.appendingPathComponent("truth.json").path) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    public func evaluate(_ folders: [URL], progress: @Sendable (Int, Int) -> Void = { _, _ in }) async throws -> EvaluationReport {
        let checker = try Checker(policy: policy, concurrency: jobs, reader: reader)
        let start = Date()
        var report = EvaluationReport()
        try await withThrowingTaskGroup(of: EvaluationReport.self) { group in
            var next = 0
            func add() {
                let folder = folders[next]
                next += 1
                group.addTask { try await self.evaluate(folder, checker: checker) }
            }
            for _ in 0..<min(jobs, folders.count) { add() }
            var done = 0
            while let partial = try await group.next() {
                report.merge(partial)
                done += 1
                progress(done, folders.count)
                if next < folders.count { add() }
            }
        }
        report.secondsPerApplication = folders.isEmpty ? 0 : Date().timeIntervalSince(start) * Double(jobs) / Double(folders.count)
        return report
    }

    func evaluate(_ folder: URL, checker: Checker) async throws -> EvaluationReport {
        var report = EvaluationReport()
        report.applications = 1
        let truth = try JSONDecoder().decode(GroundTruth.self, from: Data(contentsOf: folder.appendingPathComponent("truth.json")))
        let name = folder.lastPathComponent
        let verdict = try await checker.check(folder: folder)
        report.countDecision(verdict, truth: truth, application: name)
        let degraded = truth.style == "clean" ? "clean" : "degraded"
        for slot in DocumentSlot.allCases {
            guard let expected = truth.fields[slot.rawValue], let presentation = truth.presentation[slot.rawValue] else { continue }
            report.documents += 1
            guard let document = verdict.documents[slot]?.reading else {
                report.unreadable.append("\(name)/\(slot.rawValue): \(verdict.documents[slot]?.error ?? "not read")")
                for key in expected.keys { report.count(slot: slot.rawValue, field: key, style: degraded, exact: false) }
                continue
            }
            // Only licences and ID cards have colour originals; a letter is printed black.
            if slot != .authorizationLetter {
                let copy = document.isBlackAndWhiteCopy
                report.copyDetection.record(copy == presentation.blackAndWhiteCopy)
                if copy != presentation.blackAndWhiteCopy {
                    let tinted = String(format: "%.4f", document.quality.nonRedTintedFraction)
                    report.classificationMisses.append("\(name)/\(slot.rawValue) copy flag \(copy) (tinted \(tinted))")
                }
            }
            report.classified.record(document.detectedType.slot == slot)
            if document.detectedType.slot != slot {
                report.classificationMisses.append("\(name)/\(slot.rawValue) read as \(document.detectedType.rawValue)")
            }
            for (key, value) in expected.sorted(by: { $0.key < $1.key }) {
                let found = document.fields[key]?.value
                let matches = { (text: String?) in text.map { TextNormalization.normalized($0) == TextNormalization.normalized(value) } ?? false }
                let exact = matches(found)
                report.count(slot: slot.rawValue, field: key, style: degraded, exact: exact)
                report.freeReadings["\(slot.rawValue).\(key)", default: EvaluationReport.Tally()].record(matches(document.fields[key].map { $0.read ?? $0.value }))
                if !exact {
                    report.misses.append(.init(application: name, slot: slot.rawValue, field: key, expected: value, found: found))
                }
            }
        }
        return report
    }
}

extension EvaluationReport {
    mutating func count(slot: String, field: String, style: String, exact: Bool) {
        fields["\(slot).\(field)", default: Tally()].record(exact)
        fieldsByStyle[style, default: Tally()].record(exact)
        fieldsPerStyle[style, default: [:]]["\(slot).\(field)", default: Tally()].record(exact)
    }

    /// Scores the decision and the reason codes against the truth.
    mutating func countDecision(_ verdict: Verdict, truth: GroundTruth, application: String) {
        let codes = Set(verdict.reasons.map(\.code))
        let right = verdict.decision == truth.expectedDecision && truth.expectedReasons.allSatisfy(codes.contains)
        decisions.record(right)
        decisionMatrix["\(truth.expectedDecision.rawValue) → \(verdict.decision.rawValue)", default: 0] += 1
        if truth.expectedDecision != .preApproved && verdict.decision == .preApproved {
            falseApprovals.append("\(application) (\(truth.defect?.rawValue ?? "?"))")
        }
        if truth.expectedDecision == .preApproved { automation.record(verdict.decision == .preApproved) }
        for code in truth.expectedReasons { reasonRecall.record(codes.contains(code)) }
        if !right {
            let reasons = verdict.reasons.map { [$0.code.rawValue, $0.document?.rawValue, $0.field].compactMap { $0 }.joined(separator: "/") }
            decisionMisses.append("\(application) [\(truth.style)\(truth.defect.map { ", " + $0.rawValue } ?? "")] expected \(truth.expectedDecision.rawValue), got \(verdict.decision.rawValue): \(reasons.joined(separator: ", "))")
        }
    }

    mutating func merge(_ other: EvaluationReport) {
        applications += other.applications
        decisions += other.decisions
        automation += other.automation
        reasonRecall += other.reasonRecall
        falseApprovals += other.falseApprovals
        decisionMisses += other.decisionMisses
        for (key, count) in other.decisionMatrix { decisionMatrix[key, default: 0] += count }
        documents += other.documents
        copyDetection += other.copyDetection
        classified += other.classified
        for (key, tally) in other.fields { fields[key, default: Tally()] += tally }
        for (key, tally) in other.freeReadings { freeReadings[key, default: Tally()] += tally }
        for (key, tally) in other.fieldsByStyle { fieldsByStyle[key, default: Tally()] += tally }
        for (style, tallies) in other.fieldsPerStyle {
            for (key, tally) in tallies { fieldsPerStyle[style, default: [:]][key, default: Tally()] += tally }
        }
        misses += other.misses
        classificationMisses += other.classificationMisses
        unreadable += other.unreadable
    }
}
