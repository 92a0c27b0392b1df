"""Headless Chromium for the browser tests: Debian's package, driven by Playwright.

Playwright is told where the browser is (executable_path) and never downloads one;
`make install` installs Debian's chromium when it is missing. A missing browser
fails these tests: skipping them would hide that the pictures went unchecked.

Playwright's sync API keeps an asyncio loop running in this thread, where Django
then refuses database work ("async context"). So a test's data is made and its
expectations read before the browser starts (fixtures that `signed_in` depends
on), and the test itself only drives the page.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, sync_playwright

from tests.conftest import ARTIFACTS

CHROMIUM = Path("/usr/bin/chromium")
# No sandbox: it needs user namespaces that CI's root user does not get. The rest
# keeps a test browser from calling home.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = ARTIFACTS / "browser"
PASSWORD = "a-long-test-password"  # tests.factories.UserFactory's


@pytest.fixture
def chromium() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: `make install` installs Debian's chromium package")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


@dataclass
class Admin:
    """A page logged in to the admin, and what went wrong in its console."""

    page: Page
    base_url: str
    problems: list[str] = field(default_factory=list)

    def open(self, path: str) -> None:
        self.page.goto(self.base_url + path)

    def screenshot(self, name: str, *, whole_page: bool = False) -> Path:
        """The picture's panel (or the whole page) as test-artifacts/browser/<name>.png."""
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        if whole_page:
            self.page.screenshot(path=path, full_page=True)
        else:
            self.page.locator(".graph-panel").screenshot(path=path)
        return path

    def click_node(self, uid: str) -> None:
        """Click the drawn node `uid` where Cytoscape put it on the canvas."""
        canvas = self.page.locator(".graph-canvas")
        canvas.scroll_into_view_if_needed()
        # Cytoscape learns where its canvas now is from the scroll event: let it fire.
        self.page.evaluate(
            "() => new Promise((done) => requestAnimationFrame(() => setTimeout(done)))"
        )
        position = self.page.evaluate(
            "(uid) => document.querySelector('.graph-canvas')._cy"
            ".getElementById(uid).renderedPosition()",
            uid,
        )
        box = canvas.bounding_box()
        self.page.mouse.click(box["x"] + position["x"], box["y"] + position["y"])


def sign_in(browser: Browser, base_url: str, username: str) -> Admin:
    """Log in through the admin's login form, as a person would."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    admin = Admin(page, base_url)

    def note(message: ConsoleMessage) -> None:
        # CSP refusals land here too; the browser's own favicon request does not count.
        if message.type == "error" and not message.location["url"].endswith("/favicon.ico"):
            admin.problems.append(message.text)

    page.on("console", note)
    page.on("pageerror", lambda error: admin.problems.append(str(error)))
    admin.open("/admin/login/?next=/admin/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(base_url + "/admin/")
    return admin
