"""Local web servers for homework's tests and benchmark: fictional sites and hostile routes.

Each folder under tests/data/homework/sites/ becomes its own site (its own port, so its own
robots.txt and feed paths). Every site also answers the hostile routes below.
"""

from __future__ import annotations

import contextlib
import gzip
import threading
import time
from collections.abc import Iterator
from functools import cache, partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

SITES = Path(__file__).resolve().parent.parent / "data" / "homework" / "sites"
MB = 1_000_000
TYPES = {
    ".xml": "application/xml",
    ".html": "text/html; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
}
FEED_TYPES = {"rss.xml": "application/rss+xml", "atom.xml": "application/atom+xml"}


class SiteHandler(SimpleHTTPRequestHandler):
    """Serves a site folder; extension-less paths find their .html file."""

    def log_message(self, format: str, *args: object) -> None:  # quiet tests
        pass

    def guess_type(self, path: str | Path) -> str:
        name = Path(path).name
        return FEED_TYPES.get(name) or TYPES.get(Path(path).suffix, "application/octet-stream")

    def do_GET(self) -> None:
        route = self.path.split("?")[0]
        hostile = HOSTILE.get(route)
        if hostile is not None:
            hostile(self)
            return
        local = Path(self.translate_path(route))
        if not local.exists() and local.with_suffix(".html").exists():
            self.path = route + ".html"
        super().do_GET()

    # -- hostile routes ----------------------------------------------------------------
    def send_page(self, body: bytes, content_type: str = "text/html; charset=utf-8") -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def huge(self, *, declared: bool) -> None:
        """A 50 MB body, with or without saying so up front."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        if declared:
            self.send_header("Content-Length", str(50 * MB))
        self.end_headers()
        chunk = b"<p>" + b"a" * 65_530 + b"</p>"
        with contextlib.suppress(OSError):
            for _ in range(50 * MB // len(chunk)):
                self.wfile.write(chunk)

    def drip(self) -> None:
        """Headers at once, then one byte every 0.1 s for a minute."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        with contextlib.suppress(OSError):
            for _ in range(600):
                self.wfile.write(b"<")
                self.wfile.flush()
                time.sleep(0.1)


@cache
def _bomb_body() -> bytes:
    return gzip.compress(b"<p>" + b"0" * (50 * MB) + b"</p>", compresslevel=6)


def _bomb(handler: SiteHandler) -> None:
    """A small gzip body that unpacks to 50 MB."""
    body = _bomb_body()
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Content-Encoding", "gzip")
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    with contextlib.suppress(OSError):
        handler.wfile.write(body)


HOSTILE = {
    "/bomb": _bomb,
    "/huge": partial(SiteHandler.huge, declared=False),
    "/huge-declared": partial(SiteHandler.huge, declared=True),
    "/drip": SiteHandler.drip,
    "/loop": lambda h: h.redirect("/loop-again"),
    "/loop-again": lambda h: h.redirect("/loop"),
    "/to-metadata": lambda h: h.redirect("http://169.254.169.254/latest/meta-data/"),
    "/to-file": lambda h: h.redirect("file:///etc/passwd"),
    "/escapes": lambda h: h.send_page(
        b"<html><head><title>\x1b[31mRed\x1b[0m \x1b]8;;http://evil.example\x07link\x1b]8;;\x07"
        b" title</title></head><body><p>Terminal escapes in a title.</p></body></html>"
    ),
    "/picture.png": lambda h: h.send_page(b"\x89PNG\r\n\x1a\n", "image/png"),
}


class Sites:
    """Running sites: ``sites.url("consultant", "/services")``."""

    def __init__(self) -> None:
        self.servers: dict[str, ThreadingHTTPServer] = {}

    def start(self) -> Sites:
        for folder in sorted(p for p in SITES.iterdir() if p.is_dir()):
            handler = partial(SiteHandler, directory=str(folder))
            server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
            server.daemon_threads = True
            threading.Thread(target=server.serve_forever, daemon=True).start()
            self.servers[folder.name] = server
        return self

    def base(self, site: str) -> str:
        host, port = self.servers[site].server_address[:2]
        return f"http://{host!s}:{port}"

    def url(self, site: str, path: str = "/") -> str:
        return self.base(site) + path

    def stop(self) -> None:
        for server in self.servers.values():
            server.shutdown()
            server.server_close()


@contextlib.contextmanager
def running_sites() -> Iterator[Sites]:
    sites = Sites().start()
    try:
        yield sites
    finally:
        sites.stop()
