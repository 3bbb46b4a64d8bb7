"""FastReadMixin must give exactly DRF's own output: each response is compared with the same request
served with DRF's generic `Serializer.to_representation`."""

from datetime import date

import pytest
from rest_framework import serializers

from config.api_serializers import FastReadMixin
from jurisdictions.models import AgencyAlias
from tests import factories
from tests.api.conftest import make_agreement, make_listing, make_snapshot

pytestmark = pytest.mark.django_db


@pytest.fixture
def varied_data() -> dict[str, int]:
    sheriff = factories.agency("Fast Read Sheriff", county_fips="32510", ori="NV0130000")
    patrol = factories.agency("Fast Read Patrol", county_fips=None, kind="state_agency")
    AgencyAlias.objects.create(agency=sheriff, name="FRS")
    renewal = make_agreement(
        sheriff, model="TFM", signed=date(2025, 6, 1), moa_url="https://www.ice.gov/a.pdf"
    )
    old = make_agreement(sheriff, model="TFM", signed=None, status="superseded", superseded_by=renewal)
    make_agreement(patrol, model="WSO", status="pending")
    make_listing(make_snapshot(date(2025, 5, 16), published_part="am"), old)
    return {"agency": sheriff.pk, "agreement": old.pk}


def both_ways(api, monkeypatch, path: str) -> tuple[object, object]:
    fast = api.get(path).json()
    with monkeypatch.context() as patched:
        patched.setattr(FastReadMixin, "to_representation", serializers.Serializer.to_representation)
        generic = api.get(path).json()
    return fast, generic


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/states/?page_size=60",
        "/api/v1/counties/?state=NV",
        "/api/v1/agencies/?county=32510",
        "/api/v1/agencies/?kind=state_agency&state=NV",
        "/api/v1/agreements/?page_size=50",
        "/api/v1/snapshots/",
        "/api/v1/counties/geojson/?state=NV",
    ],
)
def test_lists_match_drf(api, monkeypatch, varied_data, path):
    fast, generic = both_ways(api, monkeypatch, path)
    assert fast == generic


def test_details_match_drf(api, monkeypatch, varied_data):
    for path in (
        f"/api/v1/agreements/{varied_data['agreement']}/",
        f"/api/v1/agencies/{varied_data['agency']}/",
    ):
        fast, generic = both_ways(api, monkeypatch, path)
        assert fast == generic
