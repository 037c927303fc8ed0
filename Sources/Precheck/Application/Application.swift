import Foundation

/// One application to check: the form and its uploaded documents.
///
/// From a folder (contract §2):
/// ```swift
/// let application = try Application(folder: URL(fileURLWithPath: "APP-0001"))
/// ```
/// or from memory, as a backend holds uploads:
/// ```swift
/// let application = Application(form: form, documents: [.businessLicense: .bytes(licenceData, name: "license.jpg")])
/// ```
public struct Application: Sendable {
    public var form: ApplicationForm
    /// The upload for each slot the form names; a slot without an entry is missing.
    public var documents: [DocumentSlot: UploadedDocument]
    /// Where the application came from (a folder path), for messages.
    public var origin: String?

    public init(form: ApplicationForm, documents: [DocumentSlot: UploadedDocument], origin: String? = nil) {
        self.form = form
        self.documents = documents
        self.origin = origin
    }

    /// Reads `application.json` in `folder` and locates the files it names.
    ///
    /// A named file that is absent, or whose name would leave the folder
    /// (`../x`, `/etc/x`), is left out, so the checker reports it as
    /// `DOCUMENT_MISSING`; the files themselves are read only when checked.
    public init(folder: URL) throws(ApplicationError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) else {
            throw .folderMissing(folder.path)
        }
        guard isDirectory.boolValue else { throw .notAFolder(folder.path) }
        let formURL = folder.appendingPathComponent("application.json")
        guard let data = FileManager.default.contents(atPath: formURL.path) else { throw .formMissing(folder.path) }
        try self.init(formJSON: data, folder: folder)
    }

    /// An application from the bytes of its `application.json`, with files
    /// looked up in `folder`.
    public init(formJSON data: Data, folder: URL) throws(ApplicationError) {
        let form = try ApplicationForm.decode(data, origin: folder.path)
        var documents: [DocumentSlot: UploadedDocument] = [:]
        for slot in DocumentSlot.allCases {
            guard let name = form.file(for: slot), UploadedDocument.isPlainFileName(name) else { continue }
            let url = folder.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            documents[slot] = .file(url, name: name)
        }
        self.init(form: form, documents: documents, origin: folder.path)
    }
}

/// One uploaded file: on disk or in memory.
public enum UploadedDocument: Sendable {
    case file(URL, name: String)
    case bytes([UInt8], name: String)

    /// The file name as the form gives it.
    public var name: String {
        switch self {
        case .file(_, let name), .bytes(_, let name): name
        }
    }

    /// A name that stays inside the application folder: no path separators,
    /// not `.`/`..`, no NUL.
    static func isPlainFileName(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && !name.contains("/") && !name.contains("\\") && !name.contains("\0")
    }
}

/// Why a folder is not an application Precheck can check (exit code 66).
public enum ApplicationError: Error, Sendable, Equatable, CustomStringConvertible {
    case folderMissing(String)
    case notAFolder(String)
    case formMissing(String)
    case formMalformed(String, detail: String)

    public var description: String {
        switch self {
        case .folderMissing(let path): "\(path): no such folder"
        case .notAFolder(let path): "\(path): not a folder; give the application's folder (it holds application.json)"
        case .formMissing(let path): "\(path): no application.json in this folder, so it is not an application"
        case .formMalformed(let path, let detail): "\(path)/application.json is not valid JSON (\(detail)); fix the form file"
        }
    }
}

extension ApplicationForm {
    /// Decodes `application.json`, leniently per field (see the type's notes)
    /// but refusing text that is not a JSON object.
    static func decode(_ data: Data, origin: String) throws(ApplicationError) -> ApplicationForm {
        do {
            guard try JSONSerialization.jsonObject(with: data) is [String: Any] else {
                throw ApplicationError.formMalformed(origin, detail: "the top level is not an object")
            }
            return try JSONDecoder().decode(ApplicationForm.self, from: data)
        } catch let error as ApplicationError {
            throw error
        } catch {
            throw .formMalformed(origin, detail: Self.shortDescription(of: error))
        }
    }

    static func shortDescription(of error: Error) -> String {
        let text = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
        return String(text.prefix(160))
    }
}
