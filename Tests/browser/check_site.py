#!/usr/bin/env python3
"""The built guide in a real browser (make browser-test).

Builds Content/ with the built `certguide` into a temporary folder, then:
  1. axe-core on every page (no serious or critical violation) and the Nu HTML checker on every
     .html file (no error), through scripts/browser-check.py;
  2. a reader's journey in headless Chromium: filter the home page by level, open a
     certification, read its issuer in the facts box, follow a related question;
  3. scripts/screenshots over the same site, checking it writes every picture at its width.

Exit status: 0 when everything passes, 1 when a check fails, 2 when the browser tools are missing
(scripts/setup-browser installs them). Nothing is skipped quietly.
"""
import argparse
import functools
import http.server
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path

os.environ.setdefault("SE_OFFLINE", "true")  # never let selenium-manager reach out

ROOT = Path(__file__).resolve().parents[2]
CHROME = os.environ.get("CHROME_BIN", "/usr/bin/chromium")
DRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")


class CheckFailed(Exception):
    pass


def tools_missing(message):
    print(f"error: browser checks cannot run: {message} (scripts/setup-browser installs what they need)", file=sys.stderr)
    raise SystemExit(2)


def expect(condition, message):
    if not condition:
        raise CheckFailed(message)


# ------------------------------------------------------------------------------------ build
def build_site(certguide, output):
    run = subprocess.run([certguide, "build", "--content", "Content", "--templates", "Templates",
                          "--output", str(output)], cwd=ROOT, capture_output=True, text=True)
    expect(run.returncode == 0, f"certguide build failed ({run.returncode}):\n{run.stderr}")
    expect(not run.stderr.strip(), f"certguide build printed warnings:\n{run.stderr}")
    print(run.stdout.strip())


# ------------------------------------------------------------------------ axe and validator
def check_every_page(site):
    report = site.parent / "browser-check.json"
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "browser-check.py"), str(site), "--all",
                          "--validate", "--json", str(report)], capture_output=True, text=True)
    if run.returncode == 2 or not report.exists():
        print(run.stdout + run.stderr)
        tools_missing("scripts/browser-check.py reports a setup problem")
    data = json.loads(report.read_text())
    pages = data["pages"]
    serious = [(p["path"], v) for p in pages for v in p["violations"] if v["impact"] in ("serious", "critical")]
    others = sum(len(p["violations"]) for p in pages) - len(serious)
    errors = [m for m in data["validator"] or [] if m.get("type") in ("error", "non-document-error") or m.get("subType") == "fatal"]
    print(f"axe-core {data.get('axe_version')}: {len(pages)} pages, {len(serious)} serious or critical violations"
          f" ({others} minor or moderate)")
    print(f"HTML validator: {len(errors)} errors in {len(list(site.rglob('*.html')))} files")
    if run.returncode != 0:
        print(run.stdout)
    expect(len(pages) == len(list(site.rglob("*.html"))), "axe did not open every page")
    expect(not serious, "axe: " + "; ".join(f"{path}: {v['id']} ({v['impact']})" for path, v in serious))
    expect(not errors, "HTML validator: " + "; ".join(f"{m['file']}:{m.get('lastLine')} {m.get('message')}" for m in errors))
    expect(run.returncode == 0, "scripts/browser-check.py failed (output above)")


# --------------------------------------------------------------------------------- journey
class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(site):
    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def start_chromium():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROME
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--no-first-run",
                     "--disable-extensions", "--disable-background-networking", "--window-size=1280,900"]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.set_page_load_timeout(30)
    return driver


def click(driver, element):
    """As a reader would: bring the element to the middle of the window, then click it. The
    instant scroll avoids racing the stylesheet's smooth scrolling."""
    driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element)
    element.click()


def static_cards(site):
    """The home page as a browser without JavaScript gets it."""
    html = (site / "index.html").read_text()
    return html, re.findall(r'<li class="card" data-level="([a-z]+)"', html)


