"""The preview's editor (issue 20) in headless Chromium against a real `certguide serve` writing
real files in a git repository: edit a certification's cost and add an eligibility row, save, see
the page reload with them and `git diff` show only those lines; invalid values shown at their
fields with nothing written; requests without the token, from another origin or to paths outside
the content folder refused with nothing written; axe on the form at 1280 and 390 px (screenshots
of both go to .build/editor-screenshots/); a new question from the same form, written as `certguide new`
would write it."""
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
import unittest
import urllib.error
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from browser import axe_source, axe_violations, chromium

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
CERTGUIDE = os.environ.get("CERTGUIDE_BIN") or os.path.join(ROOT, ".build", "debug", "certguide")
SHOTS = os.path.join(ROOT, ".build", "editor-screenshots")
ENTRY = "Content/certifications/alpha-technician.md"


def git(folder, *args):
    return subprocess.run(["git", "-C", folder, *args], check=True, capture_output=True, text=True).stdout


class EditingInTheBrowser(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.mkdtemp(prefix="certguide-editor-")
        shutil.copytree(os.path.join(ROOT, "Tests", "Fixtures", "basic", "Content"), os.path.join(cls.folder, "Content"))
        shutil.copytree(os.path.join(ROOT, "Templates"), os.path.join(cls.folder, "Templates"))
        git(cls.folder, "init", "-q")
        git(cls.folder, "add", "Content")
        git(cls.folder, "-c", "user.name=test", "-c", "user.email=test@example.org", "commit", "-qm", "guide")
        cls.server = subprocess.Popen([CERTGUIDE, "serve", "--port", "0"], cwd=cls.folder,
                                      stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        cls.base = None
        deadline = time.time() + 60
        while time.time() < deadline and cls.base is None:
            line = cls.server.stdout.readline()
            match = re.search(r"at (http://127\.0\.0\.1:\d+)/", line)
            if match:
                cls.base = match.group(1)
        if cls.base is None:
            cls.server.kill()
            raise RuntimeError("certguide serve did not start")
        cls.axe = axe_source()
        cls.driver = chromium()
        cls.driver.set_script_timeout(30)
        os.makedirs(SHOTS, exist_ok=True)

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        cls.server.terminate()
        cls.server.wait(10)
        shutil.rmtree(cls.folder, ignore_errors=True)

    # Helpers
    def entry_text(self):
        with open(os.path.join(self.folder, ENTRY), encoding="utf-8") as f:
            return f.read()

    def open_form(self):
        self.driver.set_window_size(1280, 900)
        self.driver.get(self.base + "/certifications/alpha-technician/")
        self.driver.find_element(By.LINK_TEXT, "Edit this certification").click()
        WebDriverWait(self.driver, 10).until(lambda d: d.find_elements(By.ID, "entry-form"))
        WebDriverWait(self.driver, 10).until(lambda d: d.execute_script(
            "return document.querySelector('#f-eligibility---1') !== null"))

    def click(self, element):
        """Clicks as a reader would after scrolling it into view (clear of the sticky Save bar)."""
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
        element.click()

    def field(self, element_id):
        return self.driver.find_element(By.ID, element_id)

    def replace(self, element_id, text):
        element = self.field(element_id)
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
        element.clear()
        element.send_keys(text)

    def save_expecting_error(self, element_id):
        """Saves and returns the error shown for the field `element_id`."""
        self.driver.find_element(By.CSS_SELECTOR, "button.save").click()
        WebDriverWait(self.driver, 10).until(lambda d: d.find_element(By.ID, "summary").is_displayed())
        control = self.field(element_id)
        self.assertEqual(control.get_attribute("aria-invalid"), "true")
        return self.driver.execute_script(
            "const field = arguments[0].closest('.field');"
            "const error = field.querySelector('.error'); return error.hidden ? '' : error.textContent;", control)

    def post(self, payload, headers):
        request = urllib.request.Request(self.base + "/__certguide/save", data=json.dumps(payload).encode(), headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code

    # Tests, in the order of the issue
    def test_1_edit_cost_and_add_an_eligibility_row(self):
        before = self.entry_text()
        self.open_form()
        self.replace("f-cost-min", "180")
        self.click(self.driver.find_element(By.XPATH, "//button[normalize-space()='Add to eligibility']"))
        WebDriverWait(self.driver, 5).until(lambda d: d.find_elements(By.ID, "f-eligibility---2"))
        self.field("f-eligibility---2").send_keys("A reference from a supervisor")
        self.driver.find_element(By.CSS_SELECTOR, "button.save").click()
        WebDriverWait(self.driver, 15).until(lambda d: d.current_url.endswith("/certifications/alpha-technician/"))
        WebDriverWait(self.driver, 15).until(lambda d: "A reference from a supervisor" in d.page_source)
        self.assertIn("180", self.driver.find_element(By.TAG_NAME, "main").text)
        diff = git(self.folder, "diff", "--unified=0", "--", ENTRY)
        changed = [line for line in diff.splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---"))]
        print("\n  git diff after the save:\n    " + "\n    ".join(changed))
        self.assertEqual(changed, ["-  min: 175", "+  min: 180", "+  - A reference from a supervisor"])
        self.assertEqual(self.entry_text(), before.replace("  min: 175\n", "  min: 180\n").replace(
            "  - Two years of library work\n", "  - Two years of library work\n  - A reference from a supervisor\n"))

    def test_2_invalid_values_are_shown_at_their_fields_and_nothing_is_written(self):
        for element_id, value, expected in (
            ("f-cost-min", "17o", "`cost.min` must be a number from 0 to 1,000,000, not `17o`"),
            ("f-topics---2", "referense services", "unknown topic `referense services`; did you mean `reference services`?"),
            ("f-issuer", "", "missing required field `issuer`"),
        ):
            before = self.entry_text()
            self.open_form()
            self.replace(element_id, value)
            shown = self.save_expecting_error(element_id)
            print(f"\n  {element_id} = {value!r}: {shown}")
            self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", self.field(element_id))
            self.driver.save_screenshot(os.path.join(SHOTS, f"editor-error-{element_id}.png"))
            self.assertIn(expected, shown)
            self.assertTrue(shown.startswith(ENTRY + ":"), shown)
            self.assertEqual(self.entry_text(), before, "the file must stay as it was")

    def test_3_refused_requests_write_nothing(self):
        status = git(self.folder, "status", "--porcelain")
        self.open_form()
        token = self.driver.execute_script("return document.getElementById('entry-form').dataset.token")
        base = self.driver.execute_script("return document.getElementById('entry-form').dataset.base")
        good = {"Content-Type": "application/json", "Origin": self.base, "X-CertGuide-Token": token}
        payload = {"folder": "certifications", "slug": "alpha-technician", "base": base,
                   "values": {"title": "Hijacked", "issuer": "x", "summary": "x", "level": "support", "verified": "2026-01-01"}}
        cases = [
            ("no token", payload, {k: v for k, v in good.items() if k != "X-CertGuide-Token"}, 403),
            ("foreign Origin", payload, {**good, "Origin": "http://evil.example"}, 403),
            ("../ slug", {**payload, "slug": "../../escaped"}, good, 400),
            ("../ folder", {**payload, "folder": "../Templates"}, good, 400),
        ]
        for name, body, headers, expected in cases:
            got = self.post(body, headers)
            print(f"\n  {name}: {got}")
            self.assertEqual(got, expected, name)
        self.assertEqual(git(self.folder, "status", "--porcelain"), status)
        self.assertFalse(any("escaped" in name for _, _, names in os.walk(self.folder) for name in names))

    def test_4_form_is_accessible_and_body_preview_follows(self):
        self.open_form()
        for width in (1280, 390):
            self.driver.set_window_size(width, 900)
            time.sleep(0.3)
            height = self.driver.execute_script("return document.documentElement.scrollHeight")
            self.driver.set_window_size(width, min(height, 6000))
            self.driver.save_screenshot(os.path.join(SHOTS, f"editor-{width}.png"))
            # And screen by screen, as a phone shows it.
            self.driver.set_window_size(width, 900)
            for index, anchor in enumerate(("f-title", "f-cost-min", "f-verified", "f-body")):
                self.driver.execute_script("arguments[0].scrollIntoView({block: 'start'})", self.field(anchor))
                self.driver.save_screenshot(os.path.join(SHOTS, f"editor-{width}-screen{index + 1}.png"))
            self.assertLessEqual(self.driver.execute_script("return document.documentElement.scrollWidth"), width,
                                 f"the form scrolls sideways at {width} px")
            serious = [v for v in axe_violations(self.driver, self.axe) if v["impact"] in ("serious", "critical")]
            self.assertEqual(serious, [], f"axe at {width} px")
        unlabeled = self.driver.execute_script(
            "return Array.from(document.querySelectorAll('input, select, textarea')).filter(e => e.labels.length === 0"
            " && !e.getAttribute('aria-label')).map(e => e.id || e.outerHTML)")
        self.assertEqual(unlabeled, [])
        body = self.field("f-body")
        body.send_keys("\n\n## A heading typed in the form\n")
        WebDriverWait(self.driver, 10).until(lambda d: "A heading typed in the form" in d.find_element(By.ID, "body-preview").text)
        self.assertTrue(self.driver.find_elements(By.CSS_SELECTOR, "#body-preview h2"))

    def test_5_new_question_from_the_same_form(self):
        self.driver.set_window_size(1280, 900)
        self.driver.get(self.base + "/faq/")
        self.driver.find_element(By.LINK_TEXT, "question").click()
        WebDriverWait(self.driver, 10).until(lambda d: d.find_elements(By.ID, "entry-form"))
        self.assertTrue(self.field("f-draft").is_selected(), "a new entry starts as a draft, as certguide new writes it")
        self.replace("f-question", "How do I renew a credential?")
        self.click(self.driver.find_element(By.CSS_SELECTOR, "button.save"))
        # A draft is not on the preview without --drafts: the browser goes to its form instead.
        WebDriverWait(self.driver, 15).until(lambda d: d.current_url.endswith("/__certguide/edit/faq/how-do-i-renew-a-credential"))
        path = os.path.join(self.folder, "Content", "faq", "how-do-i-renew-a-credential.md")
        with open(path, encoding="utf-8") as f:
            written = f.read()
        print("\n  new file: Content/faq/how-do-i-renew-a-credential.md, first lines:\n    " + "\n    ".join(written.splitlines()[:5]))
        self.assertIn("question: How do I renew a credential?", written)
        self.assertIn("draft: true", written)
        self.assertIn("# order: 10", written, "the scaffold's commented lines stay")
        self.assertEqual(git(self.folder, "status", "--porcelain", "--", "Content/faq"), "?? Content/faq/how-do-i-renew-a-credential.md\n")


if __name__ == "__main__":
    unittest.main()
