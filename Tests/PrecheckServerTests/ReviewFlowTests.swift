import Foundation
import Hummingbird
import HummingbirdTesting
@testable import Precheck
import PrecheckNative
@testable import PrecheckServer
import Testing

/// The whole reviewer flow on a real sample, through the HTTP interface:
/// upload → verdict → fetch → annotated scan → reviewer decision → restart
/// over the same data directory → everything still there → retention purge.
/// One real check (APP-0003, a clean application the pipeline pre-approves).
@Suite("Review service: upload to audit trail, across a restart")
struct ReviewFlowTests {
    static let sample = "APP-0003"

    @Test func uploadCheckReviewRestartPurge() async throws {
        let data = TestServer.dataDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let configuration = TestServer.configuration(data: data, token: "test-token")
        let auth: HTTPFields = [.authorization: "Bearer test-token"]
        let upload = try MultipartBody.application(Samples.folder(Self.sample))
        let expected = try Samples.expectedDecision(Self.sample)

        // First run: upload, fetch, draw, decide.
        let first = try TestServer.make(configuration)
        let (id, verdictBytes) = try await first.application().test(.router) { client in
            let created = try await client.upload(upload, headers: auth)
            #expect(created.status == .created)
            let location = try #require(created.headers[.location])
            #expect(location.hasPrefix("/v1/applications/"))
            let id = String(location.dropFirst("/v1/applications/".count))
            #expect(created.headers[.precheckRecordID] == id)

            let verdict = try JSONDecoder().decode(Verdict.self, from: Data(buffer: created.body))
            #expect(verdict.applicationId == "002026000000003")
            #expect(verdict.decision.rawValue == expected)
            #expect(verdict.decision == Verdict.decision(for: verdict.reasons))
            #expect(Set(verdict.documents.keys) == Set(DocumentSlot.allCases))
            let licence = try #require(verdict.documents[.businessLicense]?.reading)
            #expect(licence.fields["creditCode"]?.value == "91430726MA7U7UAPAH")
            #expect(verdict.documents[.businessLicense]?.file == "license.jpg")

            let fetched = try await client.execute(uri: location, method: .get, headers: auth)
            #expect(fetched.status == .ok)
            #expect(Array(buffer: fetched.body) == Array(buffer: created.body))

            let annotated = try await client.execute(uri: "\(location)/documents/businessLicense/annotated", method: .get, headers: auth)
            #expect(annotated.status == .ok)
            #expect(annotated.headers[.contentType] == "image/jpeg")
            let image = try ImageIntake().decode(Array(buffer: annotated.body))
            #expect(max(image.raster.width, image.raster.height) == ReviewBackend.annotatedLongSide)
            // The confirmed fields are boxed in the annotator's green, which the scan itself does not contain.
            #expect(Self.pixels(in: image.raster, near: EvidenceAnnotator.colour(.confirmed)) > 500)
            let original = try ImageIntake().decode(contentsOf: Samples.folder(Self.sample).appendingPathComponent("license.jpg"))
            #expect(Self.pixels(in: original.raster, near: EvidenceAnnotator.colour(.confirmed)) == 0)

            let noNote = try await client.execute(uri: "\(location)/reviews", method: .post, headers: auth,
                                                  body: ByteBuffer(string: #"{"reviewer": "王审核", "action": "reject"}"#))
            #expect(noNote.status == .badRequest)
            #expect(noNote.errorCode == "invalid_review")
            let approved = try await client.execute(uri: "\(location)/reviews", method: .post, headers: auth,
                                                    body: ByteBuffer(string: #"{"reviewer": "王审核", "action": "approve", "note": "材料齐全"}"#))
            #expect(approved.status == .created)

            let page = try await client.execute(uri: "/applications/\(id)", method: .get, headers: auth)
            #expect(page.status == .ok)
            #expect(page.text.contains("常德博远物业管理有限公司"))
            #expect(page.text.contains("badge big \(expected)"))
            #expect(page.text.contains("/v1/applications/\(id)/documents/idCardFront/annotated"))
            #expect(page.text.contains("王审核"))
            #expect(page.text.contains("材料齐全"))

            let metrics = try await client.execute(uri: "/metrics", method: .get, headers: auth)
            #expect(metrics.text.contains("precheck_verdicts_total{decision=\"\(expected)\"} 1"))
            #expect(metrics.text.contains("precheck_stage_duration_seconds_count{stage=\"check\"} 1"))
            #expect(metrics.text.contains("precheck_http_requests_total{method=\"POST\",route=\"/v1/applications\",status=\"201\"} 1"))
            return (id, Array(buffer: created.body))
        }

        // Second run over the same data directory: nothing lost.
        let second = try TestServer.make(configuration)
        try await second.application().test(.router) { client in
            let fetched = try await client.execute(uri: "/v1/applications/\(id)", method: .get, headers: auth)
            #expect(fetched.status == .ok)
            #expect(Array(buffer: fetched.body) == verdictBytes)
            let reviews = try await client.execute(uri: "/v1/applications/\(id)/reviews", method: .get, headers: auth)
            let trail = try Self.decoder.decode([String: [ReviewDecision]].self, from: Data(buffer: reviews.body))["reviews"] ?? []
            #expect(trail.map(\.reviewer) == ["王审核"])
            #expect(trail.map(\.action) == [.approve])
            #expect(trail.map(\.note) == ["材料齐全"])
            let list = try await client.execute(uri: "/v1/applications", method: .get, headers: auth)
            #expect(list.text.contains(id))
            let annotated = try await client.execute(uri: "/v1/applications/\(id)/documents/idCardFront/annotated", method: .get, headers: auth)
            #expect(annotated.status == .ok)
        }

        // Retention: scans go, verdict and audit trail stay.
        let purged = try await second.backend.store.purgeScans(storedBefore: Date().addingTimeInterval(60))
        #expect(purged == 1)
        try await second.application().test(.router) { client in
            let annotated = try await client.execute(uri: "/v1/applications/\(id)/documents/businessLicense/annotated", method: .get, headers: auth)
            #expect(annotated.status == .gone)
            #expect(annotated.errorCode == "scans_purged")
            let fetched = try await client.execute(uri: "/v1/applications/\(id)", method: .get, headers: auth)
            #expect(Array(buffer: fetched.body) == verdictBytes)
            let page = try await client.execute(uri: "/applications/\(id)", method: .get, headers: auth)
            #expect(page.text.contains("retention setting"))
            #expect(!page.text.contains("/documents/businessLicense/annotated"))
            #expect(page.text.contains("王审核"))
        }
        #expect(try await second.backend.store.purgeScans(storedBefore: Date().addingTimeInterval(60)) == 0)

        // The page's field table sets the readings beside the form: a form claiming
        // another applicant name shows a mismatch on that field only.
        let verdict = try JSONDecoder().decode(Verdict.self, from: Data(verdictBytes))
        var form = try JSONDecoder().decode(ApplicationForm.self,
                                            from: Data(contentsOf: Samples.folder(Self.sample).appendingPathComponent("application.json")))
        #expect(FieldComparison(slot: .idCardFront, verdict: verdict, form: form).rows.filter(\.isMismatch).isEmpty)
        form.applicant.name = "钟强强"
        let rows = FieldComparison(slot: .idCardFront, verdict: verdict, form: form).rows
        #expect(rows.filter(\.isMismatch).map(\.key) == ["name"])
    }

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()

    /// How many pixels are within a small distance of `colour` (RGB rasters).
    static func pixels(in raster: Raster, near colour: (UInt8, UInt8, UInt8)) -> Int {
        guard raster.channels >= 3 else { return 0 }
        var count = 0
        let target = [Int(colour.0), Int(colour.1), Int(colour.2)]
        for offset in stride(from: 0, to: raster.pixels.count - 2, by: raster.channels) {
            let distance = abs(Int(raster.pixels[offset]) - target[0]) + abs(Int(raster.pixels[offset + 1]) - target[1])
                + abs(Int(raster.pixels[offset + 2]) - target[2])
            if distance < 40 { count += 1 }
        }
        return count
    }
}
