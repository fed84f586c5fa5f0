"""A small API server on loopback that answers every GET with the reference's example body
of the matching operation (404 when it has none). Pagination is made to end on the first
page (meta.pagination says one page; later v2 pages are 204), so a list reads exactly the
example's items; nothing else of the example is changed."""

import copy
import json
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import reference

STORE = "replay"
PREFIX = f"/stores/{STORE}"


def one_page(body):
    body = copy.deepcopy(body)
    meta = body.get("meta") if isinstance(body, dict) else None
    if isinstance(meta, dict):
        pg = meta.get("pagination")
        if isinstance(pg, dict):
            pg["total_pages"] = 1
            pg["current_page"] = 1
            if isinstance(pg.get("links"), dict):
                pg["links"].pop("next", None)
        cp = meta.get("cursor_pagination")
        if isinstance(cp, dict) and isinstance(cp.get("links"), dict):
            cp["links"].pop("next", None)
    return body


class Replay:
    def __init__(self, ops):
        self.ops = ops
        self.served = []  # (path, operation or None)
        replay = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                url = urllib.parse.urlsplit(self.path)
                query = urllib.parse.parse_qs(url.query)
                path = url.path[len(PREFIX):] if url.path.startswith(PREFIX) else url.path
                op = reference.find(replay.ops, "GET", path)
                replay.served.append((path, op))
                example = op.example() if op else None
                if example is None:
                    return self.reply(404, {"status": 404, "title": "no example"})
                page = int((query.get("page") or ["1"])[0] or 1)
                if page > 1 and isinstance(example, list):
                    return self.reply(204, None)
                self.reply(200, one_page(example))

            def reply(self, status, body):
                raw = b"" if body is None else json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()
