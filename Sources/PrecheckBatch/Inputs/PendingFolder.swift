import Precheck

/// A folder of an archive whose application is not complete yet: the form
/// when it has come, the files read so far, and the entries refused in it.
struct PendingFolder {
    /// The folder inside the archive (`""`: the root).
    let path: String
    var form: ApplicationForm?
    var formSHA256: String?
    /// Files by name, waiting for the form or dispatched with it.
    var files: [String: StoredFile] = [:]
    /// Entries refused in this folder, by file name, with the entry's own source.
    var refused: [String: (problem: BatchProblem, source: String)] = [:]

    init(path: String) { self.path = path }

    /// The plain file names the form gives for the four documents.
    var referencedNames: Set<String> {
        guard let form else { return [] }
        return Set(DocumentSlot.allCases.compactMap { form.file(for: $0) }.filter(PlainFileName.isPlain))
    }

    /// The form has come and every file it names has been seen (read or refused).
    var isComplete: Bool {
        form != nil && referencedNames.allSatisfy { files[$0] != nil || refused[$0] != nil }
    }

    /// Whether a file is worth keeping: named by the form, or the form has not come yet.
    func mayNeed(_ name: String) -> Bool {
        form == nil || referencedNames.contains(name)
    }
}

/// File names a form may give: one name inside the application's folder.
enum PlainFileName {
    static func isPlain(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && !name.contains("/") && !name.contains("\\") && !name.contains("\0")
    }
}
