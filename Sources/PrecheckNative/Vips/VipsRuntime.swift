import CVips
import Foundation

/// Starts libvips once per process, with the settings Precheck relies on.
///
/// - Untrusted loaders (ImageMagick, FITS, Matlab, …) are blocked; PDF is
///   re-allowed because applicants upload PDFs.
/// - The operation cache is off: every input is decoded once, and a cache
///   would only hold on to memory across applications.
enum VipsRuntime {
    private static let started: Bool = {
        guard cvips_init("precheck") == 0 else { return false }
        cvips_block_untrusted_loaders()
        cvips_silence_warnings()
        vips_cache_set_max(0)
        vips_cache_set_max_mem(0)
        // Parallelism comes from running documents concurrently, not from
        // libvips' own thread pool.
        vips_concurrency_set(1)
        return true
    }()

    static func ensureStarted() throws {
        guard started else {
            throw NativeError(library: .vips, operation: "init", message: takeErrorMessage())
        }
    }

    /// Reads and clears libvips' error buffer.
    ///
    /// The buffer is per process: call this right after the failing call so
    /// the message stays with the failure that produced it. Under heavy
    /// concurrency two failures can still interleave their messages; the
    /// status code, not the text, decides that a call failed.
    static func takeErrorMessage() -> String {
        guard let cString = vips_error_buffer() else { return "" }
        let message = String(cString: cString).trimmingCharacters(in: .whitespacesAndNewlines)
        vips_error_clear()
        return message
    }

    /// Turns a libvips status into a Swift error, keeping libvips' message.
    static func check(_ status: Int32, _ operation: String) throws {
        if status != 0 {
            throw NativeError(library: .vips, operation: operation, message: takeErrorMessage())
        }
    }
}
