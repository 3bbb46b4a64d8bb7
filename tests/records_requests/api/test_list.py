"""Reading `/api/v1/records-requests/`: list, detail, filters, CSV, a fixed query count, and above all
that nothing private or embargoed leaks."""

import csv
import io
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.utils import timezone
from rest_framework.test import APIClient

from jurisdictions.models import Agency
from records_requests.models import RecordsRequest, RequestEvent, Visibility
from records_requests.services import event_add
from tests.jurisdictions import factories as jurisdictions
from tests.records_requests.factories import stored_request

pytestmark = pytest.mark.django_db
URL = "/api/v1/records-requests/"
TODAY = timezone.localdate()
MakeRequest = Callable[..., RecordsRequest]


def test_list_has_a_fixed_query_count(
    api: APIClient, make_request: MakeRequest, django_assert_max_num_queries: Any
) -> None:
    for _ in range(5):
        rr = make_request("NV", sent_on=date(2026, 3, 2))
        event_add(records_request=rr, kind="acknowledged", date=date(2026, 3, 3))
    # 3 queries: count, the page of requests with agency and state, their events.
    with django_assert_max_num_queries(3):
        response = api.get(URL)
    assert response.status_code == 200
    assert response.json()["count"] == 5
    first = response.json()["results"][0]
    assert first["agency"]["state"] == "NV"
    assert [e["kind"] for e in first["events"]] == ["sent", "acknowledged"]
    assert first["due_on"] == "2026-03-09"


def test_private_and_embargoed_requests_are_hidden_from_anonymous(
    api: APIClient, make_request: MakeRequest
) -> None:
    sent = date(2026, 3, 2)
    make_request("NV", visibility=Visibility.PRIVATE, sent_on=sent)
    make_request(
        "NV", visibility=Visibility.EMBARGOED, embargo_until=date.today() + timedelta(days=5), sent_on=sent
    )
    make_request("NV")  # public, but a draft: private until it is sent
    public = make_request("NV", sent_on=sent)
    ids = [r["id"] for r in api.get(URL).json()["results"]]
    assert ids == [public.pk]


def test_owner_sees_own_private_request(api: APIClient, make_request: MakeRequest, organizer: User) -> None:
    private = make_request("NV", visibility=Visibility.PRIVATE)
    api.force_authenticate(organizer)
    assert api.get(f"{URL}{private.pk}/").status_code == 200


def test_private_request_detail_is_404_for_others(api: APIClient, make_request: MakeRequest) -> None:
    private = make_request("NV", visibility=Visibility.PRIVATE)
    assert api.get(f"{URL}{private.pk}/").status_code == 404


def test_filters(api: APIClient, make_request: MakeRequest) -> None:
    late = make_request("NV", sent_on=date(2026, 1, 5))
    make_request("AZ", sent_on=date(2026, 1, 5))
    done = make_request("NV", sent_on=date(2026, 1, 5))
    event_add(records_request=done, kind="released", date=date(2026, 1, 7))
    assert [r["id"] for r in api.get(URL, {"overdue": "true"}).json()["results"]] == [late.pk]
    assert {r["id"] for r in api.get(URL, {"state": "nv"}).json()["results"]} == {late.pk, done.pk}
    assert [r["id"] for r in api.get(URL, {"status": "released"}).json()["results"]] == [done.pk]
    assert len(api.get(URL, {"open": "false"}).json()["results"]) == 1


def test_bad_filter_is_a_400(api: APIClient) -> None:
    assert api.get(URL, {"overdue": "maybe"}).status_code == 400
    assert api.get(URL, {"state": "Nevada"}).status_code == 400


def test_csv_download(api: APIClient, make_request: MakeRequest) -> None:
    make_request("NV", sent_on=date(2026, 3, 2))
    response = api.get(URL, {"format": "csv"})
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode()  # type: ignore[attr-defined]
    assert body.splitlines()[0].startswith("url,")
    assert "2026-03-09" in body


def test_requests_cannot_be_deleted_or_replaced(api: APIClient, organizer: User) -> None:
    # Creating and changing: test_writes.py.
    api.force_authenticate(organizer)
    assert api.delete(f"{URL}1/").status_code == 405
    assert api.put(f"{URL}1/", {"title": "x"}).status_code == 405


def test_private_and_embargoed_requests_never_leak(api, agency, organizer):
    public = stored_request(agency, organizer, visibility="public")
    ended = stored_request(agency, organizer, visibility="embargoed", embargo_until=TODAY - timedelta(days=1))
    private = stored_request(agency, organizer, visibility="private")
    embargoed = stored_request(
        agency, organizer, visibility="embargoed", embargo_until=TODAY + timedelta(days=30)
    )
    listed = api.get(URL).data
    assert listed["count"] == 2
    assert sorted(r["id"] for r in listed["results"]) == sorted([public.pk, ended.pk])
    for hidden in (private, embargoed):
        assert api.get(f"{URL}{hidden.pk}/").status_code == 404
    body = b"".join(api.get(URL, {"format": "csv"}).streaming_content).decode()
    assert sorted(int(r["id"]) for r in csv.DictReader(io.StringIO(body))) == sorted([public.pk, ended.pk])


def test_detail_has_timeline_and_no_requester(api, agency, organizer):
    request = stored_request(agency, organizer, letter="Dear records officer")
    RequestEvent.objects.create(request=request, kind="sent", date=date(2025, 5, 1))
    RequestEvent.objects.create(request=request, kind="acknowledged", date=date(2025, 5, 6))
    data = api.get(f"{URL}{request.pk}/").data
    assert [e["kind"] for e in data["events"]] == ["sent", "acknowledged"]
    assert data["agency"]["id"] == agency.pk
    assert "requester" not in data


def test_filters_on_stored_status_due_date_state_and_agency(api, agency, organizer):
    other = jurisdictions.agency("Harris County Sheriff", county_fips="48201")
    late = stored_request(agency, organizer, status="sent", due_on=TODAY - timedelta(days=3))
    on_time = stored_request(other, organizer, status="sent", due_on=TODAY + timedelta(days=3))
    done = stored_request(agency, organizer, status="released", due_on=TODAY - timedelta(days=9))

    def ids(**params):
        response = api.get(URL, params)
        assert response.status_code == 200, response.data
        return sorted(r["id"] for r in response.data["results"])

    assert ids(overdue="true") == [late.pk]
    assert ids(overdue="false") == sorted([on_time.pk, done.pk])
    assert ids(state="tx") == [on_time.pk]
    assert ids(agency=agency.pk) == sorted([late.pk, done.pk])
    assert ids(status="released") == [done.pk]


@pytest.mark.parametrize("params", [{"status": "lost"}, {"overdue": "maybe"}, {"state": "123"}])
def test_bad_filters_are_400(api, params):
    assert api.get(URL, params).status_code == 400


def test_anonymous_cannot_write(api):
    assert api.post(URL, {"title": "x"}).status_code in (401, 403, 405)


def test_query_count_does_not_grow_with_page_size(
    api: APIClient, agency: Agency, organizer: User, django_assert_max_num_queries: Any
) -> None:
    RecordsRequest.objects.bulk_create(
        RecordsRequest(agency=agency, requester=organizer, title=f"Request {n}", records_sought="x")
        for n in range(60)
    )
    # 1: count; 2: the page joined to agency and state; 3: the page's events (prefetch).
    for size in (10, 50):
        with django_assert_max_num_queries(3):
            assert len(api.get(URL, {"page_size": size}).data["results"]) == size
