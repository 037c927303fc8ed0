#!/usr/bin/env python3
"""The review page in a real browser: headless Chromium signs in, uploads a
sample application through the page's file input, waits for the verdict
page with its annotated scans, records a reviewer's decision through the
page's form, checks what the page shows and saves a screenshot; then drops
a second sample's files on the page's drop zone (the script's upload path).

Drives Chromium over the DevTools protocol (--remote-debugging-port).
Needs Debian's `chromium` (apt-get install chromium) and PyPI's
`websocket-client` (pip install websocket-client); not part of
scripts/test.sh.

    precheck serve --port 8090 --data /tmp/review-data &     # with PRECHECK_TOKEN=… for --token
    scripts/review-page-browser-test.py --server http://127.0.0.1:8090 \\
        --sample samples/APP-0022 --out docs/review-page.png [--token …]

Exits 0 when every check passed, 1 otherwise (the failures are printed).
"""
import argparse
import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

import websocket  # websocket-client


class DevTools:
    """A minimal synchronous Chrome DevTools Protocol client for one page."""

    def __init__(self, url):
        self.socket = websocket.create_connection(url, timeout=60)
        self.next_id = 0

    def call(self, method, **params):
        self.next_id += 1
        self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression, what, timeout=120):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                if self.evaluate(expression):
                    return
            except RuntimeError:
                pass  # the page is navigating
            time.sleep(0.25)
        raise TimeoutError(f"waited {timeout} s for {what}")


