import Foundation
import Precheck

/// `/applications/{id}`: the verdict for a reviewer, the evidence beside
/// the form, and the reviewer's decision with its audit trail.
struct ReviewPage {
    var id: String
    var createdAt: Date
    var verdict: Verdict
    var form: ApplicationForm
    var reviews: [ReviewDecision]
    var scansPurgedAt: Date?
    var reviewer: String
    var signOut: Bool
    /// A problem with the last decision submitted (shown at the form).
    var decisionError: String?

    var html: HTML {
        let content: HTML = """
        \(summary)
        \(reasonsSection)
        \(DocumentSlot.allCases.map(documentSection))
        \(reviewSection)
        """
        return PageLayout.page(title: verdict.applicationId.isEmpty ? id : verdict.applicationId, signOut: signOut, content: content)
    }

    private var summary: HTML {
        let latest: HTML = reviews.last.map { review in
            "<div>Reviewer: <span class=\"badge \(review.action.rawValue)\">\(review.action.rawValue)</span> by \(review.reviewer)</div>"
        } ?? "<div class=\"muted\">Not reviewed yet</div>"
        return """
        <section class="card">
          <div class="summary">
            <div><h1>\(form.organization.name ?? "(no organisation name)")</h1>
            <div class="muted mono">application \(verdict.applicationId) · record \(id) · checked \(PageLayout.timestamp(createdAt)) · \(verdict.timingsMs["total"] ?? 0) ms</div></div>
            <div>Precheck: <span class="badge big \(verdict.decision.rawValue)">\(verdict.decision.rawValue)</span></div>
            \(latest)
            <div><a href="/v1/applications/\(id)">verdict JSON</a></div>
          </div>
        </section>
        """
    }

    private var reasonsSection: HTML {
        guard !verdict.reasons.isEmpty else {
            return "<section class=\"card\"><h2>Reasons · 原因</h2><p>No reasons: every rule passed.</p></section>"
        }
        let items = verdict.reasons.map { reason -> HTML in
            let location = [reason.document?.rawValue, reason.field].compactMap { $0 }.joined(separator: ".")
            let comparison: HTML = (reason.expected != nil || reason.found != nil)
                ? "<div class=\"mono\">expected: \(reason.expected ?? "–") · found: \(reason.found ?? "–")</div>"
                : .empty
            return """
            <div class="reason \(reason.severity.rawValue)">
              <div><span class="code">\(reason.code.rawValue)</span> <span class="muted">\(reason.severity.rawValue) · \(location)</span></div>
              <div class="zh">\(reason.message)</div>
              <div class="en">\(reason.messageEn)</div>
              \(comparison)
            </div>
            """
        }
        return "<section class=\"card\"><h2>Reasons · 原因</h2>\(items)</section>"
    }

