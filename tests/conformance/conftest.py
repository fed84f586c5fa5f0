"""Fixtures of the conformance tests: the API reference (BC_REFERENCE_DIR, else
../shared/bigcommerce-openapi or ../shared next to the repository), and the sandbox and connection
fixtures of tests/python. Without the reference the whole run is skipped (exit code 77,
which ctest reports as skipped) with a message that says where it was looked for."""

import importlib.util
import os
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SHARED = REPO.parent / "shared"


def _locate():
    """BC_REFERENCE_DIR, else ../shared/bigcommerce-openapi, else ../shared itself when it
    holds the OpenAPI files."""
    if os.environ.get("BC_REFERENCE_DIR"):
        return Path(os.environ["BC_REFERENCE_DIR"])
    for candidate in (SHARED / "bigcommerce-openapi", SHARED):
        if any(candidate.glob("orders.v2*.yml")):
            return candidate
    return SHARED / "bigcommerce-openapi"


REFERENCE = _locate()
SKIPPED = 77

sys.path.insert(0, str(HERE))

_spec = importlib.util.spec_from_file_location("bc_python_fixtures",
                                               REPO / "tests" / "python" / "conftest.py")
_fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_fixtures)
start_sandbox = _fixtures.start_sandbox
sandbox = _fixtures.sandbox
odbc_ini = _fixtures.odbc_ini
connect = _fixtures.connect
Sandbox = _fixtures.Sandbox


def pytest_sessionstart(session):
    if not REFERENCE.is_dir():
        print(f"\nSKIPPED: the BigCommerce API reference is not at {REFERENCE} "
              "(set BC_REFERENCE_DIR, or put the OpenAPI files in ../shared next to the "
              "repository); the conformance tests need it.")
        pytest.exit("API reference absent", returncode=SKIPPED)


@pytest.fixture(scope="session")
def reference_ops():
    import reference
    ops = reference.load(REFERENCE)
    assert len(ops) > 200, f"only {len(ops)} operations read from {REFERENCE}"
    return ops
