"""The search as a reader uses it, in headless Chromium: typing, keyboard, filters, the URL,
accessibility in every state, text-only insertion, no-JavaScript fallback, and the relevance set."""
import json
import os
import re
import time
import unittest
from urllib.parse import urlparse, parse_qs

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from browser import Site, axe_source, axe_violations, chromium

HERE = os.path.dirname(os.path.abspath(__file__))


class SearchInTheBrowser(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.guide = Site("guide")
        cls.fixture = Site("fixture")
        cls.axe = axe_source()
        cls.driver = chromium()
        cls.driver.set_script_timeout(30)

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        cls.guide.close()
        cls.fixture.close()

    # Helpers
    def wait(self, condition, timeout=10):
        return WebDriverWait(self.driver, timeout).until(lambda d: condition())

    def open(self, site, path):
        self.driver.get(site.url(path))
        self.wait(lambda: self.driver.execute_script("return document.readyState") == "complete")

    def box(self):
        return self.driver.find_element(By.ID, "search-input")

    def type(self, text):
        box = self.box()
        box.clear()
        box.send_keys(text)

    def status(self):
        """The status line on screen (the live region has the same words, once typing pauses)."""
        return self.driver.find_element(By.ID, "search-summary").text

    def hits(self):
        return self.driver.find_elements(By.CSS_SELECTOR, "#search-results a.search-link")

    def path(self, href):
        parts = urlparse(href)
        return parts.path + ("#" + parts.fragment if parts.fragment else "")

    def listed(self):
        """The results on the page, as paths."""
        return [self.path(a.get_attribute("href")) for a in self.hits()]

    def engine_order(self, query, shown):
        """The first `shown` results of `query`, as paths, from an engine of its own in the page."""
        urls = self.driver.execute_async_script(
            "const [q, shown, done] = arguments, e = new certguideSearch.Engine(new URL('/search/manifest.json', location.href).href);"
            "e.search(q, {}, shown).then((out) => out.more)"
            ".then((out) => done(out.results.slice(0, shown).map((r) => new URL(r.url, location.href).href)));", query, shown)
        return [self.path(url) for url in urls]

    def assert_accessible(self, state):
        violations = axe_violations(self.driver, self.axe)
        self.assertEqual(violations, [], f"axe violations in the {state} state")

    # Tests
    def test_search_page_empty_results_and_no_results_states_are_accessible(self):
        self.open(self.guide, "/search/")
        self.wait(lambda: self.driver.find_elements(By.CSS_SELECTOR, "#search-facets fieldset"))
        self.assertFalse(self.driver.find_element(By.ID, "search-nojs").is_displayed())
        self.assertEqual(self.hits(), [])
        self.assert_accessible("empty")

        self.type("renewal")
        self.wait(lambda: "“renewal”" in self.status())
        self.assertRegex(self.status(), r"^[\d,]+ results for “renewal”\.$")
        self.assertGreater(len(self.hits()), 3)
        marks = [m.text.lower() for m in self.driver.find_elements(By.CSS_SELECTOR, "#search-results mark")]
        self.assertTrue(marks and all(m.startswith("renew") for m in marks), marks)
        # The URL follows once typing pauses, with the live region.
        self.wait(lambda: parse_qs(urlparse(self.driver.current_url).query) == {"q": ["renewal"]})
        self.assert_accessible("results")

        self.type("xyzzyplugh")
        self.wait(lambda: "No results for “xyzzyplugh”" in self.status())
        self.assertEqual(self.hits(), [])
        links = [self.path(a.get_attribute("href")) for a in self.driver.find_elements(By.CSS_SELECTOR, "#search-results .search-none a")]
        self.assertEqual(links, ["/compare/", "/a-z/", "/faq/"])
        self.assert_accessible("no-results")

    def test_results_follow_each_key_and_the_status_speaks_once_typing_pauses(self):
        self.open(self.guide, "/search/")
        self.wait(lambda: self.driver.find_elements(By.CSS_SELECTOR, "#search-facets fieldset"))
        # What the live region says, what the line on screen shows and how often the results
        # change, while keys come 150 ms apart.
        self.driver.execute_script(
            "window.said = []; window.shown = []; window.listed = 0;"
            "new MutationObserver(() => window.said.push(document.getElementById('search-status').textContent))"
            ".observe(document.getElementById('search-status'), {childList: true, characterData: true, subtree: true});"
            "new MutationObserver(() => window.shown.push(document.getElementById('search-summary').textContent))"
            ".observe(document.getElementById('search-summary'), {childList: true, characterData: true, subtree: true});"
            "new MutationObserver((rs) => { if (rs.some((r) => [...r.addedNodes].some((n) => n.className === 'search-hit'))) window.listed++; })"
            ".observe(document.getElementById('search-results'), {childList: true});")
        box = self.box()
        for key in "renewal":
            box.send_keys(key)
            time.sleep(0.15)
        self.wait(lambda: "“renewal”" in self.status())
        time.sleep(0.6)
        said = [text for text in self.driver.execute_script("return window.said") if text]
        self.assertEqual(len(said), 1, said)
        self.assertRegex(said[0], r"^[\d,]+ results for “renewal”\.$")
        self.assertEqual(self.status(), said[0])
        # The line on screen did not wait: it showed the words as they were typed.
        shown = {re.search(r"“(\w+)”", text).group(1) for text in self.driver.execute_script("return window.shown") if "“" in text}
        self.assertGreaterEqual(len(shown - {"renewal"}), 3, shown)
        self.assertEqual(parse_qs(urlparse(self.driver.current_url).query), {"q": ["renewal"]})
        self.assertGreaterEqual(self.driver.execute_script("return window.listed"), 4)
        # The last key's results, in the engine's order: no earlier key's search came in after it.
        # (The first 20 are listed; "renewal" matches more.)
        self.assertEqual(self.listed(), self.engine_order("renewal", 50)[:20])

    def test_search_comes_back_with_the_network(self):
        # The index (or the manifest, which the page asks for before its script runs) cannot be
        # fetched when the page opens: the page says so and offers the ways in; once it can, the
        # next search works and the message goes.
        for blocked in ("*/search/index.*", "*/search/manifest.json"):
            with self.subTest(blocked=blocked):
                self.driver.execute_cdp_cmd("Network.enable", {})
                self.driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": [blocked]})
                try:
                    self.open(self.guide, "/search/?q=exam")
                    self.wait(lambda: "not available" in self.status())
                    self.assertTrue(self.driver.find_element(By.ID, "search-nojs").is_displayed())
                finally:
                    self.driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": []})
                self.type("renewal")
                self.wait(lambda: "“renewal”" in self.status())
                self.assertFalse(self.driver.find_element(By.ID, "search-nojs").is_displayed())
                self.assertGreater(len(self.hits()), 3)

    def test_search_works_where_a_policy_refuses_inline_scripts(self):
        # A host may send a Content-Security-Policy without 'unsafe-inline': the search page's
        # early fetch of the manifest is refused, and the script asks for it itself.
        strict = Site("guide", {"Content-Security-Policy": "script-src 'self'"})
        try:
            self.open(strict, "/search/?q=renewal")
            self.wait(lambda: len(self.hits()) > 3)
            self.assertIsNone(self.driver.execute_script("return window.certguideManifest"))
            self.assertRegex(self.status(), r"^[\d,]+ results for “renewal”\.$")
        finally:
            strict.close()

    def test_the_search_page_asks_for_the_manifest_before_its_script_runs(self):
        # The search page starts the manifest's fetch from its head, a round trip before the
        # deferred script would, and the script uses that response rather than asking again.
        self.open(self.guide, "/search/?q=renewal")
        self.wait(lambda: len(self.hits()) > 3)
        start, interactive, count = self.driver.execute_script(
            "const m = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/search/manifest.json'));"
            "return [m[0].startTime, performance.getEntriesByType('navigation')[0].domInteractive, m.length];")
        self.assertEqual(count, 1)
        self.assertLess(start, interactive)

    def test_show_more_results_lists_the_rest_in_order(self):
        # "library" matches 61 documents of the guide: 20 are listed, then 20 more at each press.
        self.open(self.guide, "/search/?q=library")
        more = self.driver.find_element(By.ID, "search-show-more")
        self.wait(lambda: len(self.hits()) == 20 and more.is_displayed())
        self.assertRegex(self.status(), r"^[4-9]\d results for “library”\.$")
        count = int(self.status().split()[0])
        self.assert_accessible("more results to show")
        listed = self.listed()
        while len(listed) < count:
            more.send_keys(Keys.ENTER)  # from the keyboard: the page scrolls smoothly, away from a click
            self.wait(lambda: len(self.hits()) == min(count, len(listed) + 20))
            now = self.listed()
            self.assertEqual(now[:len(listed)], listed)
            # The first new result has the focus.
            self.assertEqual(self.driver.switch_to.active_element, self.hits()[len(listed)])
            listed = now
        self.assertFalse(more.is_displayed())
        # The engine's order, with as many asked for.
        self.assertEqual(listed, self.engine_order("library", 100))
        # A new query lists 20 again.
        self.type("library technician")
        self.wait(lambda: "“library technician”" in self.status() and len(self.hits()) == 20 and more.is_displayed())

    def test_results_show_the_words_they_matched(self):
        def result(url):
            return next(li for li in self.driver.find_elements(By.CSS_SELECTOR, "#search-results li.search-hit")
                        if self.path(li.find_element(By.CSS_SELECTOR, "a").get_attribute("href")) == url)

        def marks(element, selector):
            return [m.text for m in element.find_elements(By.CSS_SELECTOR, selector + " mark")]

        # The excerpt is the passage that names them, not the section's first sentence.
        self.open(self.guide, "/search/?q=Excel+PowerPoint")
        self.wait(lambda: len(self.hits()) >= 3)
        section = result("/certifications/microsoft-office-specialist/#how-it-relates-to-library-work")
        self.assertEqual(marks(section, ".search-excerpt"), ["Excel", "PowerPoint"])
        self.assertTrue(section.find_element(By.CSS_SELECTOR, ".search-excerpt").text.startswith("…"))
        # The abbreviation in a certification's title, and in the page a section belongs to.
        self.open(self.guide, "/search/?q=CLT")
        self.wait(lambda: len(self.hits()) >= 2)
        self.assertEqual(marks(result("/certifications/certified-library-technician/"), ".search-link"), ["CLT"])
        kind = result("/certifications/certified-library-technician/#what-the-career-article-says").find_element(By.CSS_SELECTOR, ".search-kind")
        self.assertEqual((kind.text, marks(kind, "")), ("Certification · section of Certified Library Technician (CLT)", ["CLT"]))

    def test_on_a_phone_the_results_come_before_the_filters(self):
        self.driver.set_window_size(390, 844)
        try:
            self.open(self.guide, "/search/?q=renewal")
            self.wait(lambda: len(self.hits()) >= 3)
            first = self.hits()[0].rect
            self.assertLess(first["y"] + first["height"], self.driver.execute_script("return innerHeight"), "the first result is below the screen")
            link = self.driver.find_element(By.LINK_TEXT, "Filter the results")
            self.assertTrue(link.is_displayed())
            link.click()
            self.wait(lambda: urlparse(self.driver.current_url).fragment == "search-filters")
            facets = self.driver.find_element(By.ID, "search-facets").rect
            self.assertGreater(facets["y"], first["y"])
        finally:
            self.driver.set_window_size(1280, 900)
        # On a wide screen the filters are the left column, beside the results, and the link goes.
        self.open(self.guide, "/search/?q=renewal")
        self.wait(lambda: len(self.hits()) >= 3)
        facets, first = self.driver.find_element(By.ID, "search-facets").rect, self.hits()[0].rect
        self.assertLess(facets["x"] + facets["width"], first["x"])
        self.assertFalse(self.driver.find_element(By.CSS_SELECTOR, ".search-to-filters a").is_displayed())

    def test_typo_is_corrected_and_said(self):
        self.open(self.guide, "/search/?q=archivsts+certification+")
        self.wait(lambda: "Showing results for" in self.status())
        # The query as searched, the corrected word in place of the one typed.
        self.assertIn("Showing results for “archivists certification”.", self.status())
        self.assertEqual(self.path(self.hits()[0].get_attribute("href")), "/certifications/academy-of-certified-archivists/")

    def test_header_box_on_any_page_with_keyboard(self):
        self.open(self.guide, "/certifications/comptia-a-plus/")
        self.type("CLT")
        self.wait(lambda: self.hits() and self.hits()[0].is_displayed())
        hits = self.hits()
        self.assertEqual(self.path(hits[0].get_attribute("href")), "/certifications/certified-library-technician/")
        self.assert_accessible("header results")
        box = self.box()
        box.send_keys(Keys.ARROW_DOWN)
        self.assertEqual(self.driver.switch_to.active_element, hits[0])
        self.driver.switch_to.active_element.send_keys(Keys.ARROW_DOWN)
        self.assertEqual(self.driver.switch_to.active_element, hits[1])
        self.driver.switch_to.active_element.send_keys(Keys.ARROW_UP)
        self.driver.switch_to.active_element.send_keys(Keys.ARROW_UP)
        self.assertEqual(self.driver.switch_to.active_element, box)
        box.send_keys(Keys.ESCAPE)
        self.wait(lambda: not self.hits() or not self.hits()[0].is_displayed())
        self.assertEqual(box.get_attribute("value"), "")
        box.send_keys("MOS")
        box.send_keys(Keys.ENTER)
        self.wait(lambda: urlparse(self.driver.current_url).path == "/certifications/microsoft-office-specialist/")

    def test_a_split_index_lists_the_first_results_then_the_others_in_order(self):
        # A guide of 150 certifications: one text file a page, fetched for the results shown.
        groups = Site("groups")
        try:
            self.open(groups, "/search/?q=library")
            self.wait(lambda: len(self.hits()) == 20)
            self.driver.find_element(By.ID, "search-show-more").send_keys(Keys.ENTER)
            self.wait(lambda: len(self.hits()) == 40)
            shown = self.listed()
            self.assertEqual(shown, self.engine_order("library", 40))
            self.assertEqual(len(set(shown)), 40)
            # The header box of any page: its 8, in the same order.
            self.open(groups, "/")
            self.type("library")
            self.wait(lambda: len(self.hits()) == 8)
            self.assertEqual(self.listed(), shown[:8])
        finally:
            groups.close()

    def test_filters_live_in_the_url_and_back_works(self):
        self.open(self.guide, "/search/?q=technician")
        self.wait(lambda: "“technician”" in self.status())
        everything = len(self.hits())
        self.driver.find_element(By.CSS_SELECTOR, "#search-facets input[name=level][value=support]").click()
        self.wait(lambda: len(self.hits()) < everything)
        self.assertEqual(parse_qs(urlparse(self.driver.current_url).query), {"q": ["technician"], "level": ["support"]})
        self.assertTrue(all("microsoft-office-specialist" in a.get_attribute("href") for a in self.hits()))
        label = self.driver.find_element(By.CSS_SELECTOR, "#search-facets input[value=support]").find_element(By.XPATH, "..").text
        self.assertRegex(label, r"Support \(\d+\)")
        self.driver.back()
        self.wait(lambda: len(self.hits()) == everything)
        self.assertFalse(self.driver.find_element(By.CSS_SELECTOR, "#search-facets input[value=support]").is_selected())
        # Filters alone browse the guide; a value the guide does not have matches nothing.
        self.open(self.guide, "/search/?setting=archives")
        self.wait(lambda: self.hits())
        self.assertEqual(self.status(), "1 entry matches the filters.")
        self.assertEqual(self.listed(), ["/certifications/academy-of-certified-archivists/"])
        self.open(self.guide, "/search/?cost=free")
        self.wait(lambda: self.status() == "No entries match the filters.")
        self.assertEqual(self.hits(), [])

    def test_index_text_is_inserted_as_text(self):
        self.open(self.fixture, "/search/")
        self.type("records technician")
        self.wait(lambda: self.hits())
        first = self.hits()[0]
        self.assertIn('<img src=x onerror="window.searchInjected=1">', first.text)
        self.assertEqual(self.driver.find_elements(By.CSS_SELECTOR, "#search-results img, #search-results b"), [])
        self.assertIsNone(self.driver.execute_script("return window.searchInjected"))
        excerpt = self.driver.find_element(By.CSS_SELECTOR, "#search-results .search-excerpt").text
        self.assertIn("<b>archives</b>", excerpt)

    def test_relevance_set_first_result_and_enter_opens_it(self):
        with open(os.path.join(HERE, "..", "Fixtures", "search", "relevance.json"), encoding="utf-8") as f:
            queries = json.load(f)["queries"]
        self.assertGreaterEqual(len(queries), 25)
        misses = []
        for item in queries:
            self.open(self.guide, "/search/")
            self.type(item["query"])
            self.wait(lambda: item["query"].strip() in self.status())
            first = self.path(self.hits()[0].get_attribute("href")) if self.hits() else None
            if first not in [item["expect"], *item.get("alsoRight", [])]:
                misses.append(f"{item['query']}: first is {first}")
                continue
            self.box().send_keys(Keys.ENTER)
            self.wait(lambda: self.path(self.driver.current_url) == first)
        self.assertEqual(misses, [])


class SearchWithoutJavaScript(unittest.TestCase):
    def test_search_page_says_so_and_links_to_the_ways_in(self):
        site = Site("guide")
        driver = chromium(javascript=False)
        try:
            driver.get(site.url("/search/?q=renewal"))
            message = driver.find_element(By.ID, "search-nojs")
            self.assertTrue(message.is_displayed())
            self.assertIn("Search needs JavaScript", message.text)
            links = [urlparse(a.get_attribute("href")) for a in message.find_elements(By.TAG_NAME, "a")]
            self.assertEqual([u.path for u in links], ["/compare/", "/a-z/", "/faq/"])
            self.assertFalse(driver.find_element(By.ID, "search-app").is_displayed())
            # The A–Z page lists every entry, and works without JavaScript too.
            driver.get(site.url("/a-z/"))
            self.assertTrue(driver.find_elements(By.CSS_SELECTOR, "main a[href='/certifications/certified-library-technician/']"))
            self.assertTrue(driver.find_elements(By.CSS_SELECTOR, "main a[href='/faq/how-long-does-certification-take/']"))
        finally:
            driver.quit()
            site.close()


if __name__ == "__main__":
    unittest.main()
