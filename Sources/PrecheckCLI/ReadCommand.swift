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
        let reading = try DocumentReader().read(try InputFile.decode(file), engine: try TesseractEngine())
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(reading), as: UTF8.self))
    }
}
