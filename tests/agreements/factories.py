"""Plain functions that make agreements rows for tests (importing a list written in the test: helpers.py)."""

from datetime import date
from itertools import count
from typing import Any

from agreements.models import Agreement, Listing, Snapshot
from jurisdictions.models import Agency

_seq = count(1)


def make_snapshot(published: date, *, kind: str = "participating", **fields: Any) -> Snapshot:
    return Snapshot.objects.create(
        kind=kind,
        published=published,
        file_name=f"{kind}{published:%m%d%Y}.xlsx",
        sha256=f"{next(_seq):064x}",
        row_count=fields.pop("row_count", 1),
        **fields,
    )


def make_agreement(
    agency: Agency, *, model: str = "JEM", signed: date | None = None, **fields: Any
) -> Agreement:
    fields.setdefault("status", "active")
    return Agreement.objects.create(agency=agency, model=model, signed=signed, **fields)


def make_listing(snapshot: Snapshot, agreement: Agreement, *, row_number: int | None = None) -> Listing:
    agency = agreement.agency
    return Listing.objects.create(
        snapshot=snapshot,
        agreement=agreement,
        agency=agency,
        row_number=row_number or next(_seq) + 1,
        raw={"STATE": agency.state.name.upper(), "LAW ENFORCEMENT AGENCY": agency.name},
        state=agency.state,
        agency_name=agency.name,
        county=agency.county,
        model=agreement.model,
        signed=agreement.signed,
    )


def bulk_agreements(
    agencies: list[Agency], *, models: tuple[str, ...] = ("JEM", "TFM", "WSO")
) -> list[Agreement]:
    """One agreement per agency per model, in one query."""
    return Agreement.objects.bulk_create(
        Agreement(agency=agency, model=model, signed=date(2025, 1, 1 + n % 28), status="active")
        for n, (agency, model) in enumerate((a, m) for a in agencies for m in models)
    )
