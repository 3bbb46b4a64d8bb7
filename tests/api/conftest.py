"""Fixtures for the API tests: a client and fast bulk creation of agencies."""

import pytest
from rest_framework.test import APIClient

from jurisdictions.models import Agency, AgencyKind, County
from jurisdictions.names import normalize_name


@pytest.fixture
def api() -> APIClient:
    return APIClient()


def bulk_agencies(count: int, *, county_fips: str = "32003", prefix: str = "Bulk Agency") -> list[Agency]:
    """Create `count` agencies in one query (bulk_create skips save(), so name_key is set here)."""
    county = County.objects.select_related("state").get(fips=county_fips)
    return Agency.objects.bulk_create(
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
