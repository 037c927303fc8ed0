import Foundation

/// How `precheck serve` runs: where it listens, where it keeps its data,
/// who may use it and how much work it takes on at once.
public struct ServerConfiguration: Sendable {
    /// The address to listen on. Without a ``token`` only loopback
    /// addresses are allowed (see ``effectiveHost``).
    public var host: String
    public var port: Int
    /// Holds `precheck.sqlite` (verdicts, scans, reviewer decisions).
    public var dataDirectory: URL
    /// The bearer token every request must carry; `nil`: no authentication,
    /// and the server listens on loopback only.
    public var token: String?
    /// Checks that run at the same time (one OCR thread each).
    public var jobs: Int
    /// Uploads that may wait for a free job; more get 503 with Retry-After.
    public var queueLimit: Int
    /// Scans older than this many days are deleted (verdicts and the audit
    /// trail stay); `nil` keeps scans for ever.
    public var retentionDays: Int?
    /// The largest request body accepted, in bytes (the whole multipart upload).
    public var maxUploadBytes: Int
    /// How many recent applications the review page lists.
    public var recentListLength: Int

    public init(host: String = "127.0.0.1", port: Int = 8080, dataDirectory: URL = URL(fileURLWithPath: "precheck-data"),
                token: String? = nil, jobs: Int = 2, queueLimit: Int = 4, retentionDays: Int? = 30,
                maxUploadBytes: Int = 50 * 1024 * 1024, recentListLength: Int = 30) {
        self.host = host
        self.port = port
        self.dataDirectory = dataDirectory
        self.token = token
        self.jobs = max(1, jobs)
        self.queueLimit = max(0, queueLimit)
        self.retentionDays = retentionDays
        self.maxUploadBytes = max(1024, maxUploadBytes)
        self.recentListLength = max(1, recentListLength)
    }

    /// The address actually bound: ``host``, unless there is no token and
    /// ``host`` is not a loopback address, in which case `127.0.0.1`.
    public var effectiveHost: String {
        token == nil && !Self.isLoopback(host) ? "127.0.0.1" : host
    }

    /// `127.0.0.0/8`, `::1` and `localhost`.
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }

    /// The token from `tokenFile` (first line, trimmed) or else from the
    /// environment variable `PRECHECK_TOKEN`; `nil` when neither gives one.
    /// - Throws: ``ServerSetupError`` when the file cannot be read or is empty.
    public static func token(tokenFile: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(ServerSetupError) -> String?
    {
        if let tokenFile {
            guard let data = FileManager.default.contents(atPath: tokenFile), let text = String(data: data, encoding: .utf8) else {
                throw ServerSetupError("cannot read the token file \(tokenFile); check the path and its permissions")
            }
            let token = text.split(whereSeparator: \.isNewline).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            guard !token.isEmpty else { throw ServerSetupError("the token file \(tokenFile) is empty; write the token on its first line") }
            return token
        }
        let token = environment["PRECHECK_TOKEN"]?.trimmingCharacters(in: .whitespacesAndNewlines)
        return token?.isEmpty == false ? token : nil
    }
}

/// Why the service cannot start; the message says what to change.
public struct ServerSetupError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
