"""Browser tests of `vraagbaak web`: headless Chromium driven through chromium-driver
and Selenium (Debian's chromium, chromium-driver and python3-selenium; see
scripts/install-web-test-deps.sh). They start the built binary on a copy of a few
examples and use the page as a person would: keyboard and mouse.

    VRAAGBAAK_BINARY=.build/debug/vraagbaak /usr/bin/python3 -m unittest Tests/browser/test_web.py
    /usr/bin/python3 Tests/browser/test_web.py --screenshot docs/web.png
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.error
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BINARY = os.environ.get("VRAAGBAAK_BINARY", os.path.join(ROOT, ".build", "debug", "vraagbaak"))
EXAMPLES = os.path.join(ROOT, "examples")
DRAFTS = ["clean.vraag", "citation-form.vraag", "numbering.vraag"]


class WebServer:
    """`vraagbaak web` on a free port, over a folder of its own."""

    def __init__(self):
        self.folder = tempfile.mkdtemp(prefix="vraagbaak-web-drafts-")
        self.home = tempfile.mkdtemp(prefix="vraagbaak-web-home-")
        for name in DRAFTS:
            shutil.copy(os.path.join(EXAMPLES, name), self.folder)
        # Each test that edits gets a draft of its own.
        shutil.copy(os.path.join(EXAMPLES, "citation-form.vraag"), os.path.join(self.folder, "aanvullen.vraag"))
        shutil.copy(os.path.join(EXAMPLES, "clean.vraag"), os.path.join(self.folder, "bewaren.vraag"))
        shutil.copy(os.path.join(EXAMPLES, "clean.vraag"), os.path.join(self.folder, "twee-tabbladen.vraag"))
        environment = dict(os.environ, HOME=self.home)
        self.log = open(os.path.join(self.home, "stderr.txt"), "w")
        self.process = subprocess.Popen([BINARY, "web", "--port", "0", self.folder], stdout=subprocess.PIPE,
                                        stderr=self.log, text=True, env=environment)
        deadline = time.time() + 20
        self.url = None
        while time.time() < deadline and self.url is None:
            line = self.process.stdout.readline()
            if not line:
                break
            match = re.search(r"(http://127\.0\.0\.1:(\d+)/\?token=([0-9a-f]+))", line)
            if match:
                self.url, self.port, self.token = match.group(1), int(match.group(2)), match.group(3)
        if self.url is None:
            self.stop()
            with open(os.path.join(self.home, "stderr.txt")) as log:
                raise RuntimeError("vraagbaak web printed no URL: " + log.read())

    def path(self, name):
        return os.path.join(self.folder, name)

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process.stdout.close()
        self.log.close()
        shutil.rmtree(self.folder, ignore_errors=True)
        shutil.rmtree(self.home, ignore_errors=True)


def start_browser():
    options = Options()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1400,900", "--lang=nl-BE"]:
        options.add_argument(argument)
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    return webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)


class WebPageTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = WebServer()
        try:
            cls.driver = start_browser()
        except Exception:
            cls.server.stop()
            raise

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        cls.server.stop()

    # ---- helpers ----------------------------------------------------------------------
    def wait(self, condition, timeout=15, message=""):
        # The page redraws the findings and underlines on every diagnostics push: an
        # element found a moment ago may be gone, so a stale element means "try again".
        return WebDriverWait(self.driver, timeout, poll_frequency=0.1,
                             ignored_exceptions=(StaleElementReferenceException,)).until(lambda driver: condition(), message)

    def body(self, attribute):
        return self.driver.find_element(By.TAG_NAME, "body").get_attribute(attribute)

    def open_page(self, draft=None):
        self.driver.get("about:blank")   # a new document, not a jump inside the last one
        self.driver.get(self.server.url + ("#concept=" + draft if draft else ""))
        self.wait(lambda: self.body("data-ready") == "true", message="page did not start: " + self.status())
        if draft:
            self.wait(lambda: self.body("data-draft") == draft, message="draft did not open: " + self.status())
            # The similar questions come once the corpus is in: from then on hovers and
            # completions can find the cited questions.
            self.wait(lambda: self.driver.find_elements(By.CSS_SELECTOR, "#similar li button"), timeout=60,
                      message="the corpus never came")

    def open_by_click(self, name):
        self.open_page()
        button = self.wait(lambda: self.driver.find_element(By.CSS_SELECTOR, '#draft-list button[data-name="%s"]' % name))
        button.click()
        self.wait(lambda: self.body("data-draft") == name, message="not opened: " + self.status())

    def status(self):
        return self.driver.find_element(By.ID, "status").text

    def editor_text(self):
        return self.driver.execute_script("return document.querySelector('.CodeMirror').CodeMirror.getValue()")

    def set_cursor(self, line, ch):
        self.driver.execute_script(
            "const cm = document.querySelector('.CodeMirror').CodeMirror; cm.focus(); cm.setCursor(arguments[0], arguments[1]);",
            line, ch)

    def find_in_editor(self, needle):
        """(line, ch) of the first occurrence of needle."""
        for number, line in enumerate(self.editor_text().split("\n")):
            if needle in line:
                return number, line.index(needle)
        self.fail("%r is not in the editor" % needle)

    def type(self, *keys):
        ActionChains(self.driver).send_keys(*keys).perform()

    def press_with_control(self, key):
        ActionChains(self.driver).key_down(Keys.CONTROL).send_keys(key).key_up(Keys.CONTROL).perform()

    def char_coordinates(self, line, ch):
        return self.driver.execute_script(
            "return document.querySelector('.CodeMirror').CodeMirror.charCoords({line: arguments[0], ch: arguments[1]}, 'window')",
            line, ch)

    def move_mouse_to(self, x, y):
        actions = ActionChains(self.driver)
        actions.w3c_actions.pointer_action.move_to_location(int(x), int(y))
        actions.perform()

    def wait_saved(self, path, needle):
        deadline = time.time() + 5
        while time.time() < deadline:
            with open(path, encoding="utf-8") as handle:
                if needle in handle.read():
                    return time.time()
            time.sleep(0.05)
        self.fail("%r never reached %s" % (needle, path))

    def findings(self):
        # Read in one script, so a redraw between finding the items and reading them cannot interleave.
        return self.driver.execute_script(
            "return Array.from(document.querySelectorAll('#findings li.finding'), item => item.innerText);")

    # ---- the tests ----------------------------------------------------------------------
    def test_request_without_token_is_refused(self):
        base = "http://127.0.0.1:%d" % self.server.port
        for path in ["/", "/app.js", "/api/drafts", "/api/drafts/clean.vraag", "/codemirror/lib/codemirror.js",
                     "/?token=wrong", "/?token=" + self.server.token[:-1]]:
            with self.assertRaises(urllib.error.HTTPError, msg=path) as refused:
                urllib.request.urlopen(base + path, timeout=5)
            self.assertEqual(refused.exception.code, 403, path)
        upgrade = urllib.request.Request(base + "/lsp", headers={
            "Upgrade": "websocket", "Connection": "Upgrade", "Sec-WebSocket-Version": "13",
            "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==", "Origin": base})
        with self.assertRaises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(upgrade, timeout=5)
        self.assertEqual(refused.exception.code, 403)
        # A page elsewhere cannot use the token either: its Origin gives it away.
        foreign = urllib.request.Request(base + "/api/drafts?token=" + self.server.token, headers={"Origin": "http://evil.example"})
        with self.assertRaises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(foreign, timeout=5)
        self.assertEqual(refused.exception.code, 403)
        with urllib.request.urlopen(base + "/api/drafts?token=" + self.server.token, timeout=5) as response:
            self.assertIn("clean.vraag", [entry["name"] for entry in json.load(response)])

    def test_open_a_draft(self):
        self.open_by_click("clean.vraag")
        self.assertIn("Inburgeringsattesten - Erkenning door werkgevers", self.editor_text())
        self.assertEqual(self.driver.find_element(By.ID, "draft-name").text, "clean.vraag")
        self.wait(lambda: self.driver.find_elements(By.CSS_SELECTOR, "#findings li.empty"), message="clean draft has findings")

    def test_type_a_defect_and_see_its_underline_and_message(self):
        self.open_page("numbering.vraag")
        self.wait(lambda: self.findings(), message="no finding for numbering.vraag")
        # Make it worse: an empty question 5 at the end.
        self.driver.execute_script("const cm = document.querySelector('.CodeMirror').CodeMirror; cm.focus(); "
                                   "cm.setCursor(cm.lineCount() - 1, cm.getLine(cm.lineCount() - 1).length);")
        self.type(Keys.ENTER, Keys.ENTER, "5.")
        self.wait(lambda: any("leeg" in text.lower() for text in self.findings()),
                  message="no finding for the empty item: %s" % self.findings())
        self.wait(lambda: self.driver.find_elements(By.CSS_SELECTOR, ".CodeMirror-lint-mark-error"),
                  message="the empty item is not underlined as an error")

        def hover_underline():
            # The underline is redrawn when diagnostics arrive: find it again on each try.
            marks = self.driver.find_elements(By.CSS_SELECTOR, ".CodeMirror-lint-mark-error")
            try:
                ActionChains(self.driver).move_to_element(marks[-1]).perform()
            except Exception:
                return False
            return [t.text for t in self.driver.find_elements(By.CSS_SELECTOR, ".CodeMirror-lint-tooltip") if t.is_displayed() and t.text]
        # Its message on hover.
        tooltip = self.wait(hover_underline, message="no tooltip on the underline")
        self.assertIn("leeg", tooltip[0].lower())
        # The list moves the cursor.
        self.set_cursor(0, 0)

        def click_empty_item_finding():
            # Found and clicked in one go: the list may be redrawn in between tries.
            buttons = [b for b in self.driver.find_elements(By.CSS_SELECTOR, "#findings .finding-go") if "leeg" in b.text.lower()]
            if not buttons:
                return False
            buttons[0].click()
            return True
        self.wait(click_empty_item_finding, message="no finding for the empty item in the list")
        cursor = self.driver.execute_script("return document.querySelector('.CodeMirror').CodeMirror.getCursor()")
        self.assertEqual(self.editor_text().split("\n")[cursor["line"]], "5.")

    def test_hover_a_citation_and_see_the_cited_title(self):
        self.open_page("clean.vraag")
        line, ch = self.find_in_editor("nr. 123 van 26 januari 2024")
        box = self.char_coordinates(line, ch + 4)
        self.move_mouse_to(box["left"] + 2, (box["top"] + box["bottom"]) / 2)
        hover = self.wait(lambda: self.driver.find_element(By.ID, "hover").is_displayed()
                          and self.driver.find_element(By.ID, "hover"), message="no hover")
        self.assertIn("Inburgeringstrajecten - Stand van zaken", hover.text)
        # And with the keyboard: Ctrl-I at the cursor.
        self.type(Keys.ESCAPE)
        self.wait(lambda: not self.driver.find_element(By.ID, "hover").is_displayed())
        self.set_cursor(line, ch + 5)
        self.press_with_control("i")
        self.wait(lambda: "Inburgeringstrajecten" in self.driver.find_element(By.ID, "hover").text, message="no hover by keyboard")

    def test_accept_a_completion(self):
        self.open_page("aanvullen.vraag")
        line, _ = self.find_in_editor("1. Hoeveel")
        self.set_cursor(line - 1, 0)
        self.type(Keys.ENTER, "Zie ook vraag nr. ")
        hints = self.wait(lambda: self.driver.find_elements(By.CSS_SELECTOR, ".CodeMirror-hints li"), message="no completion after nr.")
        self.assertTrue(any("123" in hint.text for hint in hints), [hint.text for hint in hints])
        while "123" not in self.driver.find_element(By.CSS_SELECTOR, ".CodeMirror-hint-active").text:
            self.type(Keys.DOWN)
        self.type(Keys.ENTER)
        self.wait(lambda: "nr. 123 van 26 januari 2024" in self.editor_text().split("\n")[line],
                  message="not inserted: " + self.editor_text().split("\n")[line])
        # Ministers on aan:
        self.set_cursor(0, 0)
        self.driver.execute_script("const cm = document.querySelector('.CodeMirror').CodeMirror; cm.setSelection({line: 0, ch: 0}, {line: 0, ch: cm.getLine(0).length}); cm.replaceSelection('');")
        self.type("aan: Rut")
        hints = self.wait(lambda: self.driver.find_elements(By.CSS_SELECTOR, ".CodeMirror-hints li"), message="no ministers on aan:")
        self.assertTrue(any("Rutten" in hint.text for hint in hints), [hint.text for hint in hints])
        self.type(Keys.ENTER)
        self.wait(lambda: self.editor_text().split("\n")[0].startswith("aan: Gwendolyn Rutten"), message=self.editor_text()[:60])

    def test_apply_a_quick_fix(self):
        self.open_page("citation-form.vraag")
        self.wait(lambda: any("citation-form" in text for text in self.findings()), message="no citation-form finding")
        line, ch = self.find_in_editor("SV nr. 123")
        self.set_cursor(line, ch + 2)
        self.press_with_control(".")
        actions = self.wait(lambda: self.driver.find_elements(By.CSS_SELECTOR, ".CodeMirror-hints li"), message="no quick fixes")
        self.assertTrue(actions[0].text)
        self.type(Keys.ENTER)
        self.wait(lambda: "schriftelijke vraag nr. 123 van 26 januari 2024" in self.editor_text(), message=self.editor_text())
        self.wait(lambda: not any("citation-form" in text for text in self.findings()), message="finding stays after the fix")

    def test_similar_questions_panel_and_preview(self):
        self.open_page("clean.vraag")
        # The panel is redrawn as diagnostics arrive: its entries are read, and the
        # first one clicked, each in one try.
        titles = self.wait(lambda: [item.text for item in self.driver.find_elements(By.CSS_SELECTOR, "#similar li button")],
                           message="no similar questions")
        self.assertTrue(any("Inburgering" in title for title in titles), titles)
        def click_first():
            buttons = self.driver.find_elements(By.CSS_SELECTOR, "#similar li button")
            if not buttons:
                return False
            buttons[0].click()
            return True
        self.wait(click_first, message="the first similar question cannot be clicked")
        preview = self.wait(lambda: self.driver.find_element(By.ID, "preview").get_attribute("open") is not None
                            and self.driver.find_element(By.ID, "preview"), message="no preview")
        self.assertIn("Antwoord", preview.text)
        self.assertEqual(self.driver.find_element(By.ID, "preview-text").get_attribute("readonly"), None)  # a <pre>, not an input
        self.type(Keys.ESCAPE)
        self.wait(lambda: self.driver.find_element(By.ID, "preview").get_attribute("open") is None, message="Esc does not close")

    def test_reload_finds_the_text_saved(self):
        self.open_page("bewaren.vraag")
        line, _ = self.find_in_editor("1. Hoeveel")
        self.set_cursor(line - 1, 0)
        typed_at = time.time()
        self.type("Deze zin mag niet verloren gaan. ")
        saved_at = self.wait_saved(self.server.path("bewaren.vraag"), "Deze zin mag niet verloren gaan.")
        self.assertLess(saved_at - typed_at, 2.5, "saved more than a second after typing stopped")
        self.wait(lambda: "Opgeslagen" in self.status())
        self.driver.refresh()
        self.wait(lambda: self.body("data-draft") == "bewaren.vraag", message="not reopened")
        self.wait(lambda: "Deze zin mag niet verloren gaan." in self.editor_text(), message="reload lost the text")
        leftovers = [name for name in os.listdir(self.server.folder) if name.startswith(".")]
        self.assertEqual(leftovers, [], "temporary files left behind")

    def test_two_tabs_never_overwrite_each_other_silently(self):
        self.open_page("twee-tabbladen.vraag")
        first = self.driver.current_window_handle
        self.driver.switch_to.new_window("tab")
        try:
            self.open_page("twee-tabbladen.vraag")
            self.set_cursor(0, 0)
            self.type("Tab twee. ")
            self.wait_saved(self.server.path("twee-tabbladen.vraag"), "Tab twee.")
        finally:
            self.driver.close()
            self.driver.switch_to.window(first)
        self.set_cursor(0, 0)
        self.type("Tab een. ")
        self.wait(lambda: self.driver.find_element(By.ID, "conflict").get_attribute("open") is not None, message="no conflict shown")
        with open(self.server.path("twee-tabbladen.vraag"), encoding="utf-8") as handle:
            on_disk = handle.read()
        self.assertIn("Tab twee.", on_disk)
        self.assertNotIn("Tab een.", on_disk)
        # Taking the other version keeps mine in a new draft.
        self.driver.find_element(By.ID, "conflict-take-theirs").click()
        self.wait(lambda: "Tab twee." in self.editor_text())
        copies = [name for name in os.listdir(self.server.folder) if name.startswith("twee-tabbladen (mijn versie")]
        self.assertEqual(len(copies), 1, os.listdir(self.server.folder))
        self.wait(lambda: "Tab een." in open(self.server.path(copies[0]), encoding="utf-8").read(), message="my text is lost")

    def test_copy_the_text_to_submit(self):
        self.open_page("clean.vraag")
        self.driver.find_element(By.ID, "copy").click()
        self.wait(lambda: self.driver.find_element(By.ID, "submission-text").get_attribute("value"), message=self.status())
        text = self.driver.find_element(By.ID, "submission-text").get_attribute("value")
        self.assertTrue(text.startswith("Inburgeringsattesten - Erkenning door werkgevers\n\n"), text[:80])
        self.assertNotIn("aan:", text)
        self.assertIn("1. Hoeveel werkgevers", text)
        self.assertIn("gekopieerd", self.status())

    def test_keyboard_alone(self):
        self.open_page("clean.vraag")
        self.set_cursor(0, 0)
        self.type(Keys.TAB)
        inside = self.driver.execute_script("return document.querySelector('.CodeMirror').contains(document.activeElement)")
        self.assertFalse(inside, "Tab must leave the editor, not trap the keyboard")
        self.assertIn(self.driver.switch_to.active_element.tag_name, ["button", "input", "textarea", "pre", "a"])

    def test_new_draft_from_the_template(self):
        self.open_page()
        field = self.driver.find_element(By.ID, "new-name")
        field.send_keys("kinderopvang", Keys.ENTER)
        self.wait(lambda: self.body("data-draft") == "kinderopvang.vraag", message=self.status())
        self.assertIn("Onderwerp - Specificatie", self.editor_text())
        self.assertTrue(os.path.exists(self.server.path("kinderopvang.vraag")))


def screenshot(path):
    server = WebServer()
    driver = start_browser()
    try:
        driver.set_window_size(1400, 860)
        driver.get(server.url + "#concept=citation-form.vraag")
        WebDriverWait(driver, 20).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#similar li button")
                                        and d.find_elements(By.CSS_SELECTOR, "#findings li.finding"))
        line = next(i for i, text in enumerate(driver.execute_script(
            "return document.querySelector('.CodeMirror').CodeMirror.getValue()").split("\n")) if "SV nr." in text)
        box = driver.execute_script("return document.querySelector('.CodeMirror').CodeMirror.charCoords({line: arguments[0], ch: 30}, 'window')", line)
        actions = ActionChains(driver)
        actions.w3c_actions.pointer_action.move_to_location(int(box["left"]), int(box["top"] + 6))
        actions.perform()
        try:
            WebDriverWait(driver, 5).until(lambda d: d.find_element(By.ID, "hover").is_displayed())
        except TimeoutException:
            pass
        driver.save_screenshot(path)
    finally:
        driver.quit()
        server.stop()


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--screenshot":
        screenshot(sys.argv[2])
    else:
        unittest.main()
