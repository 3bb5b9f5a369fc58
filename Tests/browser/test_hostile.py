"""A guide whose every field tries to run a script (Tests/Fixtures/hostile), opened in headless
Chromium: no script an editor did not mean to publish may run on any page, in any field, in
the search results, or when a link is followed.
"""
import os
import unittest

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from browser import Site, chromium


class HostileContentIsInert(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.site = Site("hostile")
        cls.driver = chromium()

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        cls.site.close()

    def pages(self):
        for folder, _, files in os.walk(self.site.folder):
            for name in files:
                if name.endswith(".html"):
                    path = "/" + os.path.relpath(os.path.join(folder, name), self.site.folder)
                    yield path[: -len("index.html")] if path.endswith("/index.html") else path

    def assert_nothing_ran(self, where):
        # An alert() would make this call fail too: Selenium refuses to script under an open dialog.
        ran = self.driver.execute_script("return window.__pwned === undefined ? null : String(window.__pwned)")
        self.assertIsNone(ran, f"a script from the content ran on {where}: {ran}")

    def test_no_page_runs_a_script_from_the_content(self):
        pages = sorted(self.pages())
        self.assertGreaterEqual(len(pages), 10)
        for path in pages:
            self.driver.get(self.site.url(path))
            WebDriverWait(self.driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")
            # Hover and focus everything, so onmouseover/onfocus payloads would fire too.
            self.driver.execute_script(
                "for (const el of document.querySelectorAll('*')) {"
                " el.dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));"
                " el.dispatchEvent(new FocusEvent('focus')); }")
            self.assert_nothing_ran(path)
        # The hostile title is shown to readers, as text.
        self.driver.get(self.site.url("/certifications/script-title/"))
        heading = self.driver.find_element(By.TAG_NAME, "h1").text
        self.assertIn("<script>window.__pwned='title'</script>", heading)

    def test_search_results_show_hostile_titles_as_text(self):
        self.driver.get(self.site.url("/search/?q=certified+script"))
        results = WebDriverWait(self.driver, 10).until(
            lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results a.search-link"))
        self.assertIn("<script>", results[0].text)
        self.assertEqual(self.driver.find_elements(By.CSS_SELECTOR, "#search-results script, #search-results img"), [])
        self.assert_nothing_ran("/search/")

    def test_links_from_the_content_never_run_code(self):
        self.driver.get(self.site.url("/certifications/script-title/"))
        hrefs = [a.get_attribute("href") or "" for a in self.driver.find_elements(By.TAG_NAME, "a")]
        self.assertEqual([h for h in hrefs if h.lower().startswith(("javascript:", "data:", "vbscript:"))], [])


if __name__ == "__main__":
    unittest.main()
