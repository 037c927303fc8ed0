import Foundation
import MultipartKit
import NIOCore

/// One part of a `multipart/form-data` body.
struct FormPart: Sendable {
    /// The form field's name.
    var name: String?
    /// The uploaded file's name, as the client sent it (may hold a folder path).
    var fileName: String?
    var bytes: [UInt8]
}

/// Splits a `multipart/form-data` body into its parts (parsing by
/// MultipartKit's `MultipartParser`).
enum MultipartForm {
    /// More parts than any application needs: a body with more is refused.
    static let maxParts = 64

    /// The boundary named in a `Content-Type` header.
    /// - Throws: ``APIError`` 415 when the body is not `multipart/form-data`,
    ///   400 when the boundary is missing.
    static func boundary(contentType: String?) throws(APIError) -> String {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data") else {
            throw APIError(.unsupportedMediaType, code: "unsupported_media_type",
                           message: "send the application as multipart/form-data (application.json and the four scans as file parts, or one zip of its folder), or as application/zip")
        }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "boundary" else { continue }
            let boundary = pair[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            if !boundary.isEmpty && boundary.utf8.count <= 200 { return boundary }
        }
        throw APIError(.badRequest, code: "malformed_multipart",
                       message: "the Content-Type header has no boundary; let the HTTP client build the multipart body")
    }

    /// The parts of `body`.
    /// - Throws: ``APIError`` 400 `malformed_multipart` when the body is not
    ///   well-formed multipart (syntax error, truncated, no parts, too many).
    static func parts(of body: ByteBuffer, boundary: String) throws(APIError) -> [FormPart] {
        let parser = MultipartParser(boundary: boundary)
        var parts: [FormPart] = []
        var headers: [(String, String)] = []
        var bytes: [UInt8] = []
        var partOpen = false
        parser.onHeader = { name, value in
            headers.append((name, value))
            partOpen = true
        }
        parser.onBody = { buffer in
            bytes.append(contentsOf: buffer.readableBytesView)
            partOpen = true
        }
        parser.onPartComplete = {
            let disposition = headers.first { $0.0.lowercased() == "content-disposition" }.map { ContentDisposition(parsing: $0.1) }
            parts.append(FormPart(name: disposition?.name, fileName: disposition?.fileName, bytes: bytes))
            headers = []
            bytes = []
            partOpen = false
        }
        do {
            try parser.execute(body)
        } catch {
            throw malformed("the multipart body is not well formed")
        }
        if partOpen { throw malformed("the multipart body ends inside a part (truncated upload?)") }
        if parts.isEmpty { throw malformed("the multipart body has no parts") }
        if parts.count > maxParts { throw malformed("the multipart body has \(parts.count) parts, more than \(maxParts)") }
        return parts
    }

    private static func malformed(_ problem: String) -> APIError {
        APIError(.badRequest, code: "malformed_multipart",
                 message: "\(problem); send application.json and the four scans as multipart/form-data file parts")
    }
}
