"""Organizers file and update their own requests through the API with a token; nobody else can."""

from knox.models import AuthToken
from rest_framework.test import APIClient

from records_requests.models import RecordsRequest
from tests.records_requests.factories import PASSWORD

LIST = "/api/v1/records-requests/"


def _client_with(token: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client


def test_an_organizer_gets_a_token_with_their_password(alice):
    response = APIClient().post(
        "/api/v1/auth-token/", {"username": "alice", "password": PASSWORD}, format="json"
    )
    assert response.status_code == 200
    token = response.json()["token"]
    assert AuthToken.objects.get(user=alice).token_key == token[:15]  # stored as a digest, not the token
    assert _client_with(token).get(LIST).status_code == 200


def test_create_then_log_events_and_see_the_due_date(alice, agency, client_for):
    client = client_for(alice)
    created = client.post(
        LIST,
        {
            "agency": agency.pk,
            "title": "287(g) records",
            "records_sought": "The MOA",
            "sent_on": "2026-11-20",
        },
        format="json",
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["due_on"] == "2026-12-01"  # Nevada: five business days, Thanksgiving and Family Day skipped
    assert [e["kind"] for e in body["events"]] == ["sent"]
    logged = client.post(
        f"{LIST}{body['id']}/events/",
        {"kind": "extension", "date": "2026-11-23", "extended_to": "2026-12-21"},
        format="json",
    )
    assert logged.status_code == 201, logged.content
    assert logged.json()["due_on"] == "2026-12-21"


def test_validation_errors_name_the_field(alice, agency, client_for):
    client = client_for(alice)
    response = client.post(
        LIST,
        {"agency": agency.pk, "title": "x", "records_sought": "y", "visibility": "embargoed"},
        format="json",
    )
    assert response.status_code == 400
    assert "embargo_until" in response.json()
    missing = client.post(LIST, {"title": "no agency"}, format="json")
    assert missing.status_code == 400
    assert {"agency", "records_sought"} <= set(missing.json())
    future = RecordsRequest.objects.create(requester=alice, agency=agency, title="t", records_sought="r")
    extension = client.post(
        f"{LIST}{future.pk}/events/", {"kind": "extension", "date": "2026-11-20"}, format="json"
    )
    assert extension.status_code == 400
    assert "extended_to" in extension.json()


def test_only_the_owner_changes_a_request(alice, bob, agency, client_for):
    # Sent, so public: Bob sees it and is refused the change (a draft would be a 404 to him).
    mine = RecordsRequest.objects.create(
        requester=alice, agency=agency, title="Mine", records_sought="r", status="sent"
    )
    assert client_for(bob).patch(f"{LIST}{mine.pk}/", {"title": "Bob's"}, format="json").status_code == 403
    assert (
        client_for(bob)
        .post(f"{LIST}{mine.pk}/events/", {"kind": "note", "date": "2026-11-20"}, format="json")
        .status_code
        == 403
    )
    changed = client_for(alice).patch(f"{LIST}{mine.pk}/", {"title": "Renamed"}, format="json")
    assert changed.status_code == 200
    assert RecordsRequest.objects.get(pk=mine.pk).title == "Renamed"
    assert mine.revisions.count() == 1  # the old title is kept


def test_someone_elses_private_request_is_not_found_rather_than_forbidden(alice, bob, agency, client_for):
    secret = RecordsRequest.objects.create(
        requester=alice, agency=agency, title="Secret", records_sought="r", visibility="private"
    )
    assert client_for(bob).patch(f"{LIST}{secret.pk}/", {"title": "x"}, format="json").status_code == 404


def test_anonymous_visitors_cannot_write(agency):
    response = APIClient().post(
        LIST, {"agency": agency.pk, "title": "t", "records_sought": "r"}, format="json"
    )
    assert response.status_code in (401, 403)
    assert not RecordsRequest.objects.exists()


def test_requests_cannot_be_deleted(alice, agency, client_for):
    mine = RecordsRequest.objects.create(requester=alice, agency=agency, title="Mine", records_sought="r")
    assert client_for(alice).delete(f"{LIST}{mine.pk}/").status_code == 405
