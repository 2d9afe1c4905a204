"""Serve the built console (``frontend/dist``) on loopback, with the API base URL it should call."""
from __future__ import annotations

import functools
import json
import os
import threading
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

DIST = Path(__file__).resolve().parents[2] / "frontend" / "dist"


@dataclass
class ConsoleServer:
    server: ThreadingHTTPServer
    url: str

    def stop(self) -> None:
        self.server.shutdown()


class _ConsoleHandler(SimpleHTTPRequestHandler):
    api_url = ""

    def do_GET(self) -> None:  # noqa: N802 — http.server's naming
        if self.path.split("?")[0] == "/config.json":
            body = json.dumps({"apiBaseUrl": self.api_url}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        # Single-page app: unknown paths fall back to index.html.
        target = DIST / self.path.lstrip("/").split("?")[0]
        if not target.exists() or target.is_dir() and not (target / "index.html").exists():
            self.path = "/index.html"
        super().do_GET()

    def log_message(self, *args: object) -> None:
        pass


def start(api_url: str, port: int | None = None) -> ConsoleServer | None:
    if not (DIST / "index.html").exists():
        return None
    port = port if port is not None else int(os.environ.get("CONSOLE_PORT", "5173"))
    handler = type("Handler", (_ConsoleHandler,), {"api_url": api_url})
    server = ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler, directory=str(DIST)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return ConsoleServer(server, f"http://127.0.0.1:{server.server_address[1]}")
