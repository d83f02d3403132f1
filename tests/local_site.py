"""A real HTTP server on 127.0.0.1, in a thread, serving pages written for the tests.

The standard library's ThreadingHTTPServer: slow answers on one path never hold up the
others, as on the real web. No test touches the internet.
"""

from __future__ import annotations

import gzip
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering
    drip: float = 0.0  # seconds between chunks of the body


class LocalSite:
    """Routes by path; `url(path)` gives the address; `requests` records what was asked."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, str]] = []  # (path, user agent)
        self._stop = threading.Event()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                site.requests.append((self.path, self.headers.get("User-Agent", "")))
                route = site.routes.get(self.path)
                if route is None:
                    route = Route(404, b"<html><body>Not found</body></html>")
                if route.delay:
                    site._stop.wait(route.delay)
                try:
                    self.send_response(route.status)
                    self.send_header("Content-Type", route.content_type)
                    for key, value in route.headers.items():
                        self.send_header(key, value)
                    if "Content-Length" not in route.headers:
                        self.send_header("Content-Length", str(len(route.body)))
                    self.end_headers()
                    if route.drip:
                        for start in range(0, len(route.body), 16):
                            if site._stop.wait(route.drip):
                                return
                            self.wfile.write(route.body[start : start + 16])
                            self.wfile.flush()
                    else:
                        self.wfile.write(route.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up: that is what the test wanted

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)

    def url(self, path: str) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}{path}"

    def page(self, path: str, html: str, **kwargs: object) -> str:
        self.routes[path] = Route(body=html.encode("utf-8"), **kwargs)  # type: ignore[arg-type]
        return self.url(path)

    def redirect(self, path: str, to: str, status: int = 301) -> str:
        self.routes[path] = Route(status, b"", headers={"Location": to})
        return self.url(path)

    def gzipped(self, path: str, data: bytes, content_type: str = "text/html") -> str:
        self.routes[path] = Route(
            body=gzip.compress(data),
            content_type=content_type,
            headers={"Content-Encoding": "gzip"},
        )
        return self.url(path)

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self._stop.set()
        self.server.shutdown()
        self.server.server_close()


def serving() -> Iterator[LocalSite]:
    """For a fixture: `yield from serving()`; the server stops when the test ends."""
    server = LocalSite()
    server.start()
    try:
        yield server
    finally:
        server.stop()


def article_html(
    title: str,
    paragraphs: list[str],
    *,
    site_name: str = "The Test Herald",
    date: str | None = "2023-03-02",
) -> str:
    """A news page as sites serve them: navigation, the article, furniture around it."""
    meta = f'<meta property="og:site_name" content="{site_name}">'
    if date:
        meta += f'<meta property="article:published_time" content="{date}T10:00:00Z">'
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    return (
        f"<!doctype html><html><head><title>{title} | {site_name}</title>{meta}</head>"
        "<body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{title}</h1>{body}</article>"
        "<footer>Subscribe to our newsletter. All rights reserved.</footer></body></html>"
    )
