"""Screenshots of the web app's pages over the demo corpus, for docs/screenshots/.

    python scripts/screenshots.py [--out docs/screenshots]

Builds a SQLite database holding the demo corpus in a temporary folder (ingested with the real
extractor), adds an analyst and a viewer, serves the app on a free loopback port (the code of
`ghostwatch serve`, in a subprocess), logs in as the analyst with Debian's Chromium (Playwright,
headless) and saves one PNG per page: login, incidents, incident, map, timeline, network, upload,
audit. Run it again when the pages change.

The browser tests (tests/browser/) reuse this module's helpers to build their database and start
their server: `demo_database`, `running_server`, `launch_chromium`, `log_in`.
"""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Playwright

CHROMIUM = Path("/usr/bin/chromium")
PASSWORD = "correct horse battery"
#: the users of the demo database: name -> role
USERS = {"ana": "analyst", "victor": "viewer"}
ANALYST, VIEWER = "ana", "victor"
OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
SERVER_TIMEOUT = 90.0
#: the page views, in the order they are taken: name -> path (the incident is found on the way)
PAGES = ("login", "incidents", "incident", "map", "timeline", "network", "upload", "audit")

# the server: `ghostwatch serve`'s own code, whether or not the CLI lists the command yet
SERVE = (
    "import sys; from ghostwatch.web_commands import serve_command; "
    "serve_command(db=sys.argv[1], host=sys.argv[2], port=int(sys.argv[3]))"
)


def demo_database(folder: Path) -> str:
    """A SQLite database in `folder` holding the demo corpus and the `USERS`; its path."""
    from ghostwatch.demo import demo_inputs
    from ghostwatch.extract import Extractor
    from ghostwatch.store import Store
    from ghostwatch.workflow import ingest, load_documents

    path = str(folder / "ghostwatch.db")
    with Store.open(path) as store, demo_inputs() as (inputs, _notes):
        summary = ingest(load_documents(inputs), store, Extractor())
        if summary.problems:
            raise RuntimeError(f"the demo corpus did not ingest cleanly: {summary.problems}")
        for username, role in USERS.items():
            store.users.add(username, PASSWORD, role)  # type: ignore[arg-type]
    return path


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running_server(db: str, log: Path) -> Iterator[str]:
    """Serve the app over `db` on 127.0.0.1 (a free port) in a subprocess logging to `log`;
    yield its base URL once /login answers, stop it afterwards."""
    port = free_port()
    env = {**os.environ, "GHOSTWATCH_SECRET": secrets.token_urlsafe(32)}
    with log.open("wb") as output:
        server = subprocess.Popen(
            [sys.executable, "-c", SERVE, db, "127.0.0.1", str(port)],
            stdout=output,
            stderr=subprocess.STDOUT,
            env=env,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(server, base + "/login", log)
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def wait_until_up(server: subprocess.Popen[bytes], url: str, log: Path) -> None:
    deadline = time.monotonic() + SERVER_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            output = log.read_text("utf-8", "replace")
            raise RuntimeError(f"the server stopped (exit {server.returncode}):\n{output}")
        try:
            with urllib.request.urlopen(url, timeout=2) as answer:
                if answer.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.3)
    raise RuntimeError(
        f"the server did not answer {url} in {SERVER_TIMEOUT:.0f} s:\n"
        f"{log.read_text('utf-8', 'replace')}"
    )


def launch_chromium(playwright: Playwright) -> Browser:
    """Headless Debian Chromium (never a downloaded browser)."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True)


def log_in(page: Page, base: str, username: str, password: str = PASSWORD) -> None:
    """Log in through the login form; the browser lands on the incidents page."""
    page.goto(base + "/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    with page.expect_navigation():
        page.click("form.login button[type=submit]")


def wait_for_drawing(page: Page, selector: str, timeout: float = 30_000) -> str:
    """Wait until a map/network/timeline element says it is drawn; its data-gw-ready value."""
    page.wait_for_selector(f"{selector}[data-gw-ready]", state="attached", timeout=timeout)
    return page.get_attribute(selector, "data-gw-ready") or ""


def take_screenshots(base: str, out: Path, browser: Browser) -> list[Path]:
    """Log in as the analyst and save every page of `PAGES` as out/<page>.png."""
    out.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 860})
    page = context.new_page()
    saved: list[Path] = []

    def shoot(name: str, full_page: bool = True) -> None:
        path = out / f"{name}.png"
        page.screenshot(path=str(path), full_page=full_page)
        saved.append(path)

    try:
        page.goto(base + "/login")
        shoot("login", full_page=False)
        log_in(page, base, ANALYST)
        page.goto(base + "/incidents")
        shoot("incidents")
        # the incident with the most reports, one of its facts confirmed (for the audit log)
        page.goto(base + "/incidents?sort=-reports")
        page.click("table.incidents tbody tr:first-child td:first-child a")
        page.wait_for_load_state()
        confirm = page.locator("tr.fact td.review button[value=confirmed]").first
        if confirm.count():
            with page.expect_navigation():
                confirm.click()
        wait_for_drawing(page, "#network")
        shoot("incident")
        page.goto(base + "/map")
        wait_for_drawing(page, "#map")
        page.wait_for_timeout(500)  # the basemap's borders come after the markers
        shoot("map", full_page=False)
        page.goto(base + "/timeline")
        wait_for_drawing(page, "#timeline")
        shoot("timeline")
        page.goto(base + "/network")
        wait_for_drawing(page, "#network")
        page.wait_for_timeout(1000)  # the layout settles
        shoot("network", full_page=False)
        page.goto(base + "/upload")
        shoot("upload")
        page.goto(base + "/audit")
        shoot("audit")
    finally:
        context.close()
    return saved


def main(
    out: Annotated[Path, typer.Option(help="Folder of the PNGs.")] = OUT,
) -> None:
    """Build the demo database, serve it, and save a screenshot of each page."""
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        typer.echo(f"{CHROMIUM} is missing: apt-get install chromium", err=True)
        raise typer.Exit(1)
    with tempfile.TemporaryDirectory(prefix="ghostwatch-screenshots-") as scratch:
        folder = Path(scratch)
        typer.echo("ingesting the demo corpus...", err=True)
        db = demo_database(folder)
        with running_server(db, folder / "server.log") as base, sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            try:
                saved = take_screenshots(base, out, browser)
            finally:
                browser.close()
    for path in saved:
        typer.echo(str(path))


if __name__ == "__main__":
    typer.run(main)
