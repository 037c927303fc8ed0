import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PrecheckServer
import Testing

@Suite("Review service: pages and documents")
struct PageTests {
    @Test func interpolatedTextIsEscaped() {
        let hostile = #"<script>alert("x")</script>&'"#
        let html: HTML = "<td title=\"\(hostile)\">\(hostile)</td>"
        #expect(html.rendered == "<td title=\"&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;\">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</td>")
        let nested: HTML = "<p>\(html)</p>"
        #expect(nested.rendered == "<p>\(html.rendered)</p>")
    }

    @Test func indexPageListsUploadsAndCarriesTheUploadForms() async throws {
        let data = TestServer.dataDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let server = try TestServer.make(TestServer.configuration(data: data))
        try await server.application().test(.router) { client in
            let page = try await client.execute(uri: "/", method: .get)
            #expect(page.status == .ok)
            #expect(page.headers[.contentSecurityPolicy]?.contains("default-src 'self'") == true)
            #expect(page.text.contains("id=\"drop-zone\""))
            #expect(page.text.contains("enctype=\"multipart/form-data\""))
            #expect(page.text.contains("webkitdirectory"))
            let script = try await client.execute(uri: PageAssets.scriptPath, method: .get)
            #expect(script.headers[.contentType]?.hasPrefix("text/javascript") == true)
            #expect(script.text.contains("webkitGetAsEntry"))
        }
    }

    @Test func theOpenAPIDocumentServedIsTheOneInDocs() async throws {
        let data = TestServer.dataDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let server = try TestServer.make(TestServer.configuration(data: data))
        let docs = try Data(contentsOf: Samples.directory.deletingLastPathComponent().appendingPathComponent("docs/openapi.yaml"))
        try await server.application().test(.router) { client in
            let served = try await client.execute(uri: "/openapi.yaml", method: .get)
            #expect(served.status == .ok)
            #expect(Data(buffer: served.body) == docs)
            for path in ["/v1/applications:", "/v1/applications/{id}:", "/v1/applications/{id}/documents/{slot}/annotated:",
                         "/v1/applications/{id}/reviews:", "/healthz:", "/metrics:"] {
                #expect(served.text.contains(path), "\(path)")
            }
        }
    }
}
