"""Regenerate `state_laws.json` from the researched CSV (never committed: it lives in ../shared/data).

    .venv/bin/python policies/data/build_state_laws.py [path/to/state_immigration_laws.csv]

The JSON keeps every fact of the CSV under the model's field names (`policies.models.StateLaw`), plus:

- `key`, the row's stable natural key: `<state>-<topic>-<name>` as a slug, cut to 80 characters. A row
  already in the JSON keeps its key when its state, topic and citation (or state, topic and name) still
  match, so renaming a law in the CSV updates it in place instead of adding a second row.
- `summary_es`, the Spanish summary, read from `state_laws_es.tsv` by key. A row without one stops the
  build: every law a resident sees is in both languages.
- `effective` as a full date and `effective_precision`: a year-only date ("2022") becomes 2022-01-01 with
  precision `year` (pages show "2022"; "in force on" treats it as in force from January 1).

Plain Python, no Django: `PoliciesConfig.load_reference_data()` reads the JSON this writes.
"""

from __future__ import annotations

import csv
import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DEFAULT_CSV = HERE.parents[2] / "shared" / "data" / "state-laws" / "state_immigration_laws.csv"
OUTPUT = HERE / "state_laws.json"
SPANISH = HERE / "state_laws_es.tsv"
KEY_LENGTH = 80


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def make_key(row: dict[str, str]) -> str:
    return slugify(f"{row['state']} {row['topic']} {row['name']}")[:KEY_LENGTH].rstrip("-")


def parse_effective(value: str) -> tuple[str | None, str]:
    value = value.strip()
    if not value:
        return None, "day"
    if re.fullmatch(r"\d{4}", value):
        return f"{value}-01-01", "year"
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return f"{value}-01", "month"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value, "day"
    raise SystemExit(f"unreadable effective date: {value!r}")


def read_spanish(path: Path) -> dict[str, str]:
    spanish = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            key, text = line.split("\t", 1)
            spanish[key.strip()] = text.strip()
    return spanish


def row_to_law(row: dict[str, str], key: str, spanish: dict[str, str]) -> dict[str, Any]:
    if key not in spanish:
        raise SystemExit(f"no Spanish summary for {key} in {SPANISH.name}")
    effective, precision = parse_effective(row["effective"])
    return {
        "key": key,
        "state": row["state"].strip().upper(),
        "name": row["name"].strip(),
        "citation": row["citation"].strip(),
        "kind": row["kind"].strip(),
        "effective": effective,
        "effective_precision": precision,
        "ended": row["ended"].strip() or None,
        "status_note": row["status_note"].strip(),
        "topic": row["topic"].strip(),
        "effect": row["effect"].strip(),
        "applies_to": row["applies_to"].strip(),
        "summary_en": row["summary"].strip(),
        "summary_es": spanish[key],
        "source_url": row["source_url"].strip(),
        "source_2_url": row["source_2_url"].strip(),
        "confidence": row["confidence"].strip(),
        "checked": row["checked"].strip(),
    }


def build(csv_path: Path, previous: list[dict[str, Any]]) -> list[dict[str, Any]]:
    by_citation = {(p["state"], p["topic"], p["citation"]): p["key"] for p in previous if p["citation"]}
    by_name = {(p["state"], p["topic"], p["name"]): p["key"] for p in previous}
    spanish = read_spanish(SPANISH)
    with csv_path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    laws = []
    for row in rows:
        state, topic = row["state"].strip().upper(), row["topic"].strip()
        key = (
            by_citation.get((state, topic, row["citation"].strip()))
            or by_name.get((state, topic, row["name"].strip()))
            or make_key(row)
        )
        laws.append(row_to_law(row, key, spanish))
    keys = [law["key"] for law in laws]
    if len(set(keys)) != len(keys):
        raise SystemExit("two rows share a key: make their names differ")
    if len({law["state"] for law in laws}) != 51:
        raise SystemExit("expected rows for all 50 states and DC")
    return laws


def main(argv: list[str]) -> None:
    csv_path = Path(argv[1]) if len(argv) > 1 else DEFAULT_CSV
    previous = json.loads(OUTPUT.read_text(encoding="utf-8")) if OUTPUT.exists() else []
    laws = build(csv_path, previous)
    OUTPUT.write_text(json.dumps(laws, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(laws)} state laws for {len({law['state'] for law in laws})} jurisdictions to {OUTPUT}")


if __name__ == "__main__":
    main(sys.argv)
