"""A real headless Chromium over a built site served on 127.0.0.1, with axe-core for accessibility.

Nothing is downloaded here: the browser and its driver come from the system (scripts/setup-search-tests
installs them), axe-core from a PyPI package, and Selenium Manager is switched off.
"""
import functools
import http.server
import importlib.util
import os
import threading

os.environ.setdefault("SE_OFFLINE", "true")

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402

SITES = os.environ.get("CERTGUIDE_TEST_SITES") or os.path.join(os.path.dirname(__file__), "..", "..", ".build", "web-test")
CHROME = os.environ.get("CHROME_BIN", "/usr/bin/chromium")
DRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")


def axe_source():
    """axe.min.js from the installed PyPI package (axe-playwright-python bundles axe-core 4.12)."""
    for package in ("axe_playwright_python", "axe_core_python"):
        spec = importlib.util.find_spec(package)
        if spec and spec.submodule_search_locations:
            path = os.path.join(list(spec.submodule_search_locations)[0], "axe.min.js")
            if os.path.isfile(path):
                with open(path, encoding="utf-8") as f:
                    return f.read()
    raise RuntimeError("axe-core is not installed: run scripts/setup-search-tests (pip install axe-playwright-python)")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    headers_to_send = {}  # sent with every response, as a host's configuration would

    def log_message(self, *args):
        pass

    def end_headers(self):
        for name, value in self.headers_to_send.items():
            self.send_header(name, value)
        super().end_headers()


class Site:
    """A built site folder served over HTTP on a free port of 127.0.0.1, with `headers` added to
    every response."""

    def __init__(self, name, headers=None):
        self.folder = os.path.abspath(os.path.join(SITES, name))
        if not os.path.isfile(os.path.join(self.folder, "index.html")):
            raise RuntimeError(f"{self.folder} has no built site: run scripts/test-web (make test does)")
        handler = functools.partial(type("Handler", (QuietHandler,), {"headers_to_send": headers or {}}), directory=self.folder)
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"

    def url(self, path):
        return self.base + path

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def chromium(javascript=True):
    for path, what in ((CHROME, "chromium"), (DRIVER, "chromedriver")):
        if not os.path.exists(path):
            raise RuntimeError(f"{what} not found at {path}: run scripts/setup-search-tests, which installs chromium and chromium-driver")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROME
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"):
        options.add_argument(argument)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    return webdriver.Chrome(service=Service(DRIVER), options=options)


def axe_violations(driver, source):
    """Every axe violation on the page as it is now (default rules, best practices included)."""
    if not driver.execute_script("return !!window.axe"):
        driver.execute_script(source)
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map("
        "v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' '))}))), e => done(String(e)));")
    if isinstance(result, str):
        raise RuntimeError(f"axe failed: {result}")
    return result
