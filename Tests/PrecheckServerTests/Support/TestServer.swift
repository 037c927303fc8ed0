import Foundation
import Hummingbird
import HummingbirdTesting
import Precheck
@testable import PrecheckServer

/// Servers for tests: a fresh data directory each, one shared checker.
enum TestServer {
    /// One checker for the whole test run (loading Tesseract costs time and ~100 MB per engine).
    static let checker: Checker = {
        do { return try Checker(concurrency: 2) } catch { fatalError("Tesseract with chi_sim must be installed (scripts/install-deps.sh): \(error)") }
    }()

    /// A new, empty data directory under the temporary directory.
    static func dataDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("precheck-serve-test-\(UUID().uuidString)", isDirectory: true)
    }

    static func configuration(data: URL, token: String? = nil, jobs: Int = 1, queueLimit: Int = 2,
                              maxUploadBytes: Int = 20 * 1024 * 1024) -> ServerConfiguration {
        ServerConfiguration(dataDirectory: data, token: token, jobs: jobs, queueLimit: queueLimit, retentionDays: nil,
                            maxUploadBytes: maxUploadBytes)
    }

    static func make(_ configuration: ServerConfiguration) throws -> ReviewServer {
        try ReviewServer(configuration: configuration, checker: checker)
    }
}

/// The committed samples (`samples/`).
enum Samples {
    static let directory: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" && !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url.deleteLastPathComponent()
        }
        return url.appendingPathComponent("samples", isDirectory: true)
    }()

    static func folder(_ name: String) -> URL { directory.appendingPathComponent(name, isDirectory: true) }

    /// `truth.json`'s expected decision.
    static func expectedDecision(_ name: String) throws -> String {
        let data = try Data(contentsOf: folder(name).appendingPathComponent("truth.json"))
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return object?["expectedDecision"] as? String ?? ""
    }
}

/// A `multipart/form-data` body built by hand, as a browser or curl sends it.
struct MultipartBody {
    static let boundary = "----precheck-test-boundary-7MA4YWxkTrZu0gW"
    private(set) var bytes: [UInt8] = []

    static var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    mutating func addFile(field: String, fileName: String, contents: [UInt8], type: String = "application/octet-stream") {
        bytes += Array("--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(fileName)\"\r\nContent-Type: \(type)\r\n\r\n".utf8)
        bytes += contents
        bytes += Array("\r\n".utf8)
    }

    mutating func close() {
        bytes += Array("--\(Self.boundary)--\r\n".utf8)
    }

    /// `application.json` and every scan it names, as files named as in the folder.
    static func application(_ folder: URL) throws -> MultipartBody {
        var body = MultipartBody()
        let formData = try Data(contentsOf: folder.appendingPathComponent("application.json"))
        body.addFile(field: "files", fileName: "application.json", contents: Array(formData), type: "application/json")
        let form = try JSONDecoder().decode(ApplicationForm.self, from: formData)
        for slot in DocumentSlot.allCases {
            guard let name = form.file(for: slot) else { continue }
            body.addFile(field: "files", fileName: "\(folder.lastPathComponent)/\(name)",
                         contents: Array(try Data(contentsOf: folder.appendingPathComponent(name))))
        }
        body.close()
        return body
    }

    var buffer: ByteBuffer { ByteBuffer(bytes: bytes) }
}

extension TestClientProtocol {
    /// Uploads a multipart body to `POST /v1/applications`.
    func upload(_ body: MultipartBody, headers: HTTPFields = [:], path: String = "/v1/applications") async throws -> TestResponse {
        var fields = headers
        fields[.contentType] = MultipartBody.contentType
        return try await execute(uri: path, method: .post, headers: fields, body: body.buffer)
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    /// The `error` code of a JSON error body.
    var errorCode: String? {
        (try? JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any])?["error"] as? String
    }
}
