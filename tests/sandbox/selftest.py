#!/usr/bin/python3
"""sandbox.selftest: starts bc-sandbox and checks the behaviour the driver's tests rely on.
Usage: selftest.py PATH/TO/bc-sandbox   (stdlib only; run with Debian's /usr/bin/python3)."""
import json
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

TOKEN = "selftest-token"
HASH = "abc123"
CLIENT, SECRET, REDIRECT = "cid", "csecret", "http://localhost:33333/cb"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def call(base, path, method="GET", token=TOKEN, body=None, ctype=None):
    """Returns (status, headers, body bytes) without raising on HTTP errors."""
    req = urllib.request.Request(base + path, method=method, data=body)
    if token:
        req.add_header("X-Auth-Token", token)
    if ctype:
        req.add_header("Content-Type", ctype)
    try:
        with OPENER.open(req, timeout=10) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def api(base, rest, **kw):
    return call(base, "/stores/%s/%s" % (HASH, rest), **kw)


def check(cond, what):
    if not cond:
        raise AssertionError(what)
    print("ok -", what)


def v3_envelope_and_pagination(base):
    st, hd, body = api(base, "v3/catalog/products?limit=10&page=2")
    doc = json.loads(body)
    pg = doc["meta"]["pagination"]
    check(st == 200 and [p["id"] for p in doc["data"]] == list(range(11, 21)),
          "v3 page 2 of limit 10 holds products 11..20")
    check(pg == {"total": 25, "count": 10, "per_page": 10, "current_page": 2, "total_pages": 3,
                 "links": {"previous": "?page=1&limit=10", "current": "?page=2&limit=10",
                           "next": "?page=3&limit=10"}}, "v3 pagination meta and links")
    for h in ("X-Rate-Limit-Requests-Left", "X-Rate-Limit-Requests-Quota",
              "X-Rate-Limit-Time-Reset-Ms", "X-Rate-Limit-Time-Window-Ms"):
        check(hd.get(h) is not None, "rate-limit header " + h)
    st, _, body = api(base, "v3/catalog/products?id:in=7,3,999")
    check([p["id"] for p in json.loads(body)["data"]] == [3, 7], "id:in keeps only real ids")
    st, _, body = api(base, "v3/catalog/products/2")
    desc = json.loads(body)["data"]["description"]
    check(len(desc) == 100000 and any(ord(c) > 127 for c in desc),
          "product 2 description is 100,000 code points with non-ASCII")
    st, _, body = api(base, "v3/catalog/products/999")
    check(st == 404 and json.loads(body)["status"] == 404, "missing product -> v3 404 body")
    names = [b["name"] for b in json.loads(api(base, "v3/catalog/brands")[2])["data"]]
    check(any(ord(c) > 0x3000 for n in names for c in n), "brand names include CJK")


def v2_orders(base):
    st, _, body = api(base, "v2/orders?limit=250")
    orders = json.loads(body)
    check(st == 200 and len(orders) == 12 and orders[0]["id"] == 100, "v2 orders bare array")
    check(api(base, "v2/orders?page=2&limit=250")[0] == 204, "v2 past the last page -> 204")
    count = json.loads(api(base, "v2/orders/count")[2])
    check(count["count"] == 14, "v2 orders count includes the 2 unlisted Incomplete orders")
    check([s["count"] for s in count["statuses"] if s["id"] == 0] == [2], "Incomplete: 2")
    customers = {c["id"] for c in json.loads(api(base, "v3/customers?limit=250")[2])["data"]}
    o = orders[0]
    items = json.loads(api(base, "v2/orders/%d/products" % o["id"])[2])
    total = sum(round(float(i["total_inc_tax"]) * 100) for i in items)
    check(total == round(float(o["total_inc_tax"]) * 100), "order total equals its items")
    check(all(x["customer_id"] == 0 or x["customer_id"] in customers for x in orders),
          "orders reference real customers or guests")
    check(o["date_created"].endswith("+0000") and "," in o["date_created"], "v2 RFC 2822 date")
    st, _, body = api(base, "v2/orders/5")
    check(st == 404 and json.loads(body)[0]["status"] == 404, "missing order -> v2 404 body")


def auth_and_log(base):
    st, _, body = api(base, "v3/catalog/brands", token="wrong")
    check(st == 401 and json.loads(body)["status"] == 401, "bad token -> 401")
    check(call(base, "/stores/nope/v2/store")[0] == 404, "unknown store hash -> 404")
    call(base, "/__sandbox/requests", method="DELETE")
    api(base, "v3/catalog/products?id:in=5&page=1&colour=red")
    log = json.loads(call(base, "/__sandbox/requests")[2])
    for e in log:
        e.pop("seq", None)
    check(log == [{"method": "GET", "path": "/stores/%s/v3/catalog/products" % HASH,
                   "query": "id:in=5&page=1&colour=red", "unknown_params": ["colour"]}],
          "request log records one decoded request and the parameter it does not know")


