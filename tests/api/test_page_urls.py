"""`html_url` is built from a per-response template (PageURLField); it must equal get_absolute_url()."""

from datetime import date

import pytest
from django.contrib.auth.models import User

from agreements.models import Agreement, Snapshot
from jurisdictions.models import Agency, County, State
from records_requests.models import RecordsRequest
from tests.agreements.factories import make_agreement, make_snapshot
from tests.jurisdictions import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "model"),
    [
        ("/api/v1/states/", State),
        ("/api/v1/counties/?state=NV", County),
        ("/api/v1/agencies/", Agency),
        ("/api/v1/agreements/", Agreement),
        ("/api/v1/snapshots/", Snapshot),
        ("/api/v1/records-requests/", RecordsRequest),
    ],
)
def test_html_url_is_the_objects_page(api, path, model):
    agency = factories.agency("Page Url Sheriff", county_fips="32510")
    make_agreement(agency)
    make_snapshot(date(2025, 5, 16))
    RecordsRequest.objects.create(
        agency=agency,
        requester=User.objects.create_user("page-url-organizer"),
        title="MOA",
        records_sought="The MOA",
        visibility="public",
        status="sent",  # a draft is private until it is sent
    )
    results = api.get(path, {"page_size": 5}).data["results"]
    assert results
    for row in results:
        obj = model.objects.get(**({"pk": row["id"]} if "id" in row else _natural_key(row)))
        assert row["html_url"] == f"http://testserver{obj.get_absolute_url()}"


def _natural_key(row: dict) -> dict:
    return {"postal": row["postal"]} if "postal" in row else {"fips": row["fips"]}
