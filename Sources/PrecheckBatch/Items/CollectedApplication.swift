import Precheck

/// An application gathered from a folder or an archive, ready to check:
/// its form, the documents the form names that were found, and a content
/// hash over exactly those files.
public struct CollectedApplication: Sendable {
    /// Where it came from: a folder path, or `archive.zip!/folder`.
    public let source: String
    public let form: ApplicationForm
    /// The documents found, by slot (a slot without one is missing and the
    /// checker says `DOCUMENT_MISSING`).
    public let documents: [DocumentSlot: StoredFile]
    /// SHA-256 over the form's bytes and each named document (see ``ContentHash``).
    public let contentHash: String

    /// The application as the checker takes it.
    public var application: Application {
        Application(form: form, documents: documents.mapValues(\.upload), origin: source)
    }

    /// Frees what the application holds on disk.
    func discard() {
        for file in documents.values { file.discard() }
    }
}

/// The content hash of an application: SHA-256 over one line per file that
/// makes it up — the form, then each slot with the file name the form gives
/// and that file's own SHA-256 (or how it was missing or refused). Files the
/// form does not name do not count, so adding a `README` changes nothing;
/// changing a scan, the form or a file name does.
///
/// SHA-256 rather than a cheaper hash: `--resume` keeps an earlier verdict
/// when the hash matches, so a collision must not be something an applicant
/// can arrange.
enum ContentHash {
    static func of(formSHA256: String, form: ApplicationForm?, documents: [DocumentSlot: StoredFile],
                   refused: [String: BatchProblem] = [:]) -> String {
        var text = "application.json \(formSHA256)\n"
        for slot in DocumentSlot.allCases {
            guard let name = form?.file(for: slot) else {
                text += "\(slot.rawValue) -\n"
                continue
            }
            let state = documents[slot]?.sha256 ?? refused[name].map { "refused:\($0.code.rawValue)" } ?? "missing"
            text += "\(slot.rawValue) \(name.utf8.count):\(name) \(state)\n"
        }
        return SHA256Hex.of(Array(text.utf8))
    }
}
