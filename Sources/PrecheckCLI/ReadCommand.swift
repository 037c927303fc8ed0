import ArgumentParser
import Foundation
import Precheck

/// `precheck read FILE`: classify one scan and print its fields as JSON.
struct ReadCommand: AsyncCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Classify one scan and print what was read from it (JSON).")

    @Argument(help: "An image or PDF file.")
    var file: String

    func execute() async throws {
        let reading: DocumentReading
        do {
            reading = try DocumentReader().read(contentsOf: URL(fileURLWithPath: file), engine: try TesseractEngine())
        } catch let error as IntakeError {
            FileHandle.standardError.write(Data("precheck: \(file): \(error)\n".utf8))
            throw ExitCode(66)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(reading), as: UTF8.self))
    }
}
