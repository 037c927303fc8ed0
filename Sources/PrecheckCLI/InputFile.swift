import ArgumentParser
import Foundation
import Precheck

/// Reading a user-named scan, with the contract's exit code for bad input.
enum InputFile {
    /// Decodes `path`, or reports why not on stderr and exits with 66.
    static func decode(_ path: String, intake: ImageIntake = ImageIntake()) throws -> DecodedImage {
        do {
            return try intake.decode(contentsOf: URL(fileURLWithPath: path))
        } catch let error as IntakeError {
            FileHandle.standardError.write(Data("precheck: \(path): \(error)\n".utf8))
            throw ExitCode(66)
        }
    }
}
