/// Why a batch run could not start or go on (as opposed to one application
/// that could not be processed, which is a ``BatchProblem`` on its line).
public struct BatchError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// The results file exists and `--resume` was not given.
        case outputExists
        /// A path given does not exist.
        case inputMissing
        /// An output file cannot be written.
        case cannotWrite
        /// The OCR engine cannot be started.
        case engineUnavailable
    }

    public let code: Code
    /// What went wrong and what to do.
    public let message: String

    /// The process exit code the CLI uses (sysexits: 64 usage, 70 internal, 73 cannot create).
    public var exitCode: Int32 {
        switch code {
        case .outputExists, .inputMissing: 64
        case .cannotWrite: 73
        case .engineUnavailable: 70
        }
    }

    public var description: String { message }

    static func outputExists(_ path: String) -> BatchError {
        BatchError(code: .outputExists, message: "\(path) already exists: pass --resume to continue it (applications already in it are skipped), or remove it to start over")
    }
    static func inputMissing(_ path: String) -> BatchError {
        BatchError(code: .inputMissing, message: "\(path) does not exist; give application folders, folders of them, or .zip / .tar / .tar.gz archives")
    }
    static func cannotWrite(_ path: String, _ reason: String) -> BatchError {
        BatchError(code: .cannotWrite, message: "cannot write \(path): \(reason)")
    }
    static func engineUnavailable(_ reason: String) -> BatchError {
        BatchError(code: .engineUnavailable, message: "cannot start the OCR engine: \(reason); install tesseract-ocr-chi-sim (scripts/install-deps.sh)")
    }
}
