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

    @Option(name: .customLong("claim"), help: "KEY=VALUE: a value the form claims for a field; its support is reported.")
    var claims: [String] = []

    @Option(name: .customLong("seal"), help: "KIND=NAME: the name a seal should carry (company or registrationAuthority).")
    var seals: [String] = []

    func execute() async throws {
        let claimed = try Self.pairs(claims, usage: "--claim takes KEY=VALUE, e.g. --claim name=王明") { $0 }
        let sealNames = try Self.pairs(seals, usage: "--seal takes KIND=NAME with KIND company or registrationAuthority, "
                                       + "e.g. --seal company=杭州云溪物业管理有限公司", key: SealKind.init(rawValue:))
        let reading = try DocumentReader().read(try InputFile.decode(file), engine: try TesseractEngine(), claims: claimed,
                                                sealNames: sealNames)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(reading), as: UTF8.self))
    }

    /// `KEY=VALUE` options as a dictionary; `key` turns a key into its type
    /// (`nil` refuses it).
    static func pairs<Key: Hashable>(_ options: [String], usage: String, key: (String) -> Key?) throws -> [Key: String] {
        var result: [Key: String] = [:]
        for option in options {
            let parts = option.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let parsed = key(parts[0]) else { throw ValidationError(usage) }
            result[parsed] = parts[1]
        }
        return result
    }
}
