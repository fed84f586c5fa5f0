"""Compares a test's findings with expected_failures.EXPECTED."""

import warnings

from expected_failures import EXPECTED


def check(kind, findings):
    """findings: {(subject, detail): message}. Fails on those not expected for this kind;
    warns about expected ones of this kind that were not found."""
    unexpected = {k: v for k, v in findings.items() if (kind,) + k not in EXPECTED}
    stale = [k[1:] for k in EXPECTED if k[0] == kind and k[1:] not in findings]
    for s in stale:
        warnings.warn(f"expected failure no longer happens, remove it: {(kind,) + s}")
    assert not unexpected, f"{len(unexpected)} {kind} finding(s) not in expected_failures:\n" + \
        "\n".join(f"  {k}: {v}" for k, v in sorted(unexpected.items()))
