"""Serve a built site from 127.0.0.1 the way a static host with gzip would.

Text types (HTML, CSS, JS, JSON, SVG, XML, plain text) are sent with
`Content-Encoding: gzip` (level 6, the usual server default) when the client accepts it;
other files are sent as they are. Files get a short `Cache-Control`, like GitHub Pages.

    python -m bench.serve [SITE_DIR] [--port 8001]

bench/lighthouse.py imports `start()` to run the server in a thread while Lighthouse measures.
"""

from __future__ import annotations

import argparse
import gzip
import mimetypes
import threading
from functools import lru_cache, partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

GZIP_LEVEL = 6
TEXT_TYPES = (
    "text/",
    "application/javascript",
    "application/json",
    "image/svg+xml",
    "application/xml",
    "application/manifest+json",
)

mimetypes.add_type("application/javascript", ".js")
mimetypes.add_type("application/json", ".json")
mimetypes.add_type("image/svg+xml", ".svg")


@lru_cache(maxsize=4096)
def _gzipped(path: str, mtime_ns: int) -> bytes:
    return gzip.compress(Path(path).read_bytes(), compresslevel=GZIP_LEVEL, mtime=0)


class GzipHandler(SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):  # quiet: Lighthouse makes many requests
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # redirect to the slash form
            path = path / "index.html"
        if not path.is_file():
            self.send_error(404, "File not found")
            return None
        ctype = self.guess_type(str(path))
        body = path.read_bytes()
        encoding = None
        if ctype.startswith(TEXT_TYPES) and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = _gzipped(str(path), path.stat().st_mtime_ns)
            encoding = "gzip"
        self.send_response(200)
        self.send_header(
            "Content-Type",
            ctype
            + (
                "; charset=utf-8"
                if ctype.startswith("text/") or ctype.endswith(("javascript", "json"))
                else ""
            ),
        )
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return _Body(body)

    def copyfile(self, source, outputfile):
        outputfile.write(source.data)


class _Body:
    def __init__(self, data: bytes):
        self.data = data

    def close(self):
        pass


def start(root: Path, port: int = 0) -> tuple[ThreadingHTTPServer, str]:
    """Serve `root` in a daemon thread; return the server and its base URL."""
    handler = partial(GzipHandler, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", nargs="?", default="site")
    parser.add_argument("--port", type=int, default=8001)
    args = parser.parse_args()
    server, url = start(Path(args.root), args.port)
    print(f"Serving {args.root} with gzip at {url} (Ctrl-C stops)")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.shutdown()


if __name__ == "__main__":
    main()
