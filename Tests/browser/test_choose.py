"""Choosing a certification, in headless Chromium over the guide built from Content/ (issue 22):
pick certifications and compare just those, filter and sort /certifications/, print a fact sheet
on one page, land from search with the matched words highlighted. Every state is checked with axe
(no serious or critical violation) at 1280 px and again at 390 px."""
import base64
import os
import re
import time
import unittest
from urllib.parse import parse_qs, urlparse

from selenium.webdriver.common.by import By
from selenium.webdriver.common.print_page_options import PrintOptions
from selenium.webdriver.support.ui import WebDriverWait

from browser import Site, axe_source, axe_violations, chromium

CONTENT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Content", "certifications")
THREE = ["certified-library-technician", "certified-academic-library-technician", "certified-public-library-technician"]
PAPER = {"A4": (21.0, 29.7), "Letter": (21.59, 27.94)}
WIDTHS = (1280, 390)


def front_matter(path):
    """The few facts the filters use, read from an entry's front matter (no YAML library needed:
    the keys used here are `settings: [a, b]` and a `cost:` block of `min`, `max`, `currency`)."""
    with open(path, encoding="utf-8") as f:
        head = f.read().split("---")[1]
    settings = re.search(r"^settings:\s*\[([^\]]*)\]", head, re.M)
    cost = re.search(r"^cost:\n((?:[ \t]+.*\n)+)", head, re.M)
    facts = {"slug": os.path.basename(path)[:-3], "settings": [s.strip() for s in settings.group(1).split(",")] if settings else []}
    if cost:
        block = dict(re.findall(r"^\s+(\w+):\s*(.+?)\s*$", cost.group(1), re.M))
        facts["cost"] = {"max": float(block["max"]) if "max" in block else None, "currency": block.get("currency")}
    return facts


