import Foundation
import Precheck

/// The `--report` page: one self-contained HTML file for reviewers, with
/// the applications grouped by decision (manual review first, then
/// rejected, error, pre-approved), each with its reasons in Chinese and
/// English and thumbnails of its scans with the evidence boxes drawn.
///
/// Built at the end of a run from the counted lines of `results.jsonl` and
/// the thumbnails kept beside the report, so a resumed run's page covers the
/// earlier runs too. Everything taken from the inputs is HTML-escaped;
/// pictures are inline `data:` URLs, so the page needs nothing else.
public struct ReviewReport {
    public static let groups: [(Decision, String)] = [
        (.manualReview, "Manual review · 人工审核"), (.rejected, "Rejected · 驳回"),
        (.error, "Could not be processed · 无法处理"), (.preApproved, "Pre-approved · 预审通过"),
    ]

    let results: FinalResults
    let resultsURL: URL
    let thumbnailsURL: URL?

    /// Writes the page to `url`.
    public func write(to url: URL) throws {
        let thumbnails = try thumbnailIndex()
        let out = try PageWriter(url: url)
        guard let resultsHandle = FileHandle(forReadingAtPath: resultsURL.path) else {
            throw BatchError.cannotWrite(url.path, "cannot read \(resultsURL.path) back")
        }
        defer { try? resultsHandle.close() }
        let thumbnailsHandle = thumbnailsURL.flatMap { FileHandle(forReadingAtPath: $0.path) }
        defer { try? thumbnailsHandle?.close() }

        try out.write(header())
        let decoder = JSONDecoder()
        for (decision, title) in Self.groups {
            let entries = results.entries.filter { $0.record.decision == decision }.sorted { $0.record.source < $1.record.source }
            guard !entries.isEmpty else { continue }
            try out.write("<section id=\"\(decision.rawValue)\"><h2>\(HTMLText.escaped(title)) <span class=\"count\">\(entries.count)</span></h2>\n")
            for entry in entries {
                let line = try JSONLinesFile.line(in: resultsHandle, at: entry.offset, length: entry.length)
                let verdict = decision == .error ? nil : try? decoder.decode(Verdict.self, from: Data(line))
                var pictures: ThumbnailRecord?
                if let hash = entry.record.contentSha256, let place = thumbnails["\(entry.record.source)\u{0}\(hash)"],
                   let thumbnailsHandle {
                    pictures = try? decoder.decode(ThumbnailRecord.self,
                                                   from: Data(JSONLinesFile.line(in: thumbnailsHandle, at: place.offset, length: place.length)))
                }
                try out.write(article(entry.record, verdict: verdict, thumbnails: pictures))
            }
            try out.write("</section>\n")
        }
        try out.write("</main></body></html>\n")
        try out.close()
    }

    /// Where each application's thumbnails are in the side file (the last
    /// line for a source and hash counts).
    private func thumbnailIndex() throws -> [String: (offset: UInt64, length: Int)] {
        guard let thumbnailsURL else { return [:] }
        struct Key: Decodable { let source: String; let contentSha256: String }
        var index: [String: (UInt64, Int)] = [:]
        let decoder = JSONDecoder()
        try JSONLinesFile.forEachLine(in: thumbnailsURL) { line, offset in
            guard let key = try? decoder.decode(Key.self, from: Data(line)) else { return }
            index["\(key.source)\u{0}\(key.contentSha256)"] = (offset, line.count)
        }
        return index
    }

    private func header() -> String {
        let counts = results.counts
        let navigation = Self.groups.map { decision, title in
            "<a class=\"badge \(decision.rawValue)\" href=\"#\(decision.rawValue)\">\(HTMLText.escaped(title)): \(counts[decision] ?? 0)</a>"
        }.joined(separator: " ")
        return """
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Precheck batch report · 批量预审报告</title>
        <style>\(Self.style)</style></head>
        <body><header>
        <h1>Precheck batch report · 批量预审报告</h1>
        <p>\(results.entries.count) applications from <code>\(HTMLText.escaped(resultsURL.lastPathComponent))</code></p>
        <nav>\(navigation)</nav>
        <p class="legend"><span class="key confirmed"></span> read and confirmed · 已识别并核对
        <span class="key problem"></span> behind a reason · 驳回或存疑的依据
        <span class="key context"></span> context (the letter's dashed box) · 参考（授权书虚线框）</p>
        </header><main>

        """
    }

