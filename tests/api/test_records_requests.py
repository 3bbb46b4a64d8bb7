"""Black-box checks of records_requests' API (that app owns it): above all, that nothing private leaks."""

import csv
import io
from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from records_requests.models import RecordsRequest, RequestEvent
from tests import factories

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def organizer():
    return get_user_model().objects.create_user("organizer", password="x")


@pytest.fixture
def agency():
    return factories.agency("Clark County Sheriff")


def make_request(agency, requester, **fields) -> RecordsRequest:
    fields.setdefault("title", "287(g) agreement and emails")
    return RecordsRequest.objects.create(
        agency=agency, requester=requester, records_sought="The MOA", **fields
    )


def test_private_and_embargoed_requests_never_leak(api, agency, organizer):
    public = make_request(agency, organizer, visibility="public")
    ended = make_request(agency, organizer, visibility="embargoed", embargo_until=TODAY - timedelta(days=1))
    private = make_request(agency, organizer, visibility="private")
    embargoed = make_request(
        agency, organizer, visibility="embargoed", embargo_until=TODAY + timedelta(days=30)
    )
    listed = api.get("/api/v1/records-requests/").data
    assert listed["count"] == 2
    assert sorted(r["id"] for r in listed["results"]) == sorted([public.pk, ended.pk])
    for hidden in (private, embargoed):
        assert api.get(f"/api/v1/records-requests/{hidden.pk}/").status_code == 404
    body = b"".join(api.get("/api/v1/records-requests/", {"format": "csv"}).streaming_content).decode()
    assert sorted(int(r["id"]) for r in csv.DictReader(io.StringIO(body))) == sorted([public.pk, ended.pk])


def test_organizer_sees_their_own_private_request(api, agency, organizer):
    private = make_request(agency, organizer, visibility="private")
    api.force_authenticate(organizer)
    assert api.get(f"/api/v1/records-requests/{private.pk}/").status_code == 200


def test_detail_has_timeline_and_no_requester(api, agency, organizer):
    request = make_request(agency, organizer, letter="Dear records officer")
    RequestEvent.objects.create(request=request, kind="sent", date=date(2025, 5, 1))
    RequestEvent.objects.create(request=request, kind="acknowledged", date=date(2025, 5, 6))
    data = api.get(f"/api/v1/records-requests/{request.pk}/").data
    assert [e["kind"] for e in data["events"]] == ["sent", "acknowledged"]
    assert data["agency"]["id"] == agency.pk
    assert "requester" not in data


def test_filters(api, agency, organizer):
    other = factories.agency("Harris County Sheriff", county_fips="48201")
    late = make_request(agency, organizer, status="sent", due_on=TODAY - timedelta(days=3))
    on_time = make_request(other, organizer, status="sent", due_on=TODAY + timedelta(days=3))
    done = make_request(agency, organizer, status="released", due_on=TODAY - timedelta(days=9))

    def ids(**params):
        response = api.get("/api/v1/records-requests/", params)
        assert response.status_code == 200, response.data
        return sorted(r["id"] for r in response.data["results"])

    assert ids(overdue="true") == [late.pk]
    assert ids(overdue="false") == sorted([on_time.pk, done.pk])
    assert ids(state="tx") == [on_time.pk]
    assert ids(agency=agency.pk) == sorted([late.pk, done.pk])
    assert ids(status="released") == [done.pk]


@pytest.mark.parametrize("params", [{"status": "lost"}, {"overdue": "maybe"}, {"state": "123"}])
def test_bad_filters_are_400(api, params):
    assert api.get("/api/v1/records-requests/", params).status_code == 400


def test_anonymous_cannot_write(api):
    assert api.post("/api/v1/records-requests/", {"title": "x"}).status_code in (401, 403, 405)


def test_query_count_does_not_grow_with_page_size(api, agency, organizer, django_assert_max_num_queries):
    RecordsRequest.objects.bulk_create(
        RecordsRequest(agency=agency, requester=organizer, title=f"Request {n}", records_sought="x")
        for n in range(60)
    )
    # 1: count; 2: the page joined to agency and state; 3: the page's events (prefetch).
    for size in (10, 50):
        with django_assert_max_num_queries(3):
            assert len(api.get("/api/v1/records-requests/", {"page_size": size}).data["results"]) == size
