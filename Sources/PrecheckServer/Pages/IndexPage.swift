/// `/`: upload an application, or open one of the recent ones.
struct IndexPage {
    var recent: [ApplicationSummary]
    var signOut: Bool
    var message: String?

    var html: HTML {
        let rows = recent.map { item -> HTML in
            let review: HTML = item.latestReview.map { "<span class=\"badge \($0.rawValue)\">\($0.rawValue)</span>" } ?? "<span class=\"muted\">–</span>"
            return """
            <tr><td class="mono">\(PageLayout.timestamp(item.createdAt))</td>
            <td class="mono"><a href="/applications/\(item.id)">\(item.applicationId.isEmpty ? item.id : item.applicationId)</a></td>
            <td>\(item.organizationName)</td>
            <td><span class="badge \(item.decision)">\(item.decision)</span></td><td>\(review)</td></tr>
            """
        }
        let list: HTML = rows.isEmpty
            ? "<p class=\"muted\">No applications yet: upload one above.</p>"
            : """
              <table><thead><tr><th>Checked</th><th>Application</th><th>Organisation</th><th>Precheck</th><th>Reviewer</th></tr></thead>
              <tbody>\(rows)</tbody></table>
              """
        let content: HTML = """
        \(message.map { PageLayout.notice($0, error: true) } ?? .empty)
        <section class="card">
          <h2>Check an application · 上传申请材料</h2>
          <div id="drop-zone">Drop the application's folder here (application.json and the four scans) or its files<br>
          <span class="muted">将申请文件夹或文件拖放到此处</span></div>
          <p id="upload-status" class="status" role="status"></p>
          <form id="upload-form" method="post" action="/upload" enctype="multipart/form-data">
            <label class="field">Files: <input type="file" name="files" multiple></label>
            <label class="field">or a folder: <input type="file" name="files" webkitdirectory multiple></label>
            <button class="primary" type="submit">Check</button>
          </form>
        </section>
        <section class="card">
          <h2>Recent applications · 最近的申请</h2>
          \(list)
        </section>
        """
        return PageLayout.page(title: "Applications", signOut: signOut, content: content)
    }
}
