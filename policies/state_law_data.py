"""Load the shipped state laws (`data/state_laws.json`, built by `data/build_state_laws.py`) into `StateLaw`.

Idempotent and respectful of editors:
- a row is matched by its `key`; a new key is created;
- a row whose data-file entry is unchanged since it was last loaded (same SHA-256 in `loaded_digest`) is
  left alone, even if an editor has corrected it since;
- a row whose entry changed in the data file is updated in place (a revision records the fields that
  changed), so a correction meant to last belongs in the research CSV, then the JSON;
- rows editors added (no key), and rows whose key left the data file, are never deleted.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any

from django.db import transaction

from jurisdictions.models import State
from policies.models import StateLaw

STATE_LAWS_JSON = Path(__file__).resolve().parent / "data" / "state_laws.json"
LOAD_COMMENT = "Loaded from policies/data/state_laws.json"
UPDATE_COMMENT = "Updated from policies/data/state_laws.json"


def _digest(entry: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(entry, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def _fields(entry: dict[str, Any]) -> dict[str, Any]:
    dates = {"effective", "ended", "checked"}
    return {
        name: (dt.date.fromisoformat(value) if name in dates and value else value)
        for name, value in entry.items()
        if name not in {"key", "state"}
    }


def state_laws_load(path: Path = STATE_LAWS_JSON) -> str:
    """Create new rows and update changed ones, in one transaction. Returns a one-line summary.

    Queries: 2 (states, existing rows), then 2 per created or updated row (the row, its revision).
    """
    entries: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    states = {s.postal: s for s in State.objects.filter(postal__in={e["state"] for e in entries})}
    created = updated = 0
    with transaction.atomic():
        existing = {
            law.key: law
            for law in StateLaw.objects.filter(key__in=[e["key"] for e in entries]).select_related("state")
        }
        for entry in entries:
            digest = _digest(entry)
            law = existing.get(entry["key"])
            if law is not None and law.loaded_digest == digest:
                continue
            if law is None:
                law = StateLaw(key=entry["key"])
                law.revision_comment = LOAD_COMMENT
                created += 1
            else:
                law.revision_comment = UPDATE_COMMENT
                updated += 1
            law.state = states[entry["state"]]
            for name, value in _fields(entry).items():
                setattr(law, name, value)
            law.loaded_digest = digest
            law.updated_by = None
            law.save()
    return f"state laws {len(entries)} (+{created} new, {updated} updated)"