class ChoosingInTheBrowser(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.guide = Site("guide")
        cls.axe = axe_source()
        cls.driver = chromium()
        cls.driver.set_script_timeout(30)
        cls.entries = [front_matter(os.path.join(CONTENT, name)) for name in sorted(os.listdir(CONTENT)) if name.endswith(".md")]

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        cls.guide.close()

    def setUp(self):
        self.width(1280)
        self.open("/")
        self.driver.execute_script("localStorage.clear()")

    # Helpers
    def width(self, px):
        self.driver.set_window_size(px, 900)

    def wait(self, condition, timeout=10):
        return WebDriverWait(self.driver, timeout).until(lambda d: condition())

    def open(self, path):
        self.driver.get(self.guide.url(path))
        self.wait(lambda: self.driver.execute_script("return document.readyState") == "complete")

    def click(self, element):
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element)
        element.click()

    def css(self, selector):
        return self.driver.find_elements(By.CSS_SELECTOR, selector)

    def shown(self, selector):
        return [e for e in self.css(selector) if e.is_displayed()]

    def assert_accessible(self, state):
        serious = [v for v in axe_violations(self.driver, self.axe) if v["impact"] in ("serious", "critical")]
        self.assertEqual(serious, [], f"axe: serious violations in the {state} state")

    def assert_fits_width(self, state):
        overflow = self.driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
        self.assertLessEqual(overflow, 0, f"the page scrolls sideways in the {state} state")

    def pdf_pages(self, paper):
        options = PrintOptions()
        options.page_width, options.page_height = PAPER[paper]
        pdf = base64.b64decode(self.driver.print_page(options))
        return len(re.findall(rb"/Type\s*/Page[^s]", pdf))

    def side_columns(self):
        return [a.get_attribute("pathname").split("/")[2] for a in self.css("#compare-picked table.side thead th a")]

    # Tests
    def test_three_picked_on_cards_open_side_by_side_with_exactly_those(self):
        for px in WIDTHS:
            with self.subTest(width=px):
                self.driver.execute_script("localStorage.clear()")
                self.width(px)
                self.open("/certifications/")
                self.assertFalse(self.shown(".tray"), "the tray shows before anything is picked")
                for slug in THREE:
                    button = self.css(f'.cards button.pick[data-pick="{slug}"]')[0]
                    self.assertEqual(button.get_attribute("aria-pressed"), "false")
                    self.click(button)
                    self.assertEqual(button.get_attribute("aria-pressed"), "true")
                self.assertEqual(self.css(".tray-count")[0].text, "3 certifications picked")
                self.assertIn("3 certifications picked to compare", self.css('p[role="status"].visually-hidden')[-1].get_attribute("textContent"))
                self.assert_accessible(f"picked ({px} px)")
                self.assert_fits_width(f"picked ({px} px)")

                # The picks last across pages: a certification page shows its own toggle pressed.
                self.open(f"/certifications/{THREE[1]}/")
                toggle = self.shown(".entry-actions button.pick")[0]
                self.assertEqual(toggle.get_attribute("aria-pressed"), "true")
                self.assertEqual(self.css(".tray-count")[0].text, "3 certifications picked")
                self.assert_accessible(f"certification page with picks ({px} px)")

                self.click(self.css(".tray a.tray-go")[0])
                self.wait(lambda: urlparse(self.driver.current_url).path == "/compare/")
                self.assertEqual(parse_qs(urlparse(self.driver.current_url).query), {"c": [",".join(THREE)]})
                self.wait(lambda: self.side_columns())
                self.assertEqual(self.side_columns(), THREE)
                self.assertFalse(self.css("#compare-all")[0].is_displayed(), "the full table shows beside the picked ones")
                facts = [th.text.split("\n")[0].replace(" Differs", "") for th in self.css("table.side tbody th")]
                self.assertEqual(facts[:4], ["Issuer", "Level", "Setting", "Cost"])
                differs = [th.text for th in self.css("table.side tbody tr.differs th")]
                self.assertTrue(differs and all("Differs" in t for t in differs), differs)
                same = [tr for tr in self.css("table.side tbody tr:not(.differs)")]
                self.assertTrue(same, "every row is marked as differing: the Issuer and Level are the same")
                self.assert_accessible(f"side by side ({px} px)")
                self.assert_fits_width(f"side by side ({px} px)")

                # The link reproduces the selection for someone with nothing picked.
                link = self.css(".picked-links a")[0].get_attribute("href")
                self.driver.execute_script("localStorage.clear()")
                self.driver.get(link)
                self.wait(lambda: self.side_columns())
                self.assertEqual(self.side_columns(), THREE)

                # Removing a column narrows the view and the address.
                self.click(self.css("table.side thead .unpick")[0])
                self.assertEqual(self.side_columns(), THREE[1:])
                self.assertEqual(parse_qs(urlparse(self.driver.current_url).query), {"c": [",".join(THREE[1:])]})

    def test_without_javascript_compare_is_the_full_table(self):
        driver = chromium(javascript=False)
        try:
            driver.get(self.guide.url("/compare/?c=" + ",".join(THREE)))
            rows = driver.find_elements(By.CSS_SELECTOR, "#compare-all table.compare tbody tr")
            self.assertEqual(len(rows), len(self.entries))
            self.assertTrue(all(r.is_displayed() for r in rows))
            self.assertFalse([b for b in driver.find_elements(By.CSS_SELECTOR, "button.pick") if b.is_displayed()],
                             "Compare toggles show though they cannot work")
            driver.get(self.guide.url("/certifications/?setting=public&cost=300"))
            self.assertFalse(driver.find_element(By.CSS_SELECTOR, "form[data-finder]").is_displayed())
            cards = driver.find_elements(By.CSS_SELECTOR, "li.card")
            self.assertEqual(len(cards), len(self.entries))
            self.assertTrue(all(c.is_displayed() for c in cards))
        finally:
            driver.quit()

    def test_cost_at_most_300_in_public_libraries_matches_the_content_files(self):
        public = [e for e in self.entries if {"public", "any"} & set(e["settings"])]
        fits = sorted(e["slug"] for e in public if e.get("cost") and e["cost"]["currency"] == "USD" and e["cost"]["max"] <= 300)
        unpriced = sorted(e["slug"] for e in public if not e.get("cost"))
        self.assertTrue(fits and len(fits) < len(self.entries))
        for px in WIDTHS:
            with self.subTest(width=px):
                self.width(px)
                self.open("/certifications/")
                form = self.css("form[data-finder]")[0]
                self.assertTrue(form.is_displayed())
                self.click(form.find_element(By.CSS_SELECTOR, 'input[name="setting"][value="public"]'))
                self.click(form.find_element(By.CSS_SELECTOR, 'input[name="cost"][value="300"]'))
                self.wait(lambda: parse_qs(urlparse(self.driver.current_url).query) == {"setting": ["public"], "cost": ["300"]})
                listed = sorted(c.get_attribute("data-slug") for c in self.shown(".level-group li.card"))
                apart = sorted(c.get_attribute("data-slug") for c in self.shown("[data-finder-apart] li.card"))
                self.assertEqual(listed, fits)
                self.assertEqual(apart, unpriced, "entries without a published cost must be shown apart, not hidden or taken as free")
                status = form.find_element(By.CSS_SELECTOR, ".finder-status")
                self.assertEqual(status.get_attribute("role"), "status")
                self.assertTrue(status.text.startswith(f"Showing {len(fits)} of {len(self.entries)} certifications"), status.text)
                label = form.find_element(By.XPATH, './/input[@name="cost"][@value="300"]/ancestor::label')
                self.assertTrue(label.text.endswith(f"({len(fits)})"), label.text)
                self.assert_accessible(f"filtered ({px} px)")
                self.assert_fits_width(f"filtered ({px} px)")

                # The address brings the same list back.
                self.open(urlparse(self.driver.current_url).path + "?" + urlparse(self.driver.current_url).query)
                self.assertEqual(sorted(c.get_attribute("data-slug") for c in self.shown(".level-group li.card")), fits)

    def test_sorting_by_cost_lists_the_cheapest_first_and_the_unpriced_apart(self):
        self.open("/certifications/?sort=cost")
        cards = self.shown("[data-finder-sorted] li.card")
        costs = [float(c.get_attribute("data-cost-min")) for c in cards]
        self.assertEqual(costs, sorted(costs))
        self.assertEqual(len(cards) + len(self.shown("[data-finder-apart] li.card")), len(self.entries))
        self.assertIn("Sorted by cost", self.css(".finder-status")[0].text)
        self.assert_accessible("sorted by cost")

    def test_fact_sheet_prints_on_one_page_of_a4_and_of_letter(self):
        slugs = [e["slug"] for e in self.entries]
        for slug in slugs:
            self.open(f"/certifications/{slug}/")
            self.driver.execute_script("window.print = () => {}")  # the dialog cannot open headless
            button = self.shown("button.print-sheet")[0]
            self.assertEqual(button.text, "Print fact sheet")
            for paper in PAPER:
                self.click(button)  # printing ends with afterprint, which takes the fact sheet class off
                self.assertEqual(self.pdf_pages(paper), 1, f"the fact sheet of {slug} takes more than one {paper} page")
        # What the sheet holds, in print emulation.
        self.open(f"/certifications/{THREE[2]}/")
        self.driver.execute_script("window.print = () => {}")
        self.click(self.shown("button.print-sheet")[0])
        self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        try:
            text = self.driver.find_element(By.TAG_NAME, "body").text
            for words in ("Key facts", "Eligibility", "Renewal", "Last verified", "Sources",
                          f"https://guide.example.org/certifications/{THREE[2]}/"):
                self.assertIn(words.lower(), text.lower())
            self.assertFalse(self.css(".entry-body")[0].is_displayed())
            self.assertFalse(self.shown("button.pick, button.print-sheet, .tray"))
        finally:
            self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        self.assert_accessible("certification page")

    def test_compare_prints_the_picked_columns(self):
        self.open("/compare/?c=" + ",".join(THREE))
        self.wait(lambda: self.side_columns())
        self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        try:
            self.assertEqual(self.side_columns(), THREE)
            self.assertTrue(self.css("table.side")[0].is_displayed())
            self.assertFalse(self.css("#compare-all")[0].is_displayed())
            size = self.driver.execute_script("return parseFloat(getComputedStyle(document.querySelector('table.side td')).fontSize)")
            self.assertGreaterEqual(size, 12, "the printed columns are too small to read")
            self.assertIn("?c=" + ",".join(THREE), self.css(".print-url")[0].text)
        finally:
            self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        self.assertLessEqual(self.pdf_pages("A4"), 2)

    def test_landing_from_search_highlights_the_section_and_clears(self):
        for px in WIDTHS:
            with self.subTest(width=px):
                self.width(px)
                self.open("/search/")
                box = self.driver.find_element(By.ID, "search-input")
                box.send_keys("renewal")
                self.wait(lambda: [a for a in self.css("#search-results a.search-link") if "#" in a.get_attribute("href")])
                link = [a for a in self.css("#search-results a.search-link") if "#" in a.get_attribute("href")][0]
                href = link.get_attribute("href")
                self.assertIn("hl=", urlparse(href).query)
                self.click(link)
                self.wait(lambda: self.css(".hl-bar"))
                section = urlparse(href).fragment
                marks = self.css("mark.hl")
                self.assertTrue(marks)
                self.assertTrue(all(m.text.lower().startswith("renew") for m in marks), [m.text for m in marks])
                # Only in the section landed on: each mark comes after its heading and before the next.
                inside = self.driver.execute_script(
                    "const h = document.getElementById(arguments[0]); const level = h.tagName;"
                    "let end = h.nextElementSibling; while (end && !(/^H[1-6]$/.test(end.tagName) && end.tagName <= level)) end = end.nextElementSibling;"
                    "return [...document.querySelectorAll('mark.hl')].every(m => (h.compareDocumentPosition(m) & 4) && (!end || (end.compareDocumentPosition(m) & 2)));",
                    section)
                self.assertTrue(inside, "a highlight lies outside the section the result landed on")
                self.assert_accessible(f"highlighted ({px} px)")
                self.assert_fits_width(f"highlighted ({px} px)")
                self.click(self.css(".hl-bar button")[0])
                self.assertEqual(self.css("mark.hl"), [])
                self.assertEqual(self.css(".hl-bar"), [])
                self.assertNotIn("hl=", self.driver.current_url)
                self.assertEqual(self.driver.switch_to.active_element.get_attribute("id"), section)
                self.assert_accessible(f"highlights cleared ({px} px)")


if __name__ == "__main__":
    unittest.main()
