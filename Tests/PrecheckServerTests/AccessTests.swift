import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PrecheckServer
import Testing

/// Who may use the service (no OCR involved).
@Suite("Review service: authentication and origins")
struct AccessTests {
    @Test func apiNeedsTheTokenWhenOneIsSet() async throws {
        let data = TestServer.dataDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let server = try TestServer.make(TestServer.configuration(data: data, token: "right-token"))
        try await server.application().test(.router) { client in
            let none = try await client.execute(uri: "/v1/applications", method: .get)
            #expect(none.status == .unauthorized)
            #expect(none.errorCode == "unauthorized")
            #expect(none.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)

            let wrong = try await client.execute(uri: "/v1/applications", method: .get, headers: [.authorization: "Bearer wrong-token"])
            #expect(wrong.status == .unauthorized)
            let basic = try await client.execute(uri: "/v1/applications", method: .get, headers: [.authorization: "Basic cmlnaHQtdG9rZW4="])
            #expect(basic.status == .unauthorized)

            let right = try await client.execute(uri: "/v1/applications", method: .get, headers: [.authorization: "Bearer right-token"])
            #expect(right.status == .ok)
            #expect(right.text == #"{"applications":[]}"#)

            // An upload without the token is refused before anything is read or checked.
            var body = MultipartBody()
            body.addFile(field: "files", fileName: "application.json", contents: Array("{}".utf8))
            body.close()
            #expect(try await client.upload(body).status == .unauthorized)
            #expect(try await client.execute(uri: "/metrics", method: .get).status == .unauthorized)

            // Health and the API description stay public.
            #expect(try await client.execute(uri: "/healthz", method: .get).status == .ok)
            #expect(try await client.execute(uri: "/openapi.yaml", method: .get).status == .ok)
        }
    }

    @Test func reviewPageSignsInWithTheTokenAndKeepsItInACookie() async throws {
        let data = TestServer.dataDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let server = try TestServer.make(TestServer.configuration(data: data, token: "right-token"))
        try await server.application().test(.router) { client in
            let page = try await client.execute(uri: "/", method: .get)
            #expect(page.status == .seeOther)
            #expect(page.headers[.location] == "/login?next=/")

            let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
            let wrong = try await client.execute(uri: "/login", method: .post, headers: form,
                                                 body: ByteBuffer(string: "token=nope&reviewer=Li&next=%2F"))
            #expect(wrong.status == .unauthorized)
            #expect(wrong.headers[.setCookie] == nil)

            let escape = try await client.execute(uri: "/login", method: .post, headers: form,
                                                  body: ByteBuffer(string: "token=right-token&reviewer=Li&next=%2F%2Fevil.example"))
            #expect(escape.headers[.location] == "/")

            let signedIn = try await client.execute(uri: "/login", method: .post, headers: form,
                                                    body: ByteBuffer(string: "token=right-token&reviewer=Li&next=%2F"))
            #expect(signedIn.status == .seeOther)
            let cookies = signedIn.headers[values: .setCookie]
            let session = try #require(cookies.first { $0.hasPrefix("\(SessionCookie.tokenName)=") })
            #expect(session.contains("HttpOnly"))
            #expect(session.contains("SameSite=Strict"))
            let cookieHeader = String(session.prefix { $0 != ";" })
            let index = try await client.execute(uri: "/", method: .get, headers: [.cookie: cookieHeader])
            #expect(index.status == .ok)
            #expect(index.text.contains("Check an application"))
            let api = try await client.execute(uri: "/v1/applications", method: .get, headers: [.cookie: cookieHeader])
            #expect(api.status == .ok)
        }
    }

    @Test func withoutATokenOnlyLoopbackIsBound() {
        let open = ServerConfiguration(host: "0.0.0.0", token: nil)
        #expect(open.effectiveHost == "127.0.0.1")
        #expect(ServerConfiguration(host: "::1", token: nil).effectiveHost == "::1")
        #expect(ServerConfiguration(host: "0.0.0.0", token: "t").effectiveHost == "0.0.0.0")
    }

    @Test func tokenComesFromTheFileOrTheEnvironment() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("precheck-token-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("  from-file \nsecond line\n".utf8).write(to: file)
        #expect(try ServerConfiguration.token(tokenFile: file.path, environment: ["PRECHECK_TOKEN": "from-env"]) == "from-file")
        #expect(try ServerConfiguration.token(tokenFile: nil, environment: ["PRECHECK_TOKEN": "from-env"]) == "from-env")
        #expect(try ServerConfiguration.token(tokenFile: nil, environment: ["PRECHECK_TOKEN": " "]) == nil)
        #expect(throws: ServerSetupError.self) { try ServerConfiguration.token(tokenFile: "/nonexistent/precheck-token", environment: [:]) }
        try Data("\n".utf8).write(to: file)
        #expect(throws: ServerSetupError.self) { try ServerConfiguration.token(tokenFile: file.path, environment: [:]) }
    }

    @Test func anotherSitesPageCannotPost() async throws {
        let data = TestServer.dataDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let server = try TestServer.make(TestServer.configuration(data: data))
        try await server.application().test(.router) { client in
            var body = MultipartBody()
            body.addFile(field: "files", fileName: "application.json", contents: Array("{}".utf8))
            body.close()
            let response = try await client.upload(body, headers: [.origin: "http://evil.example"])
            #expect(response.status == .forbidden)
            #expect(response.errorCode == "cross_origin")
        }
    }
}
