/// A failure inside one of the native libraries, with the library's own message.
///
/// Thrown only by `PrecheckNative`; the stages above wrap it in their own
/// errors (for example ``ImageIntakeError``) when they can say more.
public struct NativeError: Error, CustomStringConvertible, Sendable, Equatable {
    /// Which native library failed.
    public enum Library: String, Sendable {
        case vips, leptonica, tesseract
    }

    public let library: Library
    /// The call that failed, e.g. `jpegload_buffer`.
    public let operation: String
    /// The library's message (libvips' error buffer), or ours when it has none.
    public let message: String

    public init(library: Library, operation: String, message: String) {
        self.library = library
        self.operation = operation
        self.message = message
    }

    public var description: String {
        let detail = message.isEmpty ? "no message" : message
        return "\(library.rawValue) \(operation) failed: \(detail)"
    }
}
