import Foundation

/// The frame every page shares: head, the top bar, the content.
enum PageLayout {
    static func page(title: String, signOut: Bool, content: HTML) -> HTML {
        let signOutForm: HTML = signOut
            ? "<form method=\"post\" action=\"/logout\"><button type=\"submit\">Sign out</button></form>"
            : .empty
        return """
        <!DOCTYPE html>
        <html lang="zh-Hans">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) · Precheck</title>
        <link rel="stylesheet" href="\(PageAssets.stylesheetPath)">
        </head>
        <body>
        <header class="bar">
          <a class="title" href="/">Precheck · 预审复核</a>
          <a href="/">Applications</a>
          <a href="/openapi.yaml">API</a>
          <span class="spacer"></span>
          \(signOutForm)
        </header>
        <main>
        \(content)
        </main>
        <script src="\(PageAssets.scriptPath)"></script>
        </body>
        </html>
        """
    }

    /// A short notice box (`error` styles it red).
    static func notice(_ text: String, error: Bool = false) -> HTML {
        "<p class=\"notice\(error ? " error" : "")\">\(text)</p>"
    }

    /// `2026-11-20 14:03 UTC`.
    static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        return "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day)) \(two(parts.hour)):\(two(parts.minute)):\(two(parts.second)) UTC"
    }
}
