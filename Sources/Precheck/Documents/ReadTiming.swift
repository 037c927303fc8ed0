import Foundation

/// The stages of reading one document, in the order they run.
public enum ReadStage: String, Sendable, CaseIterable {
    /// Orientation, deskew, red-ink removal, binarisation, quality measures.
    case cleanup
    /// Finding the text lines and reading each one.
    case lines
    /// Fields from the labelled lines, codes re-read with their alphabet.
    case fields
    /// How well the image supports each value the form claims.
    case claims
    /// Seal detection, ring reading and render-and-compare, the dashed box.
    case seals
}

/// CPU time spent in each stage of one or more document reads, measured on
/// the reading thread (a read runs on one thread).
public struct ReadTiming: Sendable, Equatable {
    /// CPU seconds per stage.
    public private(set) var seconds: [ReadStage: Double] = [:]

    public init() {}

    /// The sum over all stages.
    public var total: Double { seconds.values.reduce(0, +) }

    /// Adds another read's times to these.
    public static func += (lhs: inout ReadTiming, rhs: ReadTiming) {
        for (stage, value) in rhs.seconds { lhs.seconds[stage, default: 0] += value }
    }

    /// Runs `body`, adding its CPU time to `stage`.
    mutating func measure<T>(_ stage: ReadStage, _ body: () throws -> T) rethrows -> T {
        let start = Self.threadCPUSeconds()
        defer { seconds[stage, default: 0] += Self.threadCPUSeconds() - start }
        return try body()
    }

    /// User and system CPU time of the calling thread, in seconds.
    public static func threadCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(1 /* RUSAGE_THREAD (Linux) */, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
}