    private func article(_ record: ResultRecord, verdict: Verdict?, thumbnails: ThumbnailRecord?) -> String {
        var html = "<article class=\"application\"><h3><span class=\"badge \(record.decision.rawValue)\">\(record.decision.rawValue)</span> "
        html += "<span class=\"source\">\(HTMLText.escaped(record.source))</span></h3>\n"
        if let id = record.applicationId, !id.isEmpty {
            html += "<p class=\"id\">applicationId <code>\(HTMLText.escaped(id))</code></p>\n"
        }
        if let error = record.error {
            html += "<p class=\"error\"><code>\(HTMLText.escaped(record.errorCode ?? "ERROR"))</code> \(HTMLText.escaped(error))</p>\n"
        }
        if let verdict {
            html += reasons(verdict)
            html += documentErrors(verdict)
        }
        if let thumbnails {
            html += thumbnails.documents.isEmpty ? "<p class=\"note\">No scans to show.</p>\n"
                : "<div class=\"scans\">" + thumbnails.documents.map(figure).joined() + "</div>\n"
        } else if record.decision != .error {
            html += "<p class=\"note\">No thumbnails: this application was checked in a run without --report.</p>\n"
        }
        return html + "</article>\n"
    }

    private func reasons(_ verdict: Verdict) -> String {
        guard !verdict.reasons.isEmpty else { return "<p class=\"note\">No reasons: every rule passed.</p>\n" }
        var html = "<ul class=\"reasons\">\n"
        for reason in verdict.reasons {
            let place = [reason.document?.rawValue, reason.field].compactMap { $0 }.joined(separator: ".")
            html += "<li class=\"\(reason.severity.rawValue)\"><code>\(HTMLText.escaped(reason.code.rawValue))</code>"
            if !place.isEmpty { html += " <span class=\"place\">\(HTMLText.escaped(place))</span>" }
            if reason.expected != nil || reason.found != nil {
                html += " <span class=\"values\">expected <q>\(HTMLText.escaped(reason.expected ?? "–"))</q> found <q>\(HTMLText.escaped(reason.found ?? "–"))</q></span>"
            }
            html += "<br><span lang=\"zh\">\(HTMLText.escaped(reason.message))</span><br><span lang=\"en\">\(HTMLText.escaped(reason.messageEn))</span></li>\n"
        }
        return html + "</ul>\n"
    }

    private func documentErrors(_ verdict: Verdict) -> String {
        let lines = verdict.documents.sorted { $0.key < $1.key }.compactMap { slot, evidence in
            evidence.error.map { "<li><code>\(slot.rawValue)</code> \(HTMLText.escaped(evidence.file)): \(HTMLText.escaped($0))</li>" }
        }
        return lines.isEmpty ? "" : "<ul class=\"document-errors\">\(lines.joined())</ul>\n"
    }

