import Foundation
import PrecheckNative

/// Checks applications: reads every document, applies every rule, and
/// returns the verdict (contract §3).
///
/// Create one checker and share it: it holds the OCR engines (loading the
/// Chinese model costs ~150 ms each) and is safe to call from many tasks
/// at once; up to `concurrency` documents are read in parallel.
///
/// ```swift
/// let checker = try Checker()
/// let verdict = try await checker.check(folder: URL(fileURLWithPath: "APP-0001"))
/// print(verdict.decision)               // .preApproved, .rejected or .manualReview
/// let json = try verdict.jsonData()     // the contract's JSON
/// ```
public final class Checker: Sendable {
    public let policy: CheckPolicy
    public let reader: DocumentReader
    /// How long reading one document may take once it has an engine
    /// (`nil`: no limit); a document stopped at the limit gets
    /// `FIELD_UNCERTAIN` ("processing failed"), so one pathological scan
    /// cannot stall a batch.
    public let documentTimeLimit: Duration?
    private let engines: OCREnginePool

    /// - Parameters:
    ///   - policy: thresholds (default: the tuned built-ins).
    ///   - concurrency: how many documents may be read at the same time
    ///     (one OCR engine each, ~100 MB per engine).
    ///   - engineFactory: makes OCR engines (default: Tesseract, `chi_sim`).
    ///   - documentTimeLimit: see ``documentTimeLimit``.
    /// - Throws: when no OCR engine can be made (e.g. the language data is
    ///   not installed), so a misconfigured service fails at start.
    public init(policy: CheckPolicy = .default, concurrency: Int = 1, reader: DocumentReader = DocumentReader(),
                documentTimeLimit: Duration? = nil,
                engineFactory: @escaping @Sendable () throws -> any OCREngine = { try TesseractEngine() }) throws {
        self.policy = policy
        self.reader = reader
        self.documentTimeLimit = documentTimeLimit
        self.engines = OCREnginePool(capacity: concurrency, ready: try engineFactory(), factory: engineFactory)
    }

    /// Checks the application in `folder` (contract §2).
    /// - Throws: ``ApplicationError`` when the folder is not an application.
    public func check(folder: URL, today: Date = Date()) async throws(ApplicationError) -> Verdict {
        await check(try Application(folder: folder), today: today)
    }

    /// Checks an application. Never throws: every problem with the input
    /// becomes a reason in the verdict.
    /// - Parameter today: the date to use when the form has no `submittedAt`.
    public func check(_ application: Application, today: Date = Date()) async -> Verdict {
        let started = DispatchTime.now()
        let form = application.form
        let submitted = form.submittedAt.flatMap(CalendarDate.init(iso:)) ?? CalendarDate(date: today)
        var outcomes: [DocumentSlot: DocumentOutcome] = [:]
        var timings: [String: Int] = [:]
        await withTaskGroup(of: (DocumentSlot, DocumentOutcome, Int).self) { group in
            for slot in DocumentSlot.allCases {
                group.addTask { [self] in
                    let start = DispatchTime.now()
                    let outcome = await self.outcome(of: slot, in: application)
                    return (slot, outcome, Self.milliseconds(since: start))
                }
            }
            for await (slot, outcome, milliseconds) in group {
                outcomes[slot] = outcome
                timings[slot.rawValue] = milliseconds
            }
        }
        let verdict = Verdict.assemble(form: form, outcomes: outcomes, submitted: submitted, policy: policy,
                                       timingsMs: timings)
        var result = verdict
        result.timingsMs["total"] = Self.milliseconds(since: started)
        return result
    }

    /// Reads one slot's upload, turning every failure into an outcome.
    func outcome(of slot: DocumentSlot, in application: Application) async -> DocumentOutcome {
        guard let upload = application.documents[slot] else { return .missing(application.form.file(for: slot)) }
        let claims = application.form.claims(for: slot), sealNames = application.form.sealNames
        do {
            // Decoded only once an engine is free: a waiting document then
            // holds its compressed bytes, not a decoded page (~12-26 MB), so
            // memory grows with the engines, not with the documents.
            let reading = try await engines.withEngine { engine in
                let image: DecodedImage
                switch upload {
                case .file(let url, _): image = try reader.intake.decode(contentsOf: url)
                case .bytes(let bytes, _): image = try reader.intake.decode(bytes)
                }
                let limited: any OCREngine = documentTimeLimit.map { TimeLimitedEngine(engine, limit: $0) } ?? engine
                // The freed page variants go back to the system before the
                // next document (see ``ProcessMemory/returnFreed()``).
                defer { ProcessMemory.returnFreed() }
                return try reader.read(image, engine: limited, claims: claims, sealNames: sealNames)
            }
            return .read(upload.name, reading)
        } catch let error as IntakeError {
            return .unreadable(upload.name, error)
        } catch {
            return .failed(upload.name, "\(error)")
        }
    }

    static func milliseconds(since start: DispatchTime) -> Int {
        Int((DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000)
    }
}
