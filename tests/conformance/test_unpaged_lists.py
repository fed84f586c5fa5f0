"""Lists whose reference declares no page/limit (CategoryTrees, ProductBulkPricingRules) are
asked for without them; when a store still splits such a list into pages (its answer's
meta.pagination says so, at its own page size), the driver asks for the later pages with
page= alone, as the answer's next links do, and returns every row: never a silent first page."""

import json
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

STORE = "unpaged"
PREFIX = f"/stores/{STORE}"
TREES = [{"id": i, "name": f"tree {i}", "channels": [i]} for i in (1, 2, 3)]


def page_of(items, page, per_page):
    """A v3 list page as a store that paginates at per_page sends it."""
    chunk = items[(page - 1) * per_page:page * per_page]
    pages = (len(items) + per_page - 1) // per_page
    links = {"current": f"?page={page}"}
    if page < pages:
        links["next"] = f"?page={page + 1}"
    return {"data": chunk, "meta": {"pagination": {
        "total": len(items), "count": len(chunk), "per_page": per_page,
        "current_page": page, "total_pages": pages, "links": links}}}


class Store:
    """A store on loopback that paginates /v3/catalog/trees two to a page whatever is asked."""

    def __init__(self):
        self.requests = []
        store = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                url = urllib.parse.urlsplit(self.path)
                store.requests.append((url.path, url.query))
                if url.path == PREFIX + "/v2/store":  # the connection's check
                    return self.reply(200, {"id": STORE, "name": "Unpaged"})
                if url.path != PREFIX + "/v3/catalog/trees":
                    return self.reply(404, {"status": 404, "title": "not here"})
                page = int(urllib.parse.parse_qs(url.query).get("page", ["1"])[0])
                self.reply(200, page_of(TREES, page, 2))

            def reply(self, status, body):
                raw = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.store_hash, self.token = STORE, "unpaged"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def store():
    s = Store()
    yield s
    s.stop()


def test_a_list_without_declared_paging_is_read_whole_when_the_store_pages_it(store, connect):
    cur = connect(store, Timeout=10).cursor()
    rows = cur.execute("SELECT id, name FROM CategoryTrees ORDER BY id").fetchall()
    assert [tuple(r) for r in rows] == [(t["id"], t["name"]) for t in TREES]
    trees = [q for p, q in store.requests if p.endswith("/v3/catalog/trees")]
    assert trees == ["", "page=2"], "page 1 without parameters, then page 2 as the link says"


def test_a_list_without_declared_paging_counts_every_page(store, connect):
    cur = connect(store, Timeout=10).cursor()
    assert cur.execute("SELECT COUNT(*) FROM CategoryTrees").fetchone()[0] == len(TREES)
    trees = [q for p, q in store.requests if p.endswith("/v3/catalog/trees")]
    assert "limit" not in "&".join(trees)
