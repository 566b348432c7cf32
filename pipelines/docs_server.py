"""`tahqiq docs`: serve the warehouse's pictures (reports/) and Great Expectations Data Docs (data_docs/)
over HTTP on this machine, so the Dagster UI can draw the pictures in place and a browser opens the docs."""

from __future__ import annotations

import functools
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

SERVED = ("/reports/", "/data_docs/")


class ReportsHandler(SimpleHTTPRequestHandler):
    """Files under reports/ and data_docs/ only: the warehouse beside them is not for the network."""

    def send_head(self):
        if self.path in ("/", "/data_docs"):
            self.send_response(302)
            self.send_header("Location", "/data_docs/index.html")
            self.end_headers()
            return None
        if not self.path.startswith(SERVED) or ".." in self.path:
            self.send_error(404, "only reports/ and data_docs/ are served")
            return None
        return super().send_head()

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


def serve(folder: Path, host: str, port: int) -> None:
    handler = functools.partial(ReportsHandler, directory=str(folder))
    with ThreadingHTTPServer((host, port), handler) as server:
        server.serve_forever()
