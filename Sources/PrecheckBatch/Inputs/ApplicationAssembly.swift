import Foundation
import Precheck

/// Turns a complete folder (from a directory or an archive) into its batch
/// item: the application, or an error line when a file the form names was
/// refused.
enum ApplicationAssembly {
    static func item(source: String, form: ApplicationForm, formSHA256: String, files: [String: StoredFile],
                     refused: [String: BatchProblem]) -> BatchItem {
        var documents: [DocumentSlot: StoredFile] = [:]
        var problems: [BatchProblem] = []
        for slot in DocumentSlot.allCases {
            guard let name = form.file(for: slot), PlainFileName.isPlain(name) else { continue }
            if let problem = refused[name] {
                if !problems.contains(problem) { problems.append(problem) }
            } else if let file = files[name] {
                documents[slot] = file
            }
        }
        let hash = ContentHash.of(formSHA256: formSHA256, form: form, documents: documents, refused: refused)
        guard let first = problems.first else {
            return .application(CollectedApplication(source: source, form: form, documents: documents, contentHash: hash))
        }
        let problem = problems.count == 1 ? first : BatchProblem(first.code, problems.map(\.message).joined(separator: "; "))
        return .failure(source: source, problem: problem, contentHash: hash, applicationId: form.applicationId)
    }

    /// Decodes `application.json`: a JSON object (fields may be missing or
    /// wrong; the rules report those).
    static func decodeForm(_ bytes: [UInt8], size limit: Int) -> Result<ApplicationForm, BatchProblem> {
        if bytes.count > limit {
            return .failure(BatchProblem(.formMalformed, "application.json is larger than \(limit >> 10) KiB; it cannot be a real form"))
        }
        do {
            return .success(try JSONDecoder().decode(ApplicationForm.self, from: Data(bytes)))
        } catch {
            let detail = (error as? DecodingError).map(Self.describe) ?? "\(error)"
            return .failure(BatchProblem(.formMalformed, "application.json is not a valid JSON object (\(detail)); fix the form file"))
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let context), .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context):
            let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return String((underlying ?? context.debugDescription).prefix(160))
        @unknown default:
            return "\(error)"
        }
    }
}
