"""Known differences between the reference and the driver or the sandbox, each with its
reason. The conformance tests fail on any difference not listed here; an entry that no
longer fails is reported as stale (a warning) so it can be removed. What remains are faults
of the reference itself: a schema that contradicts its own example, description or
parameters, where the sandbox follows what the API is documented to do."""

# (check, subject, detail) -> reason
EXPECTED = {
    # (b) sandbox answers against the response schemas
    ("response", "/v2/blog/tags", "*"):
        "the reference's schema nests the tag list twice (an array of blogTags, itself an "
        "array); the sandbox sends one array of tags",
    ("response", "/v3/catalog/products/{product_id}/bulk-pricing-rules", "data"):
        "the reference's list schema (and its example) has one object under data; a list "
        "answers an array, which the sandbox sends",
    ("response", "/v3/catalog/variants", "data/*/price"):
        "the reference's description says price is null when the product's price applies, "
        "but its schema's type has no null; the sandbox sends null for such variants",
    ("response", "/v3/inventory/items", "data/*/identity/sku_id"):
        "the reference's description says sku_id is null for a base variant, but its "
        "schema's type has no null; the sandbox sends null for base variants",
    ("response", "/v3/store/systemlogs", "data/*/severity"):
        "the reference's response schema types severity as a string, while its own "
        "severity, severity:min and severity:max parameters filter it as an integer 1-4; "
        "the sandbox sends the integer that those filters compare",
}
