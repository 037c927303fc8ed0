import Foundation
import Precheck
@testable import PrecheckBatch
import PrecheckNative
import Testing

/// Reading archives into batch items, without OCR: which entries become
/// applications, which get error lines, and that memory stays bounded.
@Suite("Batch: archive intake")
struct BatchArchiveIntakeTests {
    /// Every item of the inputs, with the buffer used.
    static func items(_ paths: [String], limits: ArchiveLimits = ArchiveLimits(), budget: BufferBudget = BufferBudget(),
                      spillIn folder: URL) -> (items: [BatchItem], buffer: FileBuffer) {
        let buffer = FileBuffer(budget: budget, spillFolder: FileBuffer.spillFolder(in: folder))
        let inputs = BatchInputs(paths: paths, limits: limits, buffer: buffer)
        var items: [BatchItem] = []
        while let item = inputs.next() { items.append(item) }
        return (items, buffer)
    }

    static func errorCodes(_ items: [BatchItem]) -> [String: String] {
        var codes: [String: String] = [:]
        for case .failure(let source, let problem, _, _) in items { codes[source] = problem.code.rawValue }
        return codes
    }

    @Test func hostileZipGivesAnErrorLineForEveryBadEntryAndTheApplicationsForTheGoodOnes() throws {
        let folder = try BatchFixtures.scratchFolder("intake")
        defer { try? FileManager.default.removeItem(at: folder) }
        let hostile = try BatchFixtures.hostileArchive(in: folder)
        let source = hostile.archive.path
        let (items, buffer) = Self.items([source], spillIn: folder)
        defer { buffer.removeSpillFolder() }

        #expect(Self.errorCodes(items) == [
            "\(source)!/../evil": "UNSAFE_PATH",
            "\(source)!/../<script>alert(1)</script>": "UNSAFE_PATH",
            "\(source)!/\(hostile.absoluteEntry)": "UNSAFE_PATH",
            "\(source)!/link": "LINK_NOT_FOLLOWED",
            "\(source)!/bomb": "COMPRESSION_RATIO",
            "\(source)!/badform": "FORM_MALFORMED",
            "\(source)!/nested/inner.zip": "NESTED_ARCHIVE",
        ])
        var applications: [String: CollectedApplication] = [:]
        for case .application(let application) in items { applications[application.source] = application }
        #expect(applications.keys.sorted() == ["good/APP-0001", "good/APP-0015", "huge", "trunc"].map { "\(source)!/\($0)" })

        // The good ones carry the sample's form and its four scans, byte for byte.
        let good = try #require(applications["\(source)!/good/APP-0015"])
        #expect(good.form.applicationId == (try BatchFixtures.truthId("APP-0015")))
        #expect(good.documents.count == 4)
        for (slot, file) in good.documents {
            let original = try BatchFixtures.bytes(Samples.directory.appendingPathComponent("APP-0015/\(file.name)"))
            #expect(try file.bytes() == original, "\(slot)")
        }
        // Nothing was extracted anywhere: the absolute entry's path does not exist.
        #expect(!FileManager.default.fileExists(atPath: hostile.absoluteEntry))
        #expect(!FileManager.default.fileExists(atPath: folder.deletingLastPathComponent().appendingPathComponent("evil").path))
        #expect(buffer.memoryInUse == 0, "every waiting file was handed out or dropped")
    }

    @Test func aBombInACompressedTarStopsThatArchiveWithAnErrorLine() throws {
        let folder = try BatchFixtures.scratchFolder("intake-tgz")
        defer { try? FileManager.default.removeItem(at: folder) }
        let hostile = try BatchFixtures.hostileArchive(in: folder, format: .tarGzip, withSecondGood: false)
        let source = hostile.archive.path
        let (items, buffer) = Self.items([source], spillIn: folder)
        defer { buffer.removeSpillFolder() }
        let codes = Self.errorCodes(items)
        // Skipping the rest of a bomb in a gzip stream means inflating it:
        // the archive stops, with a line for it and for each application left open.
        #expect(codes[source] == "COMPRESSION_RATIO")
        #expect(codes["\(source)!/bomb"] == "INCOMPLETE")
        #expect(codes["\(source)!/link"] == "LINK_NOT_FOLLOWED")
        #expect(codes["\(source)!/hard"] == "LINK_NOT_FOLLOWED")
        #expect(codes["\(source)!/../evil"] == "UNSAFE_PATH")
        // Entries after the bomb are not read; the good application before it is complete.
        #expect(codes["\(source)!/badform"] == nil)
        let sources = items.compactMap { item -> String? in if case .application(let a) = item { a.source } else { nil } }
        #expect(sources == ["\(source)!/good/APP-0015"])
    }

    @Test func filesWaitingForTheirApplicationSpillToAPrivateFolderThatIsRemoved() throws {
        let folder = try BatchFixtures.scratchFolder("spill")
        defer { try? FileManager.default.removeItem(at: folder) }
        let archive = folder.appendingPathComponent("formLast.tar")
        let writer = try ArchiveWriter(path: archive.path, format: .tar)
        let names = try BatchFixtures.documentNames("APP-0015")
        for name in names {
            try writer.addFile("A/\(name)", bytes: try BatchFixtures.bytes(Samples.directory.appendingPathComponent("APP-0015/\(name)")))
        }
        try writer.addFile("A/application.json", bytes: try BatchFixtures.form("APP-0015"))
        try writer.close()

        var budget = BufferBudget()
        budget.memoryBytes = 0
        let temporary = folder.appendingPathComponent("tmp", isDirectory: true)
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        let (items, buffer) = Self.items([archive.path], budget: budget, spillIn: temporary)
        guard case .application(let application)? = items.first, items.count == 1 else {
            Issue.record("expected one application, got \(items.map(\.source))")
            return
        }
        let spilled = application.documents.values.compactMap { file -> URL? in
            if case .spilled(let url) = file.storage { url } else { nil }
        }
        #expect(spilled.count == 4)
        let spillFolder = try #require(spilled.first?.deletingLastPathComponent())
        #expect(spillFolder.deletingLastPathComponent().standardizedFileURL == temporary.standardizedFileURL)
        let permissions = try FileManager.default.attributesOfItem(atPath: spillFolder.path)[.posixPermissions] as? Int
        #expect(permissions == 0o700)
        #expect(try application.documents[.businessLicense]?.bytes() == BatchFixtures.bytes(Samples.directory.appendingPathComponent("APP-0015/\(names[0])")))
        application.discard()
        buffer.removeSpillFolder()
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path).isEmpty)
    }

    @Test func memoryStaysBoundedOverAThousandApplications() throws {
        let folder = try BatchFixtures.scratchFolder("streaming")
        defer { try? FileManager.default.removeItem(at: folder) }
        let archive = folder.appendingPathComponent("many.zip")
        let writer = try ArchiveWriter(path: archive.path, format: .zip)
        let form = try BatchFixtures.form("APP-0015"), names = try BatchFixtures.documentNames("APP-0015")
        var random = SystemRandomNumberGenerator()
        let scan = (0..<40_000).map { _ in UInt8.random(in: 0...255, using: &random) }  // incompressible, 40 KB
        for index in 0..<1000 {
            // Half the folders give their form last: their files must wait.
            if index % 2 == 0 { try writer.addFile("batch/\(index)/application.json", bytes: form) }
            for name in names { try writer.addFile("batch/\(index)/\(name)", bytes: scan) }
            if index % 2 == 1 { try writer.addFile("batch/\(index)/application.json", bytes: form) }
        }
        try writer.close()

        let buffer = FileBuffer(budget: BufferBudget(), spillFolder: FileBuffer.spillFolder(in: folder))
        let inputs = BatchInputs(paths: [archive.path], limits: ArchiveLimits(), buffer: buffer)
        var count = 0, mostWaiting = 0
        while let item = inputs.next() {
            guard case .application(let application) = item else {
                Issue.record("unexpected error line \(item.source)")
                continue
            }
            #expect(application.documents.count == 4)
            count += 1
            mostWaiting = max(mostWaiting, buffer.memoryInUse)
        }
        #expect(count == 1000)
        // 160 MB of scans went through; at most one application's waited at once.
        #expect(mostWaiting <= 4 * scan.count)
        #expect(buffer.memoryInUse == 0)
    }

    @Test func namesStoredInGBKAreReadAsChinese() throws {
        let folder = try BatchFixtures.scratchFolder("gbk")
        defer { try? FileManager.default.removeItem(at: folder) }
        let archive = folder.appendingPathComponent("gbk.zip")
        let writer = try ArchiveWriter(path: archive.path, format: .zip)
        let gbkFolder: [UInt8] = [0xC9, 0xEA, 0xC7, 0xEB, 0xD2, 0xBB]  // 申请一
        try writer.addFile(rawName: gbkFolder + Array("/application.json".utf8), bytes: try BatchFixtures.form("APP-0015"))
        try writer.addFile(rawName: [0x41, 0xFF, 0x42] + Array("/application.json".utf8), bytes: Array("{}".utf8))
        try writer.close()
        let (items, buffer) = Self.items([archive.path], spillIn: folder)
        defer { buffer.removeSpillFolder() }
        #expect(items.map(\.source).sorted() == ["\(archive.path)!/A%FFB", "\(archive.path)!/申请一"])
    }

    @Test func contentHashFollowsTheFilesThatMakeTheApplication() throws {
        let folder = try BatchFixtures.scratchFolder("hash")
        defer { try? FileManager.default.removeItem(at: folder) }
        func hash(_ build: (ArchiveWriter) throws -> Void) throws -> String? {
            let archive = folder.appendingPathComponent("\(UUID().uuidString).zip")
            let writer = try ArchiveWriter(path: archive.path, format: .zip)
            try build(writer)
            try writer.close()
            let (items, buffer) = Self.items([archive.path], spillIn: folder)
            buffer.removeSpillFolder()
            return items.first?.contentHash
        }
        let plain = try hash { try $0.addSample("APP-0015", as: "A") }
        let withReadme = try hash { writer in
            try writer.addSample("APP-0015", as: "A")
            try writer.addFile("A/README.txt", bytes: Array("notes".utf8))
        }
        let changedScan = try hash { writer in
            try writer.addFile("A/application.json", bytes: try BatchFixtures.form("APP-0015"))
            let names = try BatchFixtures.documentNames("APP-0015")
            for name in names {
                var bytes = try BatchFixtures.bytes(Samples.directory.appendingPathComponent("APP-0015/\(name)"))
                if name == names[1] { bytes[bytes.count / 2] ^= 0xFF }
                try writer.addFile("A/\(name)", bytes: bytes)
            }
        }
        #expect(plain != nil && plain?.count == 64)
        #expect(plain == withReadme)
        #expect(plain != changedScan)
    }
}

extension BatchFixtures {
    static func truthId(_ application: String) throws -> String {
        try Samples.truth(application).applicationId
    }
}