def faults(base):
    call(base, "/__sandbox/faults", method="POST", ctype="application/json",
         body=b'{"status":500,"count":2,"path_contains":"/orders"}')
    check(api(base, "v3/catalog/brands")[0] == 200, "fault ignores other paths")
    check([api(base, "v2/orders")[0] for _ in range(3)] == [500, 500, 200],
          "500 fault hits the next 2 order requests")
    call(base, "/__sandbox/faults", method="POST", ctype="application/json",
         body=b'{"status":429,"count":1,"reset_ms":300}')
    st, hd, _ = api(base, "v2/store")
    check(st == 429 and hd["X-Rate-Limit-Time-Reset-Ms"] == "300", "429 fault with reset header")
    call(base, "/__sandbox/faults", method="POST", ctype="application/json",
         body=b'{"malformed":true,"count":1}')
    st, _, body = api(base, "v2/store")
    try:
        json.loads(body)
        parsed = True
    except ValueError:
        parsed = False
    check(st == 200 and not parsed, "malformed fault gives broken JSON")


def oauth(base):
    q = urllib.parse.urlencode({"client_id": CLIENT, "redirect_uri": REDIRECT,
                                "response_type": "code", "scope": "store_v2_products_read_only",
                                "context": "stores/" + HASH, "state": "xyz"})
    st, _, page = call(base, "/oauth2/authorize?" + q, token=None)
    check(st == 200 and b'id="approve"' in page and b'id="deny"' in page, "consent page")
    bad = q.replace("client_id=cid", "client_id=evil")
    check(call(base, "/oauth2/authorize?" + bad, token=None)[0] == 400, "wrong client -> 400")
    form = urllib.parse.urlencode({"client_id": CLIENT, "redirect_uri": REDIRECT,
                                   "scope": "store_v2_products_read_only",
                                   "context": "stores/" + HASH, "state": "xyz"}).encode()
    st, hd, _ = call(base, "/oauth2/authorize/approve", method="POST", body=form, token=None,
                     ctype="application/x-www-form-urlencoded")
    loc = urllib.parse.urlparse(hd["Location"])
    params = urllib.parse.parse_qs(loc.query)
    check(st == 302 and params["state"] == ["xyz"] and params["context"] == ["stores/" + HASH],
          "approve redirects with code, state and context")
    st, hd, _ = call(base, "/oauth2/authorize/deny", method="POST", body=form, token=None,
                     ctype="application/x-www-form-urlencoded")
    check(st == 302 and "error=access_denied" in hd["Location"], "deny -> access_denied")
    exch = {"client_id": CLIENT, "client_secret": SECRET, "code": params["code"][0],
            "scope": "store_v2_products_read_only", "grant_type": "authorization_code",
            "redirect_uri": REDIRECT, "context": "stores/" + HASH}
    st, _, body = call(base, "/oauth2/token", method="POST", token=None,
                       body=json.dumps(exch).encode(), ctype="application/json")
    tok = json.loads(body)
    check(st == 200 and tok["context"] == "stores/" + HASH and "user" in tok, "code -> token")
    check(api(base, "v2/store", token=tok["access_token"])[0] == 200, "issued token works")
    st, _, body = call(base, "/oauth2/token", method="POST", token=None,
                       body=urllib.parse.urlencode(exch).encode(),
                       ctype="application/x-www-form-urlencoded")
    check(st == 400 and json.loads(body)["error"] == "invalid_grant", "reused code rejected")
    stats = json.loads(call(base, "/__sandbox/oauth")[2])
    check(stats == {"codes_issued": 1, "tokens_issued": 1, "refreshes": 0}, "oauth counters")


def main():
    proc = subprocess.Popen([sys.argv[1], "--port", "0", "--store-hash", HASH, "--access-token",
                             TOKEN, "--seed", "7", "--products", "25", "--orders", "12",
                             "--customers", "9", "--client-id", CLIENT, "--client-secret",
                             SECRET, "--redirect-uri", REDIRECT],
                            stdout=subprocess.PIPE, text=True)
    try:
        base = proc.stdout.readline().strip()
        check(base.startswith("http://127.0.0.1:"), "first stdout line is the base URL")
        for test in (v3_envelope_and_pagination, v2_orders, auth_and_log, faults, oauth):
            test(base)
    finally:
        proc.terminate()
        rc = proc.wait(timeout=10)
    check(rc == 0, "exits cleanly on SIGTERM")


if __name__ == "__main__":
    main()