    private func documentSection(_ slot: DocumentSlot) -> HTML {
        let title = FieldComparison.slotLabels[slot] ?? slot.rawValue
        guard let evidence = verdict.documents[slot] else {
            return "<section class=\"card\"><h3>\(title)</h3>\(PageLayout.notice("No file was uploaded for this slot.", error: true))</section>"
        }
        guard let reading = evidence.reading else {
            return """
            <section class="card"><h3>\(title) <span class="muted mono">\(evidence.file)</span></h3>
            \(PageLayout.notice("The file could not be read: \(evidence.error ?? "unknown problem")", error: true))</section>
            """
        }
        let image: HTML
        if let purged = scansPurgedAt {
            image = PageLayout.notice("The scan was deleted on \(PageLayout.timestamp(purged)) (retention setting); the readings remain.")
        } else {
            image = """
            <a href="/v1/applications/\(id)/documents/\(slot.rawValue)/annotated"><img src="/v1/applications/\(id)/documents/\(slot.rawValue)/annotated" alt="\(slot.rawValue) with evidence boxes"></a>
            <div class="legend"><span class="ok"><i></i>read, confirmed</span><span class="bad"><i></i>behind a reason</span><span class="ctx"><i></i>dashed box</span></div>
            """
        }
        let comparison = FieldComparison(slot: slot, verdict: verdict, form: form)
        let rows = comparison.rows.map { row -> HTML in
            let classes = [row.isMismatch ? "mismatch" : nil, row.isUnread ? "unread" : nil, row.isProblem ? "problem" : nil].compactMap { $0 }.joined(separator: " ")
            let read: HTML = row.read.map { field in
                let support: HTML = field.support.map { " · support \(Double($0), decimals: 2)" } ?? .empty
                let misread: HTML = field.read.map { " · read \($0)" } ?? .empty
                return "\(field.value) <span class=\"muted\">(\(field.confidence, decimals: 2)\(support)\(misread))</span>"
            } ?? "<span class=\"muted\">not read</span>"
            return """
            <tr class="\(classes)"><td class="key">\(row.key)<br><span class="muted">\(FieldComparison.labels[row.key] ?? "")</span></td>
            <td class="read">\(read)</td><td>\(row.claimed ?? "")</td></tr>
            """
        }
        let seals = reading.seals.map { seal -> HTML in
            let support: HTML = seal.support.map { " · support \(Double($0), decimals: 2)" } ?? .empty
            let inside: HTML = seal.insideBox.map { " · \(Int(($0 * 100).rounded()))% inside the dashed box" } ?? .empty
            return "<li>\(seal.kind.rawValue) seal (\(seal.color.rawValue)): <span class=\"mono\">\(seal.text)</span>\(support)\(inside)</li>"
        }
        return """
        <section class="card">
          <h3>\(title) <span class="muted mono">\(evidence.file) · read as \(reading.detectedType.rawValue)\(reading.isBlackAndWhiteCopy ? " · black-and-white copy" : "")</span></h3>
          <div class="document">
            <div>\(image)</div>
            <div>
              <table><thead><tr><th>Field</th><th>Read (confidence)</th><th>Form says</th></tr></thead><tbody>\(rows)</tbody></table>
              <div class="legend"><span class="diff"><i></i>differs from the form</span><span class="unread"><i></i>not read</span><span>● behind a reason</span></div>
              \(seals.isEmpty ? HTML.empty : "<h3 class=\"seals\">Seals · 印章</h3><ul>\(seals)</ul>")
            </div>
          </div>
        </section>
        """
    }

    private var reviewSection: HTML {
        let trail = reviews.reversed().map { review -> HTML in
            """
            <tr><td class="mono">\(PageLayout.timestamp(review.decidedAt))</td><td>\(review.reviewer)</td>
            <td><span class="badge \(review.action.rawValue)">\(review.action.rawValue)</span></td><td>\(review.note)</td></tr>
            """
        }
        let trailTable: HTML = trail.isEmpty
            ? "<p class=\"muted\">No decision recorded yet.</p>"
            : "<table><thead><tr><th>When</th><th>Who</th><th>What</th><th>Note</th></tr></thead><tbody>\(trail)</tbody></table>"
        return """
        <section class="card" id="review">
          <div class="columns">
            <div>
              <h2>Reviewer's decision · 审核决定</h2>
              \(decisionError.map { PageLayout.notice($0, error: true) } ?? .empty)
              <form method="post" action="/applications/\(id)/review">
                <label class="field">Reviewer · 审核人 <input type="text" name="reviewer" value="\(reviewer)" maxlength="100" required></label>
                <label><input type="radio" name="action" value="approve" required> Approve · 通过</label>
                <label><input type="radio" name="action" value="reject"> Reject · 驳回</label>
                <label class="field">Note (required to reject: what must the applicant fix?) · 备注
                  <textarea name="note" maxlength="4000"></textarea></label>
                <button class="primary" type="submit">Record decision</button>
              </form>
            </div>
            <div>
              <h2>Audit trail · 审核记录</h2>
              \(trailTable)
            </div>
          </div>
        </section>
        """
    }
}
