"""Fixtures for the API tests: a client, fast bulk creation of agencies, small agreement factories."""

from datetime import date
from itertools import count
from typing import Any

import pytest
from rest_framework.test import APIClient

from agreements.models import Agreement, Listing, Snapshot
from jurisdictions.models import Agency, AgencyKind, County
from jurisdictions.names import normalize_name

_seq = count(1)


@pytest.fixture
def api() -> APIClient:
    return APIClient()


def bulk_agencies(count: int, *, county_fips: str = "32003", prefix: str = "Bulk Agency") -> list[Agency]:
    """Create `count` agencies in two queries (bulk_create skips save(), so name_key is set here), each
    serving its county."""
    county = County.objects.select_related("state").get(fips=county_fips)
    created = Agency.objects.bulk_create(
        Agency(
            name=f"{prefix} {n:05d}",
            name_key=normalize_name(f"{prefix} {n:05d}"),
            slug=f"{prefix.lower().replace(' ', '-')}-{county_fips}-{n:05d}",
            state=county.state,
            county=county,
            kind=AgencyKind.MUNICIPAL_POLICE if n % 2 else AgencyKind.SHERIFF,
        )
        for n in range(count)
    )
    through = Agency.counties.through
    through.objects.bulk_create([through(agency_id=a.pk, county_id=county.pk) for a in created])
    return created


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
