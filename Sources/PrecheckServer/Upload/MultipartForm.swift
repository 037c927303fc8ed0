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
        // MultipartKit 4.7.1 traps (array index out of range) on a byte ≥ 0x80
        // in a part's header name, which would let one request stop the server.
        let delimiter = Array("--\(boundary)".utf8)
        guard !body.withUnsafeReadableBytes({ hasNonASCIIHeaderName($0, boundary: delimiter) }) else {
            throw malformed("a part's header name is not ASCII")
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

    /// Whether a header line after any `--boundary` in `bytes` has a byte
    /// of 0x80 or more before its `:` (or in the whole line, without one).
    /// Looks after every occurrence of the delimiter, a superset of those
    /// the parser treats as part boundaries.
    static func hasNonASCIIHeaderName(_ body: UnsafeRawBufferPointer, boundary delimiter: [UInt8]) -> Bool {
        guard delimiter.count > 2, body.count >= delimiter.count else { return false }
        var start = 0
        while start + delimiter.count <= body.count {
            guard let index = body[start...].firstIndex(of: delimiter[0]) else { return false }
            guard index + delimiter.count <= body.count else { return false }
            if body[index..<(index + delimiter.count)].elementsEqual(delimiter) {
                // Header lines: from after the delimiter's CR LF to an empty line.
                var position = index + delimiter.count
                if position + 1 < body.count, body[position] == 13, body[position + 1] == 10 {
                    position += 2
                    while position < body.count, body[position] != 13 {
                        var inName = true
                        while position < body.count, body[position] != 13 {
                            if body[position] == 58 { inName = false } else if inName && body[position] >= 0x80 { return true }
                            position += 1
                        }
                        position += 2  // CR LF
                    }
                }
            }
            start = index + 1
        }
        return false
    }

    private static func malformed(_ problem: String) -> APIError {
        APIError(.badRequest, code: "malformed_multipart",
                 message: "\(problem); send application.json and the four scans as multipart/form-data file parts")
    }
}
