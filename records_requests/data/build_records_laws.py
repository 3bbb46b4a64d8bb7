"""Regenerate `records_laws.json` from the researched CSV (never committed: it lives in ../shared/data).

    .venv/bin/python records_requests/data/build_records_laws.py [path/to/state_records_laws.csv]

The JSON keeps every fact of the CSV under the model's field names. The free-text second clock
(`followon_deadline`) is parsed into `followon_days`/`followon_unit`/`followon_from` only when the text
is unambiguous: one "N business|working|calendar days" phrase, tied to receipt or to the acknowledgment,
in a sentence that is not conditional ("If …"). Everything else stays null and is shown as text.
Plain Python, no Django: the loader in `apps.py` reads the JSON this writes.

The rules the CSV states only in prose (last day on a closed day, fixed-length extensions, silence as a
denial, follow-up spans for laws with no deadline, appeal steps) come from `law_rules.py`, each with its
citation. Sources are ordered primary text first; a row whose CSV sources are all secondary summaries
has its confidence lowered one step, with a caveat saying so.

The Spanish of the texts a reader sees is kept by hand in `records_laws_es.json` (by state; the loader
stores it in `RecordsLaw.translations`). After a rebuild that changes a text, translate it there too:
tests/records_requests/test_records_laws_es.py fails on a text without its Spanish, on a Spanish text left
for one the CSV emptied, and on a number or § section of the English missing from the Spanish.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path
from typing import Any

try:
    from records_requests.data.law_rules import STATUTE_URLS, is_primary, rules_for
except ImportError:  # run as a script: this folder is on sys.path, the project root is not
    from law_rules import STATUTE_URLS, is_primary, rules_for  # type: ignore[no-redef]

HERE = Path(__file__).resolve().parent
DEFAULT_CSV = HERE.parents[2] / "shared" / "data" / "records-laws" / "state_records_laws.csv"
OUTPUT = HERE / "records_laws.json"

UNITS = {"business": "business_days", "working": "business_days", "calendar": "calendar_days"}
# A clock phrase with an explicit unit, e.g. "within 20 business days of the acknowledgment".
CLOCK = re.compile(r"(\d+)\s+(business|working|calendar)\s+days?\b", re.IGNORECASE)
# What the clock counts from, in the words that follow the phrase.
ANCHORS = [
    (re.compile(r"^\s*(?:after|from|of)\s+the\s+acknowledg\w*\s+deadline", re.I), "initial_deadline"),
    (re.compile(r"^\s*(?:after|from|of)\s+(?:the\s+)?acknowledg", re.I), "acknowledgment"),
    (re.compile(r"^\s*(?:after|from|of)\s+(?:the\s+)?receipt", re.I), "receipt"),
]
# Where the second clock's unit is written in another column (MD: "'days' (calendar) for the 30-day
# limits"), an unqualified "N days of receipt" is read with that unit.
UNQUALIFIED = re.compile(r"(\d+)\s+days?\s+(?:after|from|of)\s+(?:the\s+)?receipt", re.IGNORECASE)


def parse_followon(text: str, day_counting: str = "") -> tuple[int | None, str, str]:
    """Return (days, unit, counts_from) for an unambiguous second clock, else (None, "", "")."""
    text = text.strip()
    if not text or text.lower().startswith("if "):
        return None, "", ""
    phrases = list(CLOCK.finditer(text))
    if len(phrases) == 1:
        match = phrases[0]
        for pattern, anchor in ANCHORS:
            if pattern.match(text[match.end() :]):
                return int(match.group(1)), UNITS[match.group(2).lower()], anchor
        return None, "", ""
    if not phrases:
        unqualified = {m.group(1) for m in UNQUALIFIED.finditer(text)}
        if len(unqualified) == 1:
            days = unqualified.pop()
            if re.search(rf"\(calendar\)\s+for\s+the\s+{days}-day", day_counting, re.IGNORECASE):
                return int(days), "calendar_days", "receipt"
    return None, "", ""


def row_to_law(row: dict[str, str]) -> dict[str, Any]:
    days, unit, counts_from = parse_followon(row["followon_deadline"], row["day_counting"])
    number = row["initial_deadline_number"].strip()
    return {
        "state": row["state"].strip(),
        "law_name": row["law_name"].strip(),
        "citation": row["response_deadline_citation"].strip(),
        "initial_days": int(number) if number else None,
        "initial_unit": row["initial_deadline_unit"].strip(),
        "initial_requires": row["initial_deadline_requires"].strip(),
        "followon_deadline": row["followon_deadline"].strip(),
        "followon_days": days,
        "followon_unit": unit,
        "followon_from": counts_from,
        "reasonable_time_guidance": row["reasonable_time_guidance"].strip(),
        "extension_rule": row["extension_rule"].strip(),
        "day_counting": row["day_counting"].strip(),
        "appeal_route": row["appeal_route"].strip(),
        "appeal_deadline": row["appeal_deadline"].strip(),
        # "unclear" (NH) is not a refusal: only an explicit "no" warns organizers.
        "nonresidents_may_request": row["nonresidents_may_request"].strip().lower() != "no",
        "residency_notes": row["residency_notes"].strip(),
        "law_enforcement_notes": row["law_enforcement_notes"].strip(),
        "source_dates": row["source_dates"].strip(),
        **rules_for(row["state"].strip()),
        **sources(row),
    }


LOWER = {"high": "medium", "medium": "low", "low": "low"}
UNCONFIRMED = re.compile(r"from memory|not verified|verify\b", re.IGNORECASE)


def sources(row: dict[str, str]) -> dict[str, Any]:
    """Primary text first; confidence one step lower where only secondary summaries back the row."""
    state = row["state"].strip()
    urls = [u.strip() for u in row["source_urls"].split(";") if u.strip()]
    primary = [u for u in urls if is_primary(u)]
    added = [u for u in STATUTE_URLS.get(state, []) if u not in urls]
    confidence, caveats = row["confidence"].strip(), [row["caveats"].strip()]
    unconfirmed_extension = bool(rules_for(state)["extension_days"]) and UNCONFIRMED.search(
        row["extension_rule"]
    )
    if not primary or unconfirmed_extension:
        confidence = LOWER[confidence]
    if not primary:
        caveats.append(
            "Only secondary sources (summaries, aggregators, local pages) back this row; the statute's "
            "own text was not read for it. The official code link is given first to check against."
        )
    if unconfirmed_extension:
        caveats.append("The extension's length is not confirmed in the statute text.")
    return {
        "confidence": confidence,
        "caveats": " ".join(c for c in caveats if c),
        "primary_sources": [*added, *primary],
        "source_urls": [*added, *primary, *(u for u in urls if u not in primary)],
    }


def build(csv_path: Path) -> list[dict[str, Any]]:
    with csv_path.open(newline="", encoding="utf-8") as handle:
        laws = [row_to_law(row) for row in csv.DictReader(handle)]
    if len(laws) != 51 or len({law["state"] for law in laws}) != 51:
        raise SystemExit(f"expected 51 distinct jurisdictions, found {len(laws)}")
    return sorted(laws, key=lambda law: law["state"])


def main(argv: list[str]) -> None:
    csv_path = Path(argv[1]) if len(argv) > 1 else DEFAULT_CSV
    laws = build(csv_path)
    OUTPUT.write_text(json.dumps(laws, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    parsed = ", ".join(f"{law['state']} {law['followon_days']}" for law in laws if law["followon_days"])
    print(f"wrote {len(laws)} laws to {OUTPUT}; second clocks parsed: {parsed}")


if __name__ == "__main__":
    main(sys.argv)
