"""FastReadMixin must give exactly DRF's own output: each response is compared with the same request
served with DRF's generic `Serializer.to_representation`."""

from datetime import date

import pytest
from rest_framework import serializers

from core.api.serializers import FastReadMixin
from jurisdictions.models import AgencyAlias
from tests.agreements.factories import make_agreement, make_listing, make_snapshot
from tests.jurisdictions import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def varied_data() -> dict[str, int]:
    sheriff = factories.agency("Fast Read Sheriff", county_fips="32510", ori="NV9990000")
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


def test_records_requests_match_drf(api, monkeypatch, django_user_model):
    """Requests with nested events (one with a document, so a permission-checked link) and labels."""
    from django.core.files.base import ContentFile

    from records_requests.models import RecordsRequest, RequestEvent

    organizer = django_user_model.objects.create_user("fast-read-organizer")
    agency = factories.agency("Fast Read Sheriff", county_fips="32510")
    for n, status in enumerate(["sent", "acknowledged", "released"]):
        request = RecordsRequest.objects.create(
            agency=agency, requester=organizer, title=f"Request {n}", records_sought="The MOA", status=status,
            visibility="public",
            due_on=date(2025, 6, 1) if n else None, tracking_number="R-1" if n else "",
        )  # fmt: skip
        RequestEvent.objects.create(request=request, kind="sent", date=date(2025, 5, 1), text="Mailed")
        if n == 2:
            event = RequestEvent(request=request, kind="released", date=date(2025, 5, 20))
            event.document.save("records.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
            event.save()
    for path in ("/api/v1/records-requests/", f"/api/v1/records-requests/{request.pk}/"):
        fast, generic = both_ways(api, monkeypatch, path)
        assert fast == generic
    detail = api.get(f"/api/v1/records-requests/{request.pk}/").json()
    assert detail["events"][-1]["document_url"].startswith("http://testserver/")
    assert [e["kind_label"] for e in detail["events"]] == ["sent", "records released"]
