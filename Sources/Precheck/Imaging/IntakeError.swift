import PrecheckNative

/// Why an uploaded file could not be turned into an image.
///
/// A struct around a private enum, so new cases can come without breaking
/// callers; match on ``code``.
public struct IntakeError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What kind of problem it is.
    public enum Code: String, Sendable, Codable {
        case empty, tooLarge, tooManyPixels, unsupportedFormat, corrupt, unreadableFile
    }

    public let code: Code
    /// What went wrong and what the uploader can do about it.
    public let message: String
    /// The native library's message, when one was involved.
    public let underlying: String?

    public var description: String {
        underlying.map { "\(message) (\($0))" } ?? message
    }

    static func empty() -> IntakeError {
        IntakeError(code: .empty, message: "the file is empty (0 bytes); upload the scan again", underlying: nil)
    }
    static func tooLarge(bytes: Int, limit: Int) -> IntakeError {
        IntakeError(code: .tooLarge, message: "the file is \(bytes / 1_000_000) MB, over the \(limit / 1_000_000) MB limit; upload a smaller scan (150-300 dpi is enough)", underlying: nil)
    }
    static func tooManyPixels(width: Int, height: Int, limit: Int) -> IntakeError {
        IntakeError(code: .tooManyPixels, message: "the image is \(width)×\(height) pixels, over the limit of \(limit / 1_000_000) megapixels; scan at a lower resolution", underlying: nil)
    }
    static func unsupported() -> IntakeError {
        IntakeError(code: .unsupportedFormat, message: "the file is not a JPEG, PNG, TIFF, WebP, BMP or PDF image; upload one of those", underlying: nil)
    }
    static func corrupt(_ format: ImageFileFormat, _ error: Error) -> IntakeError {
        IntakeError(code: .corrupt, message: "the \(format.rawValue.uppercased()) file is damaged or truncated; upload it again", underlying: "\(error)")
    }
    static func unreadableFile(_ path: String, _ reason: String) -> IntakeError {
        IntakeError(code: .unreadableFile, message: "cannot read \(path): \(reason)", underlying: nil)
    }
}
