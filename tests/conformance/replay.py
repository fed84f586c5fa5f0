"""A small API server on loopback that answers every GET with the reference's example body
of the matching operation (404 when it has none). Each list is one page holding exactly the
example's items: its meta.pagination is derived from them (later v2 pages are 204); nothing
else of the example is changed."""

import copy
import json
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import reference

STORE = "replay"
PREFIX = f"/stores/{STORE}"


def one_page(body, limit):
    """The example as the only page of its list: meta.pagination derived from the example's
    own items (the reference's meta is illustrative and often contradicts them: a count of
    2 over 3 items, a total of 0 over 5), so that the driver's page checks see what a real
    store would send with these items; the next links are dropped."""
    body = copy.deepcopy(body)
    meta = body.get("meta") if isinstance(body, dict) else None
    if isinstance(meta, dict):
        pg = meta.get("pagination")
        if isinstance(pg, dict):
            n = len(items_of(body))
            per_page = limit or max(n, 50)
            pg.update(total=n, count=n, per_page=per_page, current_page=1, total_pages=1)
            pg["links"] = {"current": f"?page=1&limit={per_page}"}
        cp = meta.get("cursor_pagination")
        if isinstance(cp, dict):
            cp["count"] = len(items_of(body))
            if isinstance(cp.get("links"), dict):
                cp["links"].pop("next", None)
    return body


def items_of(body):
    """The items of a list body as the driver reads them: a v2 array, v3 data (an object
    under data is one item)."""
    if isinstance(body, list):
        return body
    data = body.get("data") if isinstance(body, dict) else None
    if isinstance(data, list):
        return data
    return [data] if isinstance(data, dict) else []


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
                limit = int((query.get("limit") or ["0"])[0] or 0)
                self.reply(200, one_page(example, limit))

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
