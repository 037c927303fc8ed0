import Foundation
import Hummingbird

/// The review page's cookies: the token (so a browser can use the page
/// with the same token API clients send), and the reviewer's name (to fill
/// in the decision form). Both are base64 so any token or name fits a
/// cookie value; the token cookie is `HttpOnly` and `SameSite=Strict`.
enum SessionCookie {
    static let tokenName = "precheck_token"
    static let reviewerName = "precheck_reviewer"
    /// Twelve hours: a working day.
    static let lifetimeSeconds = 12 * 3600

    static func token(in request: Request) -> String? {
        request.cookies[tokenName].flatMap { decode($0.value) }
    }

    static func reviewer(in request: Request) -> String? {
        request.cookies[reviewerName].flatMap { decode($0.value) }
    }

    static func tokenCookie(_ token: String) -> Cookie {
        Cookie(name: tokenName, value: encode(token), maxAge: lifetimeSeconds, path: "/", httpOnly: true, sameSite: .strict)
    }

    static func reviewerCookie(_ name: String) -> Cookie {
        Cookie(name: reviewerName, value: encode(name), maxAge: 180 * 24 * 3600, path: "/", httpOnly: true, sameSite: .strict)
    }

    static func expiredTokenCookie() -> Cookie {
        Cookie(name: tokenName, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: .strict)
    }

    private static func encode(_ text: String) -> String { Data(text.utf8).base64EncodedString() }

    private static func decode(_ value: String) -> String? {
        Data(base64Encoded: value).flatMap { String(data: $0, encoding: .utf8) }
    }
}
