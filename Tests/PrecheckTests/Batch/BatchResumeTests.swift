import Foundation
import PrecheckNative
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `precheck batch` as a user runs it: killed halfway (SIGKILL, no chance
/// to clean up), then resumed.
///
/// The test is synchronous on purpose: it polls the results file with a
/// blocking sleep, so other tests' OCR on the shared task pool cannot delay
/// the kill until the run is over.
@Suite("Batch: kill and resume the precheck binary")
struct BatchResumeTests {
    @Test func aKilledRunResumesWithExactlyOneLinePerApplication() throws {
        let binary = try #require(PrecheckBinary.url, "build the precheck executable first (swift build --build-tests)")
        let root = try BatchFixtures.scratchFolder("resume")
        defer { try? FileManager.default.removeItem(at: root) }
        // Cheap applications (scans that do not decode: no OCR) around one
        // real sample, which keeps the run busy for a few seconds.
        let archive = root.appendingPathComponent("resume.zip")
        let writer = try ArchiveWriter(path: archive.path, format: .zip)
        let form = try BatchFixtures.form("APP-0001"), names = try BatchFixtures.documentNames("APP-0001"), truncated = try BatchFixtures.truncatedJPEG()
        func addCheap(_ folder: String) throws {
            try writer.addFile("\(folder)/application.json", bytes: form)
            for name in names { try writer.addFile("\(folder)/\(name)", bytes: truncated) }
        }
        try addCheap("cheap-1")
        try addCheap("cheap-2")
        try writer.addSample("APP-0015", as: "APP-0015")
        try addCheap("cheap-3")
        try writer.close()
        let results = root.appendingPathComponent("results.jsonl")
        let arguments = ["batch", archive.path, "--out", results.path, "--jobs", "1", "--temp-dir", root.path]

        // First run: killed as soon as its first line is in the file.
        let first = try PrecheckBinary.start(binary, arguments)
        let deadline = ContinuousClock.now + .seconds(300)
        while (try? Data(contentsOf: results))?.contains(10) != true {
            #expect(first.isRunning, "the run ended before it could be killed")
            guard first.isRunning, ContinuousClock.now < deadline else { break }
            usleep(10_000)
        }
        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()
        #expect(first.terminationReason == .uncaughtSignal)
        let beforeResume = try String(contentsOf: results, encoding: .utf8)
        let linesBefore = beforeResume.split(separator: "\n").count
        #expect(linesBefore >= 1 && linesBefore < 4, "\(linesBefore) lines before the kill")
        // As if the power had gone mid-write: a torn last line.
        let handle = try FileHandle(forWritingTo: results)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"source\":\"torn".utf8))
        try handle.close()

        // Second run: resumes.
        let second = try PrecheckBinary.start(binary, arguments + ["--resume"])
        second.waitUntilExit()
        #expect(second.terminationStatus == 0)
        let stderr = String(decoding: (try? (second.standardError as? Pipe)?.fileHandleForReading.readToEnd()) ?? Data(), as: UTF8.self)
        #expect(stderr.contains("removed a partial last line"), "\(stderr)")
        #expect(stderr.contains("\(linesBefore) skipped"), "\(stderr)")

        let after = try String(contentsOf: results, encoding: .utf8)
        #expect(after.hasPrefix(beforeResume), "lines written before the kill are kept as they were")
        let lines = try BatchOutput.lines(results)
        let expected = ["cheap-1", "cheap-2", "APP-0015", "cheap-3"].map { "\(archive.path)!/\($0)" }
        #expect(lines.keys.sorted() == expected.sorted())
        #expect(after.split(separator: "\n").count == 4)
        #expect(lines["\(archive.path)!/APP-0015"]?["decision"] as? String == "rejected")
        #expect(lines["\(archive.path)!/cheap-3"]?["decision"] as? String == "rejected")
        // kill -9 left no spill folder behind here (nothing needed one); the archive is untouched.
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == ["results.jsonl", "resume.zip"])

        // A third run finds everything done.
        let third = try PrecheckBinary.start(binary, arguments + ["--resume"])
        third.waitUntilExit()
        #expect(third.terminationStatus == 0)
        #expect(try String(contentsOf: results, encoding: .utf8) == after)
        // Without --resume an existing results file is refused (usage error).
        let refused = try PrecheckBinary.start(binary, arguments)
        refused.waitUntilExit()
        #expect(refused.terminationStatus == 64)
    }
}

/// The `precheck` executable built beside the tests.
enum PrecheckBinary {
    static var url: URL? {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("precheck"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("precheck"),
            Samples.directory.deletingLastPathComponent().appendingPathComponent(".build/debug/precheck"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    static func start(_ binary: URL, _ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["OMP_THREAD_LIMIT"] = "1"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = Pipe()
        try process.run()
        return process
    }
}