    private func figure(_ document: DocumentThumbnail) -> String {
        let caption = "<figcaption><code>\(document.slot.rawValue)</code> \(HTMLText.escaped(document.file))</figcaption>"
        guard let jpeg = document.jpegBase64 else {
            return "<figure class=\"missing\"><div class=\"nothumb\">\(HTMLText.escaped(document.problem ?? "no picture"))</div>\(caption)</figure>"
        }
        var svg = "<svg viewBox=\"0 0 \(document.width) \(document.height)\" preserveAspectRatio=\"none\" aria-hidden=\"true\">"
        let fontSize = max(12, max(document.width, document.height) / 28)
        for mark in document.marks where mark.box.count == 4 {
            let label = HTMLText.escaped(mark.label), status = HTMLText.escaped(mark.status)
            svg += "<rect class=\"\(status)\" x=\"\(mark.box[0])\" y=\"\(mark.box[1])\" width=\"\(mark.box[2])\" height=\"\(mark.box[3])\"><title>\(label)</title></rect>"
            if mark.status == EvidenceMark.Status.problem.rawValue {
                svg += "<text class=\"\(status)\" x=\"\(mark.box[0])\" y=\"\(max(fontSize, mark.box[1] - 4))\" font-size=\"\(fontSize)\">\(label)</text>"
            }
        }
        svg += "</svg>"
        return "<figure><div class=\"thumb\"><img alt=\"\(document.slot.rawValue)\" width=\"\(document.width)\" height=\"\(document.height)\" src=\"data:image/jpeg;base64,\(jpeg)\">\(svg)</div>\(caption)</figure>"
    }

    static let style = """
    body{font:14px/1.45 system-ui,"Noto Sans CJK SC","WenQuanYi Zen Hei",sans-serif;margin:0;color:#1d2327;background:#f4f5f7}
    header{background:#fff;border-bottom:1px solid #d8dce0;padding:12px 24px;position:sticky;top:0;z-index:2}
    h1{font-size:20px;margin:0 0 4px}h2{font-size:17px;margin:24px 0 8px}h3{font-size:15px;margin:0 0 6px;word-break:break-all}
    main{padding:0 24px 24px}nav{margin:6px 0}.count{color:#646970;font-weight:normal}
    .badge{display:inline-block;border-radius:4px;padding:1px 8px;color:#fff;font-size:12px;text-decoration:none;margin-right:4px}
    .badge.pre-approved{background:#00a046}.badge.rejected{background:#d63638}.badge.manual-review{background:#dba617}.badge.error{background:#50575e}
    .legend{color:#50575e;margin:4px 0 0}.key{display:inline-block;width:14px;height:10px;border:3px solid;margin:0 4px 0 10px;vertical-align:middle}
    .key.confirmed{border-color:#00a046}.key.problem{border-color:#e11414}.key.context{border-color:#1e64e6}
    article{background:#fff;border:1px solid #d8dce0;border-radius:6px;padding:12px 16px;margin:10px 0}
    .id{margin:0;color:#50575e}p.error{color:#b32d2e}.note{color:#646970;font-style:italic}
    .reasons{margin:6px 0;padding-left:18px}.reasons li{margin:4px 0}.reasons li.reject code{color:#b32d2e}.reasons li.review code{color:#996800}
    .place{color:#2271b1}.values{color:#50575e}.document-errors{color:#b32d2e}
    .scans{display:grid;grid-template-columns:repeat(auto-fill,minmax(230px,1fr));gap:10px;margin-top:8px}
    figure{margin:0}figcaption{font-size:12px;color:#50575e;word-break:break-all}
    .thumb{position:relative;border:1px solid #d8dce0;background:#fafafa}.thumb img{display:block;width:100%;height:auto}
    .thumb svg{position:absolute;left:0;top:0;width:100%;height:100%}
    .thumb rect{fill:transparent;stroke:none}.thumb rect:hover{fill:rgba(255,255,0,.25)}
    .thumb text{fill:#e11414;font-weight:bold;paint-order:stroke;stroke:#fff;stroke-width:4px}
    .nothumb{padding:30px 8px;color:#b32d2e;border:1px dashed #d8dce0;font-size:12px}
    """
}

/// Writes the page in pieces through a buffer.
private final class PageWriter {
    private let handle: FileHandle
    private let url: URL
    private var buffer: [UInt8] = []

    init(url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil), let handle = FileHandle(forWritingAtPath: url.path) else {
            throw BatchError.cannotWrite(url.path, "cannot create the file")
        }
        self.handle = handle
        self.url = url
    }

    func write(_ text: String) throws {
        buffer += Array(text.utf8)
        if buffer.count > 1 << 20 { try flush() }
    }

    func close() throws {
        try flush()
        try handle.close()
    }

    private func flush() throws {
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
