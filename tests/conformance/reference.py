"""The BigCommerce API reference (the OpenAPI files of ../shared/bigcommerce-openapi) read
for the conformance tests: its management-API operations (method, path template, declared
query parameters), their 200 response schemas as JSON Schema, and their example bodies.
Only what the tests need; nothing of the reference is copied into the project."""

import copy
import re
from pathlib import Path

import yaml

class _TextDates(yaml.SafeLoader):
    """YAML without implicit timestamps: an example's "2018-05-07T20:14:17Z" stays the text
    the API sends."""


_TextDates.yaml_implicit_resolvers = {
    ch: [(tag, rx) for tag, rx in rs if tag != "tag:yaml.org,2002:timestamp"]
    for ch, rs in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

SERVER = re.compile(r"^https://api\.bigcommerce\.com/stores/\{store_hash\}(/v[23])$")


class Operation:
    def __init__(self, doc, method, template, params, op):
        self.doc = doc
        self.method = method
        self.template = template  # "/v2/orders/{order_id}/products"
        self.query_params = params
        self.op = op
        parts = re.split(r"(\{[^}]+\})", template)
        self.literal_parts = sum(1 for p in parts if p and not p.startswith("{"))
        self.placeholders = sum(1 for p in parts if p.startswith("{"))
        self.regex = re.compile(
            "^" + "".join("[^/]+" if p.startswith("{") else re.escape(p) for p in parts)
            + "/?$")

    def __repr__(self):
        return f"{self.method} {self.template}"

    def response(self, status="200"):
        r = self.op.get("responses", {}).get(status)
        return resolve(self.doc, r) if r else None

    def json_media(self):
        r = self.response()
        if not r:
            return None
        content = r.get("content", {})
        for ctype, media in content.items():
            if "json" in ctype:
                return media
        return None

    def schema(self):
        """The 200 response's schema as a JSON Schema (refs inlined, nullable turned into
        null-admitting types), or None."""
        media = self.json_media()
        if not media or "schema" not in media:
            return None
        return to_json_schema(self.doc, media["schema"], set())

    def example(self):
        """The 200 response's example body: the media's example, its first named example,
        or the schema's example; None when the reference gives none."""
        media = self.json_media()
        if not media:
            return None
        if "example" in media:
            return media["example"]
        for ex in (media.get("examples") or {}).values():
            ex = resolve(self.doc, ex)
            if isinstance(ex, dict) and "value" in ex:
                return ex["value"]
        schema = resolve(self.doc, media.get("schema") or {})
        return schema.get("example") if isinstance(schema, dict) else None


def resolve(doc, node):
    """Follow a local $ref ("#/components/...") until a node without one."""
    seen = 0
    while isinstance(node, dict) and "$ref" in node and seen < 50:
        target = doc
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
        seen += 1
    return node


def to_json_schema(doc, node, active):
    """OpenAPI 3.0 schema -> JSON Schema: $refs inlined (a recursive one is left open),
    nullable: true admits null, oneOf read as anyOf, OpenAPI-only keywords dropped."""
    if isinstance(node, list):
        return [to_json_schema(doc, n, active) for n in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        ref = node["$ref"]
        if ref in active:
            return {}
        return to_json_schema(doc, resolve(doc, node), active | {ref})
    out = {}
    for key, value in node.items():
        if key in ("example", "examples", "discriminator", "xml", "externalDocs", "readOnly",
                   "writeOnly", "deprecated", "nullable") or key.startswith("x-"):
            continue
        if key in ("properties", "patternProperties"):
            out[key] = {k: to_json_schema(doc, v, active) for k, v in value.items()}
        elif key in ("items", "additionalProperties", "not") and isinstance(value, dict):
            out[key] = to_json_schema(doc, value, active)
        elif key in ("allOf", "anyOf"):
            out[key] = [to_json_schema(doc, v, active) for v in value]
        elif key == "oneOf":  # the reference lists overlapping alternatives under oneOf
            out["anyOf"] = [to_json_schema(doc, v, active) for v in value]
        else:
            out[key] = copy.deepcopy(value)
    if node.get("nullable") is True:
        out = {"anyOf": [out, {"type": "null"}]}
    return out


def _params(doc, items):
    names = set()
    for p in items or []:
        p = resolve(doc, p)
        if isinstance(p, dict) and p.get("in") == "query":
            names.add(p["name"])
    return names


def load(directory):
    """Every management-API operation of the reference in directory."""
    ops = []
    for path in sorted(Path(directory).rglob("*.y*ml")):
        with open(path, encoding="utf-8") as f:
            doc = yaml.load(f, Loader=_TextDates)
        if not isinstance(doc, dict):
            continue
        prefix = None
        for server in doc.get("servers") or []:
            m = SERVER.match(server.get("url", ""))
            if m:
                prefix = m.group(1)
        if prefix is None:
            continue
        for template, item in (doc.get("paths") or {}).items():
            shared = _params(doc, item.get("parameters"))
            for method in ("get", "post", "put", "delete"):
                if method in item:
                    op = item[method]
                    params = shared | _params(doc, op.get("parameters"))
                    ops.append(Operation(doc, method.upper(), prefix + template, params, op))
    return ops


def find(ops, method, path):
    """The operation that serves method on path ("/v2/orders/100/products"): of the
    templates that match, the one with the most literal parts (/orders/count before
    /orders/{id})."""
    found = [o for o in ops if o.method == method and o.regex.match(path)]
    found.sort(key=lambda o: (o.placeholders, -o.literal_parts))
    return found[0] if found else None
