"""Helpers for the browser tests: find a Chromium, serve the built site under its path.

The site is served on 127.0.0.1 (a free port) under the path of mkdocs.yml's site_url
(SITE_URL when set, as for the build), as GitHub Pages serves a project site. Nothing
here reaches the network: the tests route every request and record any that leaves the
local server.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import socket
import threading
import xml.etree.ElementTree as ET
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from studyguide import ROOT
from studyguide.outputs.book.nav import read_config

SITE_URL = read_config(ROOT / "mkdocs.yml")["site_url"]  # what the session's build was made for
PREFIX = urlsplit(SITE_URL).path or "/"

# The machine's network is closed; these keep Chromium from trying to phone home.
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-sync",
    "--no-first-run",
    "--no-default-browser-check",
    "--metrics-recording-only",
    "--mute-audio",
    # No request leaves the machine: every host name but the local server's fails to
    # resolve, and the Recorder lists each attempt as an off-site request. (Routing every
    # request through Playwright to abort the foreign ones cost a fifth of a page load.)
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


def find_chromium(playwright) -> tuple[str | None, str]:
    """An executable to launch, or None and a one-line reason.

    Order: $CHROMIUM_PATH, Debian's /usr/bin/chromium, a browser on PATH, then the
    one Playwright installed itself (`playwright install chromium`, as on CI runners).
    """
    env = os.environ.get("CHROMIUM_PATH")
    if env:
        if Path(env).is_file() and os.access(env, os.X_OK):
            return env, ""
        return None, f"CHROMIUM_PATH={env} is not an executable file"
    candidates = ["/usr/bin/chromium"]
    candidates += [shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")]
    try:
        candidates.append(playwright.chromium.executable_path)
    except Exception:  # noqa: BLE001 - no bundled browser registered
        pass
    for path in candidates:
        if path and Path(path).is_file() and os.access(path, os.X_OK):
            return path, ""
    return None, (
        "no Chromium found: set CHROMIUM_PATH, install Debian's chromium, "
        "or run `playwright install chromium`"
    )


def free_socket() -> socket.socket:
    """A listening-ready socket bound to a free port on 127.0.0.1."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


class _SubpathHandler(SimpleHTTPRequestHandler):
    """Serves `directory` at PREFIX only, and answers other paths with 404.html and a
    404 status, the way GitHub Pages does for a project site."""

    def __init__(self, *args, directory: str, replace: dict[str, bytes], **kwargs):
        self.replace = replace
        super().__init__(*args, directory=directory, **kwargs)

    def log_message(self, format, *args):  # noqa: A002 - keep test output quiet
        pass

    def translate_path(self, path: str) -> str:
        clean = urlsplit(path).path
        if clean + "/" == PREFIX:
            clean = PREFIX
        if not clean.startswith(PREFIX):
            return str(Path(self.directory) / ".outside-the-site")  # answered with 404.html
        return super().translate_path("/" + clean[len(PREFIX) :])

    def do_GET(self):  # noqa: N802 - http.server's naming
        path = urlsplit(self.path).path
        if path + "/" == PREFIX:
            self.send_response(301)
            self.send_header("Location", PREFIX)
            self.end_headers()
            return
        if path.startswith(PREFIX) and path[len(PREFIX) :] in self.replace:
            body = self.replace[path[len(PREFIX) :]]
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(path))
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        target = Path(self.translate_path(self.path))
        if target.is_dir():
            target = target / "index.html"
        if not target.exists():
            page = Path(self.directory) / "404.html"
            body = page.read_bytes() if page.exists() else b"not found"
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()


@contextmanager
def serve(site_dir: Path, sock: socket.socket, replace: dict[str, bytes] | None = None):
    """Serve `site_dir` at http://127.0.0.1:PORT/<PREFIX> on a background thread; a path
    under the site in `replace` is answered with its bytes instead of the file's."""
    handler = functools.partial(_SubpathHandler, directory=str(site_dir), replace=replace or {})
    server = ThreadingHTTPServer(sock.getsockname(), handler, bind_and_activate=False)
    server.socket.close()
    server.socket = sock
    server.server_activate()
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="guide-http", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}{PREFIX}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def site_pages(site_dir: Path, base_url: str) -> list[str]:
    """Every page's URL: the sitemap's entries (rebased from SITE_URL on `base_url`), checked
    against the index.html files on disk so that neither can miss a page."""
    on_disk = sorted(
        "" if p.parent == site_dir else p.parent.relative_to(site_dir).as_posix() + "/"
        for p in site_dir.rglob("index.html")
        if "assets" not in p.relative_to(site_dir).parts
    )
    tree = ET.parse(site_dir / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    in_sitemap = sorted(
        unquote(loc.text.strip()).removeprefix(SITE_URL)
        for loc in tree.getroot().iterfind("s:url/s:loc", ns)
    )
    if in_sitemap != on_disk:
        raise AssertionError(f"sitemap.xml {in_sitemap} does not match the built pages {on_disk}")
    return [base_url + p for p in on_disk]


# Every page starts Material's search worker, which fetches the index and builds it: the
# index is one file for the whole site, so building it again on each page showed nothing
# new and cost a third of a page load's CPU. The `served` fixture answers this path with
# small_search_index(); the tests that search are served the real one (served_as_built).
SEARCH_INDEX = "search/search_index.json"


def small_search_index(site_dir: Path) -> bytes:
    """The site's search index (its config, so the worker sets up as on the site) with
    only the home page's entries."""
    index = json.loads((site_dir / SEARCH_INDEX).read_text(encoding="utf-8"))
    docs = [d for d in index["docs"] if d["location"] == "" or d["location"].startswith("#")]
    assert docs, "the search index has no entry for the home page"
    return json.dumps({**index, "docs": docs}).encode()