def journey(site):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    steps = []
    certifications = sorted(p.parent.name for p in (site / "certifications").glob("*/index.html"))
    html, levels = static_cards(site)
    expect(len(levels) == len(certifications), f"home lists {len(levels)} cards for {len(certifications)} certifications")
    expect(re.search(r'<div class="filters" data-filters hidden>', html), "filters are not hidden without JavaScript")
    steps.append(f"without JavaScript the home page lists all {len(levels)} certifications")

    # A level that several but not all certifications have, so that filtering by it shows a change.
    choices = [l for l in dict.fromkeys(levels) if levels.count(l) < len(levels)]
    expect(choices, "every certification has the same level: the level filter cannot be tried")
    level = max(choices, key=lambda l: (min(levels.count(l), len(levels) - levels.count(l)), l))
    server, base = serve(site)
    driver = start_chromium()
    wait = WebDriverWait(driver, 10)
    try:
        driver.get(base + "/")
        box = driver.find_element(By.CSS_SELECTOR, "[data-filters]")
        expect(box.is_displayed(), "the filters do not appear with JavaScript on")
        cards = driver.find_elements(By.CSS_SELECTOR, ".level-group li.card")
        expect(sum(c.is_displayed() for c in cards) == len(levels), "not every card shows before filtering")

        checkbox = box.find_element(By.CSS_SELECTOR, f'input[name="level"][value="{level}"]')
        click(driver, checkbox.find_element(By.XPATH, "./ancestor::label"))
        wait.until(lambda d: f"level={level}" in d.current_url)
        shown = [c for c in cards if c.is_displayed()]
        expect(len(shown) == levels.count(level), f"{len(shown)} cards shown for level {level}, expected {levels.count(level)}")
        expect(all(c.get_attribute("data-level") == level for c in shown), f"a card of another level shows under {level}")
        status = box.find_element(By.CSS_SELECTOR, ".filter-status").text
        expect(status == f"Showing {len(shown)} of {len(levels)} certifications", f"filter status reads {status!r}")
        steps.append(f"ticking level {level!r} leaves only its {len(shown)} of {len(levels)} cards and puts ?level={level} in the URL")

        filtered_url = driver.current_url
        driver.get(filtered_url)  # a shared link opens the same view
        cards = driver.find_elements(By.CSS_SELECTOR, ".level-group li.card")
        expect(sum(c.is_displayed() for c in cards) == levels.count(level), "reopening the filtered URL loses the filter")
        steps.append("reopening that URL shows the same cards")

        card = next(c for c in cards if c.is_displayed())
        link = card.find_element(By.CSS_SELECTOR, ".card-title a")
        title, href = link.text, link.get_attribute("href")
        issuer = card.find_element(By.XPATH, './/dt[.="Issuer"]/following-sibling::dd').text
        click(driver, link)
        wait.until(lambda d: d.current_url == href)
        facts = driver.find_element(By.CSS_SELECTOR, "article.entry section.facts")
        body = driver.find_element(By.CSS_SELECTOR, "article.entry .entry-body")
        expect(driver.execute_script("return !!(arguments[0].compareDocumentPosition(arguments[1]) & 4)", facts, body),
               "the facts box does not come before the body")
        # The issuer as named, without the source numbers and cautions beside it.
        shown_issuer = driver.execute_script(
            "var dd = arguments[0].cloneNode(true);"
            "dd.querySelectorAll('.cite, .caution').forEach(function (e) { e.remove(); });"
            "return dd.textContent.trim();",
            facts.find_element(By.XPATH, './/dt[.="Issuer"]/following-sibling::dd'))
        expect(facts.is_displayed() and shown_issuer == issuer, f"facts box shows issuer {shown_issuer!r}, the card said {issuer!r}")
        steps.append(f"{title!r} opens with its facts box first, issuer {issuer!r}")

        related = driver.find_elements(By.CSS_SELECTOR, 'section.related a[href^="/faq/"]')
        related = [a for a in related if a.get_attribute("pathname") != "/faq/"]
        expect(related, f"{title!r} lists no related question")
        question, faq_href = related[0].text, related[0].get_attribute("href")
        click(driver, related[0])
        wait.until(lambda d: d.current_url == faq_href)
        heading = driver.find_element(By.TAG_NAME, "h1").text
        expect(heading == question, f"the question page is headed {heading!r}, the link said {question!r}")
        back = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "section.related .card-title a")]
        expect(href in back, f"the question does not link back to {title!r}")
        steps.append(f"its related question {question!r} opens under that heading and links back")

        errors = [e["message"] for e in driver.get_log("browser")
                  if e.get("level") == "SEVERE" and "/favicon.ico" not in e.get("message", "")]
        expect(not errors, "browser console errors: " + "; ".join(errors))
    finally:
        driver.quit()
        server.shutdown()
    for step in steps:
        print(f"  ok  {step}")
    print(f"journey: {len(steps)} steps passed")


# ----------------------------------------------------------------------------- screenshots
def png_width(path):
    with open(path, "rb") as f:
        head = f.read(24)
    expect(head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG")
    return struct.unpack(">I", head[16:20])[0]


def check_screenshots(site):
    out = site.parent / "screenshots"
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "screenshots"), "--site", str(site), "--out", str(out)],
                         capture_output=True, text=True)
    expect(run.returncode == 0, f"scripts/screenshots failed:\n{run.stdout}{run.stderr}")
    shots = sorted(out.glob("*.png"))
    expect(len(shots) == 6, f"scripts/screenshots wrote {[s.name for s in shots]}")
    for shot in shots:
        width = int(re.search(r"-(\d+)\.png$", shot.name).group(1))
        expect(png_width(shot) == width, f"{shot.name} is {png_width(shot)} px wide")
    print(f"screenshots: {len(shots)} pictures at 1280 and 390 px")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--certguide", help="the built certguide (default: from swift build --show-bin-path)")
    parser.add_argument("--keep", metavar="DIR", help="build into DIR and keep it, instead of a temporary folder")
    args = parser.parse_args()
    certguide = args.certguide or os.path.join(
        subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip(),
        "certguide")
    try:
        import selenium  # noqa: F401
    except ImportError:
        tools_missing("the selenium package is not installed")
    if not (os.path.isfile(CHROME) and os.path.isfile(DRIVER)):
        tools_missing(f"no {CHROME} or no {DRIVER}")

    work = Path(args.keep).resolve() if args.keep else Path(tempfile.mkdtemp(prefix="certguide-browser-"))
    site = work / "site"
    started = time.time()
    try:
        phases = [("build", lambda: build_site(certguide, site)), ("axe and validator", lambda: check_every_page(site)),
                  ("journey", lambda: journey(site)), ("screenshots", lambda: check_screenshots(site))]
        for phase, run in phases:
            began = time.time()
            run()
            print(f"  ({phase}: {time.time() - began:.1f} s)")
    except CheckFailed as failure:
        print(f"\nFAIL: {failure}")
        print("RESULT: FAIL")
        return 1
    except Exception:  # a browser or driver error fails the run as loudly as a failed check
        traceback.print_exc()
        print("RESULT: FAIL")
        return 1
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(f"RESULT: PASS in {time.time() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
