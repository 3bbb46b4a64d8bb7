from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from django.contrib.auth.models import User
from rest_framework.test import APIClient

from records_requests.models import RecordsRequest, Visibility
from records_requests.services import event_add

pytestmark = pytest.mark.django_db
URL = "/api/v1/records-requests/"
MakeRequest = Callable[..., RecordsRequest]


@pytest.fixture
def api() -> APIClient:
    return APIClient()


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
    # Creating and changing are covered in tests/api/test_records_request_writes.py.
    api.force_authenticate(organizer)
    assert api.delete(f"{URL}1/").status_code == 405
    assert api.put(f"{URL}1/", {"title": "x"}).status_code == 405