def start_chromium(binary, port, profile):
    command = [binary, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
               "--no-first-run", "--no-default-browser-check", f"--remote-debugging-port={port}",
               f"--user-data-dir={profile}", "--window-size=1366,900", "--lang=zh-CN", "about:blank"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=2) as response:
                pages = [target for target in json.load(response) if target.get("type") == "page"]
            if pages:
                return process, pages[0]["webSocketDebuggerUrl"]
        except OSError:
            pass
        time.sleep(0.25)
    process.kill()
    raise RuntimeError("chromium did not open its DevTools port")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--server", default="http://127.0.0.1:8090")
    parser.add_argument("--sample", default="samples/APP-0022")
    parser.add_argument("--out", default="docs/review-page.png")
    parser.add_argument("--token", help="the server's token, when it has one (signs in on /login)")
    parser.add_argument("--reviewer", default="审核员 Li")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    parser.add_argument("--port", type=int, default=9333)
    parser.add_argument("--height", type=int, default=0, help="screenshot height in px (0: the whole page)")
    parser.add_argument("--drop-sample", default="samples/APP-0003",
                        help="a second sample, dropped as files on the page's drop zone (the script's upload path); '' to skip")
    args = parser.parse_args()

    sample = os.path.abspath(args.sample)
    form = json.load(open(os.path.join(sample, "application.json"), encoding="utf-8"))
    files = [os.path.join(sample, "application.json")] + [os.path.join(sample, name) for name in form["documents"].values()]
    truth_path = os.path.join(sample, "truth.json")
    truth = json.load(open(truth_path, encoding="utf-8")) if os.path.exists(truth_path) else {}

    passes, failures = [], []

    def check(condition, message):
        print(("ok   " if condition else "FAIL ") + message)
        (passes if condition else failures).append(message)

    profile = tempfile.mkdtemp(prefix="precheck-chromium-")
    process, url = start_chromium(args.chromium, args.port, profile)
    try:
        page = DevTools(url)
        page.call("Page.enable")
        page.call("Runtime.enable")
        page.call("Emulation.setDeviceMetricsOverride", width=1366, height=900, deviceScaleFactor=1, mobile=False)

        if args.token:
            page.call("Page.navigate", url=f"{args.server}/")
            page.wait_for("location.pathname === '/login' && document.readyState === 'complete'", "the login page")
            check(True, "without the token cookie, / sends the browser to /login")
            page.evaluate(f"""(() => {{
                document.querySelector('input[name=token]').value = {json.dumps(args.token)};
                document.querySelector('input[name=reviewer]').value = {json.dumps(args.reviewer)};
                document.querySelector('form[action="/login"]').submit(); }})()""")
        else:
            page.call("Page.navigate", url=f"{args.server}/")
        page.wait_for("location.pathname === '/' && document.getElementById('upload-form') !== null && document.readyState === 'complete'",
                      "the index page")
        check(True, "the index page with the upload form loads")

        # The plain file input: choose the application's files as a person would, and submit.
        document = page.call("DOM.getDocument")
        node = page.call("DOM.querySelector", nodeId=document["root"]["nodeId"],
                         selector="#upload-form input[type=file]:not([webkitdirectory])")["nodeId"]
        page.call("DOM.setFileInputFiles", nodeId=node, files=files)
        started = time.monotonic()
        page.evaluate("document.getElementById('upload-form').submit()")
        page.wait_for("location.pathname.startsWith('/applications/') && document.readyState === 'complete'", "the verdict page")
        page.wait_for("Array.from(document.images).every(image => image.complete)", "the annotated scans")
        print(f"     upload to verdict page: {time.monotonic() - started:.1f} s")

        decision = page.evaluate("document.querySelector('.badge.big').textContent")
        check(decision in ("pre-approved", "rejected", "manual-review"), f"the page shows the decision ({decision})")
        if truth.get("expectedDecision"):
            check(decision == truth["expectedDecision"], f"the decision is the sample's expected one ({truth['expectedDecision']})")
        codes = page.evaluate("Array.from(document.querySelectorAll('.reason .code')).map(e => e.textContent)")
        for code in truth.get("expectedReasons", []):
            check(code in codes, f"the page lists the reason {code}")
        if codes:
            bilingual = page.evaluate("Array.from(document.querySelectorAll('.reason')).every(r => r.querySelector('.zh').textContent.trim().length > 0 && r.querySelector('.en').textContent.trim().length > 0)")
            check(bilingual, "every reason is shown in Chinese and English")
        images = page.evaluate("Array.from(document.images).map(i => [i.naturalWidth, i.naturalHeight])")
        check(len(images) >= 1 and all(width > 0 for width, _ in images), f"the annotated scans are drawn ({len(images)} images: {images})")
        mismatches = page.evaluate("Array.from(document.querySelectorAll('tr.mismatch td.key')).map(e => e.firstChild.textContent)")
        print(f"     fields highlighted as differing from the form: {mismatches}")
        if decision == "rejected" and any(code.endswith("_MISMATCH") for code in codes):
            check(len(mismatches) > 0, "a mismatch reason comes with a highlighted field")

        # Record a decision through the page's form.
        page.evaluate(f"""(() => {{
            const form = document.querySelector('form[action$="/review"]');
            form.querySelector('input[name=reviewer]').value = {json.dumps(args.reviewer)};
            form.querySelector('input[value=reject]').checked = true;
            form.querySelector('textarea[name=note]').value = '身份证姓名与申请表不一致，请核对后重新提交 (ID name differs from the form)';
            form.submit(); }})()""")
        page.wait_for("location.hash === '#review' && document.readyState === 'complete' && Array.from(document.images).every(i => i.complete)",
                      "the page after the decision")
        trail = page.evaluate("Array.from(document.querySelectorAll('#review tbody tr')).map(r => r.textContent.replace(/\\s+/g, ' ').trim())")
        check(any(args.reviewer in line and "reject" in line for line in trail), f"the audit trail shows the decision ({trail[:1]})")

        page.evaluate("window.scrollTo(0, 0)")
        height = args.height or int(page.evaluate("document.documentElement.scrollHeight"))
        page.call("Emulation.setDeviceMetricsOverride", width=1366, height=height, deviceScaleFactor=1, mobile=False)
        time.sleep(0.5)
        shot = page.call("Page.captureScreenshot", format="png", captureBeyondViewport=False)
        os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
        with open(args.out, "wb") as file:
            file.write(base64.b64decode(shot["data"]))
        print(f"     screenshot {args.out}: 1366x{height}")

        if args.drop_sample:
            # The drop zone: the files dragged onto it go through the page's script to POST /v1/applications.
            dropped = os.path.abspath(args.drop_sample)
            dropped_form = json.load(open(os.path.join(dropped, "application.json"), encoding="utf-8"))
            dropped_files = [os.path.join(dropped, "application.json")] + [os.path.join(dropped, name) for name in dropped_form["documents"].values()]
            page.call("Emulation.setDeviceMetricsOverride", width=1366, height=900, deviceScaleFactor=1, mobile=False)
            page.call("Page.navigate", url=f"{args.server}/")
            page.wait_for("location.pathname === '/' && document.getElementById('drop-zone') !== null && document.readyState === 'complete'",
                          "the index page again")
            x, y = page.evaluate("(() => { const r = document.getElementById('drop-zone').getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()")
            drag = {"items": [], "files": dropped_files, "dragOperationsMask": 1}
            for kind in ("dragEnter", "dragOver", "drop"):
                page.call("Input.dispatchDragEvent", type=kind, x=x, y=y, data=drag)
            page.wait_for("location.pathname.startsWith('/applications/') && document.readyState === 'complete'", "the dropped application's page")
            dropped_decision = page.evaluate("document.querySelector('.badge.big').textContent")
            dropped_truth_path = os.path.join(dropped, "truth.json")
            expected = json.load(open(dropped_truth_path, encoding="utf-8")).get("expectedDecision") if os.path.exists(dropped_truth_path) else None
            check(dropped_decision == expected if expected else dropped_decision in ("pre-approved", "rejected", "manual-review"),
                  f"files dropped on the drop zone are checked ({os.path.basename(dropped)}: {dropped_decision})")
            recent = page.evaluate("fetch('/v1/applications').then(r => r.json()).then(b => b.applications.length)")
            check(recent >= 2, f"both uploads are stored ({recent} applications listed)")
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        shutil.rmtree(profile, ignore_errors=True)

    print(f"browser checks: {len(passes)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
