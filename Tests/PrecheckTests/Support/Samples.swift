import Foundation
import PrecheckCorpus

/// The committed sample set (`samples/`) and its ground truth.
enum Samples {
    static let directory: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" && !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url.deleteLastPathComponent()
        }
        return url.appendingPathComponent("samples", isDirectory: true)
    }()

    static func truth(_ application: String) throws -> GroundTruth {
        try JSONDecoder().decode(GroundTruth.self, from: Data(contentsOf: directory.appendingPathComponent("\(application)/truth.json")))
    }

    /// The file of `slot` in `application`.
    static func file(_ application: String, _ slot: String) throws -> URL {
        let truth = try truth(application)
        return directory.appendingPathComponent("\(application)/\(truth.presentation[slot]!.file)")
    }
}
