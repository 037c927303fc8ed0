import Foundation
import Precheck

/// An application as uploaded: the form (`application.json`) and the scans
/// matched to the form's document slots.
///
/// A part is the form when its field is named `application` or its file is
/// `application.json`. A scan fills a slot when its field is named for the
/// slot (`businessLicense`, …) or its file name (without any folder path, as
/// a browser sends for a dropped folder) is the one the form gives for the
/// slot. A slot left without a scan is reported in the verdict as
/// `DOCUMENT_MISSING`, as `precheck check` does for a folder.
struct ApplicationUpload: Sendable {
    var form: ApplicationForm
    /// `application.json` as uploaded.
    var formJSON: Data
    var scans: [DocumentSlot: UploadedScan]

    /// The application the checker reads.
    var application: Application {
        Application(form: form, documents: scans.mapValues { .bytes($0.bytes, name: $0.fileName) }, origin: "upload")
    }

    /// - Throws: ``APIError`` 400 `form_missing` / `form_malformed` when
    ///   there is no usable `application.json`.
    init(parts: [FormPart]) throws(APIError) {
        let formParts = parts.filter { $0.name == "application" || Self.baseName($0.fileName) == "application.json" }
        guard let formPart = formParts.first else {
            throw APIError(.badRequest, code: "form_missing",
                           message: "the upload has no application.json; add it as a file part (or a field named 'application')")
        }
        guard formParts.count == 1 else {
            throw APIError(.badRequest, code: "form_ambiguous", message: "the upload holds \(formParts.count) application.json parts; send one application at a time")
        }
        formJSON = Data(formPart.bytes)
        form = try Self.decodeForm(formJSON)
        var scans: [DocumentSlot: UploadedScan] = [:]
        let files = parts.filter { $0.name != "application" && Self.baseName($0.fileName) != "application.json" }
        for slot in DocumentSlot.allCases {
            let expectedName = form.file(for: slot)
            let named = files.first { $0.name == slot.rawValue }
            let byFileName = expectedName.flatMap { name in files.first { Self.baseName($0.fileName) == name } }
            guard let part = named ?? byFileName else { continue }
            scans[slot] = UploadedScan(fileName: expectedName ?? Self.baseName(part.fileName) ?? slot.rawValue, bytes: part.bytes)
        }
        self.scans = scans
    }

    /// Decodes `application.json` as the library does for a folder: a JSON
    /// object, each field lenient (a bad field is a verdict reason, not an error).
    static func decodeForm(_ data: Data) throws(APIError) -> ApplicationForm {
        let malformed = { (detail: String) in
            APIError(.badRequest, code: "form_malformed", message: "application.json is not valid (\(detail)); fix the form file (see the contract, §2)")
        }
        guard let object = try? JSONSerialization.jsonObject(with: data), object is [String: Any] else {
            throw malformed("not a JSON object")
        }
        do {
            return try JSONDecoder().decode(ApplicationForm.self, from: data)
        } catch {
            throw malformed(String(describing: error).prefix(160).description)
        }
    }

    /// `APP-0001/license.jpg` → `license.jpg`.
    static func baseName(_ fileName: String?) -> String? {
        guard let fileName else { return nil }
        let name = fileName.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        return name.isEmpty ? nil : name
    }
}
