import Foundation
import Precheck

/// Runs the pipeline over generated applications and compares with `truth.json`.
///
/// Today it scores what exists: each document's classification and fields.
/// Documents whose truth says they cannot be read (missing, truncated,
/// swapped) carry no field truth and are not scored.
public struct Evaluator: Sendable {
    public var reader = DocumentReader()
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
        let pool = OCREnginePool(capacity: jobs) { try TesseractEngine() }
        let start = Date()
        var report = EvaluationReport()
        try await withThrowingTaskGroup(of: EvaluationReport.self) { group in
            var next = 0
            func add() {
                let folder = folders[next]
                next += 1
                group.addTask { try await self.evaluate(folder, pool: pool) }
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

    func evaluate(_ folder: URL, pool: OCREnginePool) async throws -> EvaluationReport {
        var report = EvaluationReport()
        report.applications = 1
        let truth = try JSONDecoder().decode(GroundTruth.self, from: Data(contentsOf: folder.appendingPathComponent("truth.json")))
        let name = folder.lastPathComponent
        let degraded = truth.style == "clean" ? "clean" : "degraded"
        for slot in DocumentSlot.allCases {
            guard let expected = truth.fields[slot.rawValue], let presentation = truth.presentation[slot.rawValue] else { continue }
            report.documents += 1
            let url = folder.appendingPathComponent(presentation.file)
            let reading: DocumentReading
            do {
                reading = try await pool.withEngine { try reader.read(contentsOf: url, engine: $0) }
            } catch {
                report.unreadable.append("\(name)/\(slot.rawValue): \(error)")
                for key in expected.keys { report.count(slot: slot.rawValue, field: key, style: degraded, exact: false) }
                continue
            }
            // Only licences and ID cards have colour originals; a letter is printed black.
            if slot != .authorizationLetter {
                report.copyDetection.total += 1
                if reading.isBlackAndWhiteCopy == presentation.blackAndWhiteCopy { report.copyDetection.exact += 1 } else {
                    report.classificationMisses.append("\(name)/\(slot.rawValue) copy flag \(reading.isBlackAndWhiteCopy) (tinted \(String(format: "%.4f", reading.quality.nonRedTintedFraction)))")
                }
            }
            let fits = reading.detectedType.slot == slot
            report.classified.total += 1
            if fits { report.classified.exact += 1 } else {
                report.classificationMisses.append("\(name)/\(slot.rawValue) read as \(reading.detectedType.rawValue)")
            }
            for (key, value) in expected.sorted(by: { $0.key < $1.key }) {
                let found = reading.fields[key]?.value
                let exact = found.map { TextNormalization.normalized($0) == TextNormalization.normalized(value) } ?? false
                report.count(slot: slot.rawValue, field: key, style: degraded, exact: exact)
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
        fields["\(slot).\(field)", default: Tally()].total += 1
        fieldsByStyle[style, default: Tally()].total += 1
        if exact {
            fields["\(slot).\(field)"]!.exact += 1
            fieldsByStyle[style]!.exact += 1
        }
    }

    mutating func merge(_ other: EvaluationReport) {
        applications += other.applications
        documents += other.documents
        copyDetection.exact += other.copyDetection.exact
        copyDetection.total += other.copyDetection.total
        classified.exact += other.classified.exact
        classified.total += other.classified.total
        for (key, tally) in other.fields {
            fields[key, default: Tally()].exact += tally.exact
            fields[key, default: Tally()].total += tally.total
        }
        for (key, tally) in other.fieldsByStyle {
            fieldsByStyle[key, default: Tally()].exact += tally.exact
            fieldsByStyle[key, default: Tally()].total += tally.total
        }
        misses += other.misses
        classificationMisses += other.classificationMisses
        unreadable += other.unreadable
    }
}
