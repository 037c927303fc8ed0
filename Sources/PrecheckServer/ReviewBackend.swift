import Foundation
import Hummingbird
import Logging
import NIOCore
import Precheck

/// What every route works with: the checker, the store, the limits on
/// concurrent work and the metrics. One per running server.
struct ReviewBackend: Sendable {
    let configuration: ServerConfiguration
    let checker: Checker
    let store: ReviewStore
    let metrics: ServiceMetrics
    /// Checks: `jobs` running, `queueLimit` waiting.
    let checks: CheckAdmission
    /// Annotated images (decode, draw, encode): bounded the same way.
    let annotations: CheckAdmission
    /// The threads all OCR and drawing runs on.
    let workers: CheckThreadPool
    /// Scans drawn for reviewers are shrunk to this long side.
    static let annotatedLongSide = 1400

    init(configuration: ServerConfiguration, checker: Checker, store: ReviewStore) {
        self.configuration = configuration
        self.checker = checker
        self.store = store
        self.metrics = ServiceMetrics()
        self.checks = CheckAdmission(maxRunning: configuration.jobs, maxWaiting: configuration.queueLimit)
        self.annotations = CheckAdmission(maxRunning: configuration.jobs, maxWaiting: 4 * configuration.jobs + 8)
        self.workers = CheckThreadPool(threadCount: configuration.jobs)
    }

    /// A checked and stored upload.
    struct Submission: Sendable {
        var id: String
        var verdict: Verdict
        /// The contract's verdict JSON, as stored and answered.
        var verdictJSON: Data
    }

    /// Reads an upload (multipart, or a zip of the application folder),
    /// checks it and stores verdict and scans.
    ///
    /// Cheap refusals come before the body is read: a declared length over
    /// the limit (413), a body that is neither multipart nor an archive
    /// (415), no free place (503). Then the body is read up to the limit,
    /// parsed, and the check waits for a free job.
    /// - Throws: ``APIError`` for every bad request.
    func submit(_ request: Request, context: some RequestContext) async throws -> Submission {
        let limit = configuration.maxUploadBytes
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit {
            throw APIError.uploadTooLarge(limit: limit)
        }
        let format = try UploadFormat(contentType: request.headers[.contentType])
        let ticket: CheckAdmission.Ticket
        do {
            ticket = try checks.admit()
        } catch {
            metrics.recordRefusedCheck()
            throw error
        }
        defer {
            checks.leave(ticket)
            publishQueue()
        }
        let clock = ContinuousClock()
        var started = clock.now
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw APIError.uploadTooLarge(limit: limit)
        }
        let upload = try await applicationUpload(from: body, format: format)
        metrics.recordStage("upload", duration: clock.now - started)

        started = clock.now
        publishQueue()
        await checks.waitForTurn(ticket)
        publishQueue()
        metrics.recordStage("queue", duration: clock.now - started)

        started = clock.now
        let application = upload.application
        let checker = self.checker
        let verdict = await workers.run { await checker.check(application) }
        let checkDuration = clock.now - started
        metrics.recordStage("check", duration: checkDuration)
        checks.recordCheck(seconds: Double(checkDuration.milliseconds) / 1000)
        for slot in DocumentSlot.allCases {
            if let milliseconds = verdict.timingsMs[slot.rawValue] { metrics.recordStage(slot.rawValue, duration: .milliseconds(milliseconds)) }
        }

        started = clock.now
        let id = try await store.save(verdict: verdict, form: upload.form, formJSON: upload.formJSON, scans: upload.scans)
        metrics.recordStage("store", duration: clock.now - started)
        metrics.recordVerdict(decision: verdict.decision.rawValue)
        context.logger.info("""
            stored \(id): application \(PersonalData.masked(verdict.applicationId)) \(verdict.decision.rawValue) \
            (\(verdict.reasons.map(\.code.rawValue).joined(separator: ", "))) in \(checkDuration.milliseconds) ms
            """)
        return Submission(id: id, verdict: verdict, verdictJSON: try verdict.jsonData(pretty: false))
    }

    /// The form and scans in an upload's body: multipart parts, or the
    /// files of a zip (unpacked on the worker threads: it is CPU work).
    private func applicationUpload(from body: ByteBuffer, format: UploadFormat) async throws -> ApplicationUpload {
        let scratch = configuration.dataDirectory.appendingPathComponent("tmp", isDirectory: true)
        let limit = configuration.maxUploadBytes
        let parts: [FormPart]
        switch format {
        case .multipart(let boundary):
            let multipart = try MultipartForm.parts(of: body, boundary: boundary)
            parts = try await workers.run { try ArchivedApplication.expandingArchive(multipart, scratch: scratch, maxExpandedBytes: 2 * limit) }
        case .archive:
            let bytes = Array(buffer: body)
            parts = try await workers.run { try ArchivedApplication.parts(of: bytes, scratch: scratch, maxExpandedBytes: 2 * limit) }
        }
        return try ApplicationUpload(parts: parts)
    }

    /// The scan of `slot` with the verdict's evidence boxes drawn, as JPEG.
    /// - Throws: ``APIError`` 404 (no such application, or nothing uploaded
    ///   for the slot), 410 (scans deleted by the retention setting), 422
    ///   (the scan cannot be decoded), 503 (too many drawings at once).
    func annotatedScan(applicationID id: String, slot: DocumentSlot) async throws -> [UInt8] {
        let scan: StoredScan, stored: StoredApplication
        switch try await store.scan(applicationID: id, slot: slot) {
        case .found(let foundScan, let application): (scan, stored) = (foundScan, application)
        case .noApplication: throw APIError.notFound("application \(id)")
        case .notUploaded:
            throw APIError(.notFound, code: "no_scan", message: "application \(id) has no \(slot.rawValue) scan (it was not uploaded)")
        case .purged(let date):
            throw APIError(.gone, code: "scans_purged",
                           message: "the scans of application \(id) were deleted on \(Self.dayFormat(date)) (retention setting); the verdict and the review trail remain")
        }
        let verdict = try decodeVerdict(stored)
        let ticket = try annotations.admit()
        defer { annotations.leave(ticket) }
        await annotations.waitForTurn(ticket)
        let clock = ContinuousClock(), started = clock.now
        let bytes = [UInt8](scan.bytes), marks = verdict.evidenceMarks(for: slot)
        do {
            let jpeg = try await workers.run {
                try EvidenceAnnotator(longSide: Self.annotatedLongSide).annotatedJPEG(of: bytes, marks: marks)
            }
            metrics.recordStage("annotate", duration: clock.now - started)
            return jpeg
        } catch let error as IntakeError {
            throw APIError(.unprocessableContent, code: "scan_unreadable",
                           message: "the uploaded \(slot.rawValue) scan cannot be drawn: \(error.message)")
        }
    }

    /// The stored verdict as a value.
    func decodeVerdict(_ stored: StoredApplication) throws -> Verdict {
        do {
            return try JSONDecoder().decode(Verdict.self, from: stored.verdictJson)
        } catch {
            throw APIError(.internalServerError, code: "stored_verdict_unreadable",
                           message: "the stored verdict of \(stored.id) cannot be read back (\(error)); the raw JSON is still served by GET /v1/applications/\(stored.id)")
        }
    }

    private func publishQueue() {
        let counts = checks.counts
        metrics.recordQueue(running: counts.running, waiting: counts.waiting)
    }

    static func dayFormat(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day())
    }
}
