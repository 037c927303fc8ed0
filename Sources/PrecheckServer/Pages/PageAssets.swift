/// The review page's stylesheet and its one small script, served from
/// `/assets/` so the Content-Security-Policy can forbid inline code.
enum PageAssets {
    static let stylesheetPath = "/assets/review.css"
    static let scriptPath = "/assets/review.js"

    static let stylesheet = """
    :root { --green: #00a046; --red: #e11414; --blue: #1e64e6; --amber: #b86e00; --grey: #5f6670; --line: #d9dde3; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 14px/1.45 system-ui, "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif; color: #1d2229; background: #f4f6f8; }
    header.bar { display: flex; align-items: center; gap: 16px; padding: 8px 20px; background: #1d2733; color: #fff; }
    header.bar a { color: #fff; text-decoration: none; }
    header.bar .title { font-weight: 600; font-size: 16px; }
    header.bar .spacer { flex: 1; }
    header.bar form { margin: 0; }
    header.bar button { background: none; border: 1px solid #8894a3; color: #fff; border-radius: 4px; padding: 2px 10px; cursor: pointer; }
    main { max-width: 1360px; margin: 0 auto; padding: 16px 20px 40px; }
    section.card { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 14px 16px; margin-bottom: 16px; }
    h1 { font-size: 20px; margin: 0 0 4px; }
    h2 { font-size: 16px; margin: 0 0 10px; }
    h3 { font-size: 15px; margin: 0 0 8px; }
    h3.seals { margin-top: 12px; }
    table { border-collapse: collapse; width: 100%; }
    th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
    th { font-weight: 600; color: var(--grey); font-size: 12px; text-transform: uppercase; letter-spacing: .02em; }
    .muted { color: var(--grey); }
    .mono { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 13px; }
    .badge { display: inline-block; padding: 2px 10px; border-radius: 12px; font-weight: 600; color: #fff; font-size: 13px; }
    .badge.pre-approved, .badge.approve { background: var(--green); }
    .badge.rejected, .badge.reject { background: var(--red); }
    .badge.manual-review { background: var(--amber); }
    .badge.big { font-size: 16px; padding: 4px 14px; }
    .summary { display: flex; gap: 24px; align-items: center; flex-wrap: wrap; }
    .reason { border-left: 4px solid var(--amber); padding: 6px 10px; margin: 6px 0; background: #fffaf0; }
    .reason.reject { border-color: var(--red); background: #fff4f4; }
    .reason .code { font-weight: 600; }
    .reason .zh { font-size: 15px; }
    .reason .en { color: var(--grey); }
    .document { display: grid; grid-template-columns: fit-content(760px) minmax(0, 1fr); gap: 20px; }
    .document img { display: block; max-width: 100%; max-height: 600px; border: 1px solid var(--line); border-radius: 4px; background: #eee; }
    .legend span { display: inline-block; margin-right: 12px; font-size: 12px; }
    .legend i { display: inline-block; width: 12px; height: 12px; border: 3px solid; margin-right: 4px; vertical-align: -2px; }
    .legend .ok i { border-color: var(--green); } .legend .bad i { border-color: var(--red); } .legend .ctx i { border-color: var(--blue); }
    .legend .diff i { border: 0; background: #ffe3e3; } .legend .unread i { border: 0; background: #fff7e6; }
    tr.mismatch td { background: #ffe3e3; }
    tr.mismatch td.read { color: var(--red); font-weight: 600; }
    tr.unread td { background: #fff7e6; }
    tr.problem td.key::before { content: "● "; color: var(--red); }
    .notice { padding: 10px 12px; border-radius: 4px; background: #eef3fb; border: 1px solid #c7d6f0; }
    .notice.error { background: #fff0f0; border-color: #f1b8b8; color: #8d1010; }
    #drop-zone { border: 2px dashed #9aa5b3; border-radius: 8px; padding: 26px; text-align: center; background: #fafbfc; }
    #drop-zone.over { border-color: var(--blue); background: #eef3fb; }
    .status { margin-top: 8px; } .status.error { color: var(--red); }
    form.inline { display: inline; }
    label.field { display: block; margin: 6px 0; }
    input[type=text], input[type=password], textarea { font: inherit; padding: 5px 8px; border: 1px solid #aab3bf; border-radius: 4px; width: 100%; max-width: 420px; }
    textarea { max-width: 100%; min-height: 60px; }
    button.primary { background: var(--blue); color: #fff; border: 0; border-radius: 4px; padding: 6px 16px; font: inherit; cursor: pointer; }
    .columns { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 16px; }
    @media (max-width: 900px) { .document, .columns { grid-template-columns: 1fr; } }
    """

    /// Drag-and-drop of a folder or files onto the upload zone: the files
    /// are sent to `POST /v1/applications` and the browser opens the result.
    /// Without script the plain form on the same page does the same.
    static let script = """
    "use strict";
    (function () {
      var zone = document.getElementById("drop-zone");
      if (!zone) { return; }
      var status = document.getElementById("upload-status");
      function show(text, isError) { status.textContent = text; status.className = isError ? "status error" : "status"; }
      function fileOf(entry) { return new Promise(function (resolve, reject) { entry.file(resolve, reject); }); }
      function entriesOf(reader) { return new Promise(function (resolve, reject) { reader.readEntries(resolve, reject); }); }
      async function filesOf(entry, depth) {
        if (entry.isFile) { return [await fileOf(entry)]; }
        if (!entry.isDirectory || depth > 2) { return []; }
        var reader = entry.createReader(), files = [];
        for (;;) {
          var batch = await entriesOf(reader);
          if (batch.length === 0) { break; }
          for (var i = 0; i < batch.length; i++) { files = files.concat(await filesOf(batch[i], depth + 1)); }
        }
        return files;
      }
      async function upload(files) {
        if (files.length === 0) { show("Nothing to upload: drop the application folder or its files.", true); return; }
        var data = new FormData();
        files.forEach(function (file) { data.append("files", file, file.name); });
        show("Checking " + files.length + " files… this takes a few seconds.", false);
        try {
          var response = await fetch("/v1/applications", { method: "POST", body: data, credentials: "same-origin" });
          if (response.status === 201) { window.location.href = "/applications/" + response.headers.get("Precheck-Record-Id"); return; }
          var message = "The server answered " + response.status + ".";
          try { var body = await response.json(); if (body.message) { message = body.message; } } catch (ignored) {}
          show(message, true);
        } catch (error) { show("Upload failed: " + error, true); }
      }
      zone.addEventListener("dragover", function (event) { event.preventDefault(); zone.classList.add("over"); });
      zone.addEventListener("dragleave", function () { zone.classList.remove("over"); });
      zone.addEventListener("drop", async function (event) {
        event.preventDefault();
        zone.classList.remove("over");
        var items = Array.prototype.slice.call(event.dataTransfer.items || []), files = [];
        var entries = items.map(function (item) { return item.webkitGetAsEntry ? item.webkitGetAsEntry() : null; }).filter(Boolean);
        if (entries.length > 0) {
          for (var i = 0; i < entries.length; i++) { files = files.concat(await filesOf(entries[i], 0)); }
        } else {
          files = Array.prototype.slice.call(event.dataTransfer.files);
        }
        upload(files);
      });
    })();
    """
}
