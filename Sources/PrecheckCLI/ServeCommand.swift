import ArgumentParser
import Foundation
import Hummingbird
import Logging
import Precheck
import PrecheckServer

/// `precheck serve`: the reviewer service (HTTP API and review page).
struct ServeCommand: AsyncCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the reviewer service: HTTP API, review page, verdicts and decisions kept in SQLite.",
        discussion: """
        The API is described at /openapi.yaml; the review page is at /.
        Authentication: the token comes from --token-file or the environment variable
        PRECHECK_TOKEN; every request must then send 'Authorization: Bearer <token>'
        (the review page asks for it once). Without a token the server listens on
        loopback only.
        """)

    @Option(help: "Address to listen on (default: 127.0.0.1; without a token, loopback addresses only).")
    var host: String?

    @Option(help: "Port to listen on.")
    var port: Int = 8080

    @Option(help: "Data directory: holds precheck.sqlite (verdicts, scans, reviewer decisions).")
    var data: String = "precheck-data"

    @Option(help: "A file whose first line is the bearer token (else PRECHECK_TOKEN from the environment).")
    var tokenFile: String?

    @Option(help: "Checks that run at the same time (one OCR engine, ~100 MB, each).")
    var jobs: Int = 2

    @Option(help: "Uploads that may wait for a free job; more get 503 with Retry-After.")
    var queue: Int = 4

    @Option(help: "Delete scans (personal data) after this many days; verdicts and the audit trail stay. 0 keeps them.")
    var retentionDays: Int = 30

    @Option(help: "Largest upload accepted (the whole multipart body), in MB.")
    var maxUploadMb: Int = 50

    @Option(help: "A JSON file of thresholds overriding the defaults (see models/check-policy.json).")
    var policy: String?

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be 1-65535") }
        guard (1...64).contains(jobs) else { throw ValidationError("--jobs must be 1-64") }
        guard (0...1000).contains(queue) else { throw ValidationError("--queue must be 0-1000") }
        guard retentionDays >= 0 else { throw ValidationError("--retention-days must be 0 (keep scans) or more") }
        guard (1...2048).contains(maxUploadMb) else { throw ValidationError("--max-upload-mb must be 1-2048") }
    }

    func execute() async throws {
        var logger = Logger(label: "precheck.serve")
        logger.logLevel = .info
        let token: String?
        do {
            token = try ServerConfiguration.token(tokenFile: tokenFile)
        } catch {
            Diagnostics.fail(error.message, code: 64)
        }
        let configuration = ServerConfiguration(
            host: host ?? "127.0.0.1", port: port, dataDirectory: URL(fileURLWithPath: data, isDirectory: true), token: token,
            jobs: jobs, queueLimit: queue, retentionDays: retentionDays == 0 ? nil : retentionDays,
            maxUploadBytes: maxUploadMb * 1024 * 1024)
        let checker: Checker
        do {
            let thresholds = try policy.map { try CheckPolicy.load(from: URL(fileURLWithPath: $0)) } ?? .default
            checker = try Checker(policy: thresholds, concurrency: jobs)
        } catch let error as PolicyError {
            Diagnostics.fail("\(error)", code: 64)
        } catch {
            Diagnostics.fail("cannot start the OCR engine: \(error)", code: 70)
        }
        let server: ReviewServer
        do {
            server = try ReviewServer(configuration: configuration, checker: checker, logger: logger)
        } catch {
            Diagnostics.fail(error.message, code: 73)
        }
        if token == nil {
            if configuration.effectiveHost != configuration.host {
                logger.warning("--host \(configuration.host) ignored: without a token the server listens on loopback only; set PRECHECK_TOKEN or --token-file")
            }
            logger.notice("no token (PRECHECK_TOKEN or --token-file): listening on loopback only, without authentication")
        }
        logger.notice("""
            review page http://\(configuration.effectiveHost):\(port)/ · data \(configuration.dataDirectory.path) · \
            jobs \(jobs), queue \(queue) · scans kept \(retentionDays == 0 ? "for ever" : "\(retentionDays) days") · uploads ≤ \(maxUploadMb) MB
            """)
        try await server.application().runService()
    }
}
