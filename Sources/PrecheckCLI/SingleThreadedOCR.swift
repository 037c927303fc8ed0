import Foundation

/// Makes sure Tesseract's OpenMP runs one thread per process.
///
/// OpenMP reads `OMP_THREAD_LIMIT` when the library loads, before `main`
/// runs, so setting it from Swift is too late. If it is missing, the
/// process re-executes itself with it set. Measured here: a 150 dpi page
/// takes ~1.5 s with OpenMP's threads and ~0.25 s with one.
enum SingleThreadedOCR {
    static func ensure() {
        guard ProcessInfo.processInfo.environment["OMP_THREAD_LIMIT"] == nil else { return }
        setenv("OMP_THREAD_LIMIT", "1", 1)
        let arguments = CommandLine.arguments
        var cArguments = arguments.map { strdup($0) } + [nil]
        execv("/proc/self/exe", &cArguments)
        // execv only returns on failure: carry on, slower but correct.
        for pointer in cArguments { free(pointer) }
    }
}
