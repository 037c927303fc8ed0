import ArgumentParser
import Foundation
import PrecheckCorpus

/// `precheck samples …`: the synthetic corpus.
struct SamplesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "samples",
        abstract: "Generate synthetic applications with ground truth.",
        subcommands: [GenerateSamplesCommand.self])
}

/// `precheck samples generate --out DIR --count N --seed S`
struct GenerateSamplesCommand: AsyncCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Render applications (application.json, four scans, truth.json) into DIR.")

    @Option(help: "Folder to write the applications into.")
    var out: String

    @Option(help: "How many applications (ignored with --showcase).")
    var count: Int = 20

    @Option(help: "Corpus seed: the same seed gives byte-identical files.")
    var seed: UInt64 = 1

    @Option(help: "Share of applications with one injected defect.")
    var defectRate: Double = 0.5

    @Flag(help: "The committed sample set: one clean application per scan style and one per reason code.")
    var showcase = false

    @Option(help: "Highest JPEG quality (lower makes smaller files).")
    var maxJpegQuality: Int = 88

    func validate() throws {
        guard count > 0 else { throw ValidationError("--count must be at least 1") }
        guard (0...1).contains(defectRate) else { throw ValidationError("--defect-rate must be between 0 and 1") }
    }

    func execute() async throws {
        let plan = showcase ? CorpusPlan.showcase : CorpusPlan.mixed(count: count, defectRate: defectRate, seed: seed)
        var configured = ApplicationGenerator()
        configured.maxJPEGQuality = maxJpegQuality
        let generator = configured
        let seed = self.seed
        let directory = URL(fileURLWithPath: out, isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let total = plan.entries.count
        // Applications are independent: render two at a time.
        let applications = try await withThrowingTaskGroup(of: GeneratedApplication.self) { group in
            var next = 0
            func add() {
                let index = next
                next += 1
                let entry = plan.entries[index]
                group.addTask {
                    let application = try generator.generate(index: index + 1, seed: seed, defect: entry.defect, style: entry.style)
                    try application.write(into: directory)
                    return application.withoutScans()
                }
            }
            for _ in 0..<min(2, total) { add() }
            var done: [GeneratedApplication] = []
            while let application = try await group.next() {
                done.append(application)
                if done.count % 10 == 0 || done.count == total { FileHandle.standardError.write(Data("generated \(done.count)/\(total)\n".utf8)) }
                if next < total { add() }
            }
            return done
        }
        if showcase {
            try Data(SampleCatalogue.markdown(applications, seed: seed).utf8).write(to: directory.appendingPathComponent("README.md"))
            // Previews of the first clean application, regenerated with its scans.
            let first = try generator.generate(index: 1, seed: seed, defect: plan.entries[0].defect, style: plan.entries[0].style)
            let folder = directory.appendingPathComponent("previews", isDirectory: true)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (name, bytes) in try SampleCatalogue.previews(of: first) {
                try Data(bytes).write(to: folder.appendingPathComponent(name))
            }
        }
    }
}
