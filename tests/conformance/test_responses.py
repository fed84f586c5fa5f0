"""(b) The sandbox answers as the reference documents: the body of every GET the driver
made in a representative run validates against the 200 response schema of its operation
(refs resolved, nullable admitted), so the driver is tested against reference-shaped data."""

import json
import urllib.parse
import urllib.request

import jsonschema

import known
import reference
from test_requests import API, representative_run


def fetch(sb, path, query):
    url = f"{sb.url}{API}{path}" + (f"?{urllib.parse.quote(query, safe='=&,:')}" if query else "")
    req = urllib.request.Request(url, headers={"X-Auth-Token": sb.token,
                                               "Accept": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as resp:
        return resp.status, resp.read()


def first_error(validator, body):
    err = jsonschema.exceptions.best_match(validator.iter_errors(body))
    if err is None:
        return None
    where = "/".join(str(p) for p in err.absolute_path)
    return f"{where}: {err.message[:160]}"


def subject_of(error):
    """"data/3/price: ..." -> "data/*/price": one finding per field, not per row."""
    where = error.split(":", 1)[0]
    return "/".join("*" if part.isdigit() else part for part in where.split("/"))


def test_sandbox_answers_validate_against_the_reference_schemas(sandbox, connect,
                                                                 reference_ops):
    log, _ = representative_run(sandbox, connect(sandbox).cursor())
    seen, findings, validated = set(), {}, 0
    validators = {}
    for r in log:
        path, query = r["path"][len(API):], r["query"]
        op = reference.find(reference_ops, r["method"], path)
        if op is None or (op.template, query) in seen:
            continue
        seen.add((op.template, query))
        status, raw = fetch(sandbox, path, query)
        if status != 200 or not raw:
            continue
        if op.template not in validators:
            schema = op.schema()
            validators[op.template] = schema and jsonschema.Draft4Validator(schema)
        if not validators[op.template]:
            continue
        error = first_error(validators[op.template], json.loads(raw))
        validated += 1
        if error:
            findings[(op.template, subject_of(error))] = error
    assert validated > 50
    known.check("response", findings)
