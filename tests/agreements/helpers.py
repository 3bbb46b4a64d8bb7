"""Import small lists written in the test (see sheets.py) with one call."""

from __future__ import annotations

import datetime as dt

from agreements.models import Agreement, AgreementMerge, Listing
from agreements.services import ImportResult, snapshot_import
from tests.agreements.sheets import row, xlsx

FILLER = [row(f"Town {n} Police Department", type="Municipality", county="#N/A") for n in range(10)]


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def import_list(
    rows: list[list[object]], published: str, *, kind: str = "participating", filler: bool = True
) -> ImportResult:
    """Import `rows` (plus ten filler agencies, so lists stay above the 70% rule) as a list of that day."""
    all_rows = [*rows, *(FILLER if filler else [])]
    if kind == "pending":
        all_rows = [r[:5] for r in all_rows]
    data = xlsx(all_rows, kind=kind, marker=f"{kind} {published}")
    return snapshot_import(data=data, file_name=f"{kind}Agencies.xlsx", published=day(published))


def history_state() -> tuple[set[tuple[object, ...]], set[tuple[object, ...]], set[tuple[object, ...]]]:
    """Everything the history writes: agreements, which agreement each listing is on, merges."""
    fields = [
        f.attname for f in Agreement._meta.concrete_fields if f.attname not in {"created_at", "updated_at"}
    ]
    return (
        set(Agreement.objects.values_list(*fields)),
        set(Listing.objects.values_list("pk", "agreement_id")),
        set(AgreementMerge.objects.values_list("agreement_id", "listing_id", "reason", "detail")),
    )
