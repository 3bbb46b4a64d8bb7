"""Ids typed into URLs and query strings: ASCII digits within PostgreSQL's bigint, or not an id at all.

`str.isdigit()` alone lets through "²" and "٣" (which `int()` rejects or accepts unexpectedly) and
numbers too large for the column; a fuzzer found the first as a 500 on `/api/v1/agreements/?agency=²`.
"""

MAX_ID = 2**63 - 1


def as_id(value: object) -> int | None:
    text = str(value)
    if text.isascii() and text.isdigit() and int(text) <= MAX_ID:
        return int(text)
    return None
