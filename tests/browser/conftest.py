"""Browser tests: Debian's Chromium, driven by Playwright, against a real server on loopback.

Once per session: a SQLite database holding the demo corpus (ingested with the real extractor)
and two users (an analyst and a viewer), served by `ghostwatch serve`'s code in a subprocess on a
free port. The database, the server and the login helper are those of scripts/screenshots.py,
which takes the docs' screenshots the same way.

Without /usr/bin/chromium the tests fail (`apt-get install chromium`), unless
GHOSTWATCH_SKIP_BROWSER=1 asks to skip them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_script import shots
from playwright.sync_api import Browser, Page, Playwright, sync_playwright

SKIP_BROWSER_ENV = "GHOSTWATCH_SKIP_BROWSER"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "browser: drives Debian's Chromium against a real server (Playwright)"
    )


@pytest.fixture(scope="session")
def chromium() -> Path:
    """The Chromium binary, checked before anything costly is built."""
    if shots.CHROMIUM.exists():
        return shots.CHROMIUM
    if os.environ.get(SKIP_BROWSER_ENV) == "1":
        pytest.skip(f"{shots.CHROMIUM} is missing and {SKIP_BROWSER_ENV}=1")
    pytest.fail(
        f"{shots.CHROMIUM} is missing: apt-get install chromium "
        f"(or set {SKIP_BROWSER_ENV}=1 to skip the browser tests)",
        pytrace=False,
    )


@pytest.fixture(scope="session")
def demo_db(chromium: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    return shots.demo_database(tmp_path_factory.mktemp("browser-db"))


@pytest.fixture(scope="session")
def server(demo_db: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL of the app serving the demo database."""
    log = tmp_path_factory.mktemp("browser-server") / "server.log"
    with shots.running_server(demo_db, log) as base:
        yield base


@pytest.fixture(scope="session")
def playwright_session(chromium: Path) -> Iterator[Playwright]:
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_session: Playwright) -> Iterator[Browser]:
    browser = shots.launch_chromium(playwright_session)
    yield browser
    browser.close()


@pytest.fixture
def page(browser: Browser, server: str) -> Iterator[Page]:
    """A fresh browser context (no cookie) per test; console errors fail the test."""
    context = browser.new_context(viewport={"width": 1280, "height": 860})
    context.set_default_timeout(30_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert not errors, f"JavaScript errors on the pages: {errors}"


@pytest.fixture
def analyst_page(page: Page, server: str) -> Page:
    shots.log_in(page, server, shots.ANALYST)
    return page


@pytest.fixture
def viewer_page(page: Page, server: str) -> Page:
    shots.log_in(page, server, shots.VIEWER)
    return page
