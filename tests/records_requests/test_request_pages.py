from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from records_requests.models import RecordsRequest, Visibility
from records_requests.services import event_add
from tests.jurisdictions import factories

pytestmark = pytest.mark.django_db
MakeRequest = Callable[..., RecordsRequest]


def test_public_list_has_a_fixed_query_count(
    client: Client, make_request: MakeRequest, django_assert_max_num_queries: Any
) -> None:
    for _ in range(6):
        make_request("NV", sent_on=date(2026, 3, 2))
    # 4 queries: session-less user is anonymous (none), state choices, count, one page with agency and state.
    with django_assert_max_num_queries(4):
        response = client.get("/requests/")
    assert response.status_code == 200
    assert response.content.decode().count('<th scope="row">') == 6


def test_list_filters_and_csv_link(client: Client, make_request: MakeRequest) -> None:
    late = make_request("NV", sent_on=date(2026, 1, 5), title="Late one")
    make_request("AZ", sent_on=date(2026, 1, 5), title="Arizona one")
    text = client.get("/requests/", {"overdue": "on", "state": "NV"}).content.decode()
    assert late.title in text
    assert "Arizona one" not in text
    assert "format=csv" in text and "state=NV" in text


def test_private_request_is_not_listed_or_shown(client: Client, make_request: MakeRequest) -> None:
    private = make_request("NV", visibility=Visibility.PRIVATE, title="Secret one")
    assert "Secret one" not in client.get("/requests/").content.decode()
    assert client.get(private.get_absolute_url()).status_code == 404


def test_detail_shows_timeline_and_due_date(
    client: Client, make_request: MakeRequest, django_assert_max_num_queries: Any
) -> None:
    rr = make_request("NV", sent_on=date(2026, 11, 20))
    event_add(records_request=rr, kind="note", date=date(2026, 11, 21), text="Called the office.")
    # 2 queries: the request with agency, state and law; its events.
    with django_assert_max_num_queries(2):
        response = client.get(rr.get_absolute_url())
    text = response.content.decode()
    assert "Tuesday, December 1, 2026" in text
    assert "Called the office." in text


def test_arizona_detail_counts_days_instead_of_a_deadline(client: Client, make_request: MakeRequest) -> None:
    rr = make_request("AZ", sent_on=date(2026, 1, 5))
    text = client.get(rr.get_absolute_url()).content.decode()
    assert "No statutory deadline in this state" in text
    assert "Overdue" not in text


def test_dashboard_needs_login(client: Client) -> None:
    response = client.get("/requests/mine/")
    assert response.status_code == 302
    assert "/requests/accounts/login/" in response["Location"]


def test_dashboard_lists_only_own_requests(
    client: Client, make_request: MakeRequest, organizer: User, make_user: Callable[..., User]
) -> None:
    make_request("NV", title="Mine")
    make_request("NV", title="Theirs", requester=make_user())
    client.force_login(organizer)
    text = client.get("/requests/mine/").content.decode()
    assert "Mine" in text and "Theirs" not in text


def test_create_previews_then_saves_a_letter(client: Client, organizer: User) -> None:
    agency = factories.agency("Clark County Sheriff Test")
    client.force_login(organizer)
    form = {
        "agency": agency.pk,
        "title": "287(g) records",
        "questions": ["program_287g", "detainers"],
        "language": "en",
        "requester_name": "Ana",
        "visibility": "public",
        "letter": "",
    }
    preview = client.post("/requests/new/", {**form, "preview": "1"})
    assert preview.status_code == 200
    assert "NRS 239.0107" in preview.content.decode()
    assert not RecordsRequest.objects.exists()
    saved = client.post("/requests/new/", {**form, "sent_on": "2026-11-20", "save": "1"})
    rr = RecordsRequest.objects.get()
    assert saved["Location"] == rr.get_absolute_url()
    assert "memorandum of agreement" in rr.records_sought
    assert rr.due_on == date(2026, 12, 1)


def test_create_warns_about_residency_in_virginia(client: Client, organizer: User) -> None:
    agency = factories.agency(county_fips="51059")
    client.force_login(organizer)
    text = client.get("/requests/new/", {"agency": agency.pk}).content.decode()
    assert "may refuse requests from people who do not live there" in text


def test_create_without_questions_is_a_400(client: Client, organizer: User) -> None:
    agency = factories.agency()
    client.force_login(organizer)
    response = client.post(
        "/requests/new/",
        {
            "agency": agency.pk,
            "title": "x",
            "language": "en",
            "requester_name": "A",
            "visibility": "public",
            "save": "1",
        },
    )
    assert response.status_code == 400
    assert not RecordsRequest.objects.exists()


def test_create_without_agency_offers_a_search(client: Client, organizer: User) -> None:
    factories.agency("Washoe County Sheriff Test")
    client.force_login(organizer)
    text = client.get("/requests/new/", {"q": "washoe county sheriff"}).content.decode()
    assert "Washoe County Sheriff Test" in text


def test_owner_logs_an_event_with_a_pdf(client: Client, make_request: MakeRequest, organizer: User) -> None:
    rr = make_request("NV", sent_on=date(2026, 3, 2))
    client.force_login(organizer)
    pdf = SimpleUploadedFile("reply.pdf", b"%PDF-1.4 reply", content_type="application/pdf")
    response = client.post(
        f"/requests/{rr.pk}/log/", {"kind": "released", "date": "2026-03-05", "document": pdf}
    )
    assert response.status_code == 302
    rr.refresh_from_db()
    assert rr.status == "released"


def test_event_upload_with_wrong_content_is_a_400(
    client: Client, make_request: MakeRequest, organizer: User
) -> None:
    rr = make_request("NV", sent_on=date(2026, 3, 2))
    client.force_login(organizer)
    fake = SimpleUploadedFile("reply.pdf", b"<html>not a pdf</html>", content_type="application/pdf")
    response = client.post(
        f"/requests/{rr.pk}/log/", {"kind": "released", "date": "2026-03-05", "document": fake}
    )
    assert response.status_code == 400
    assert rr.events.count() == 1


def test_others_cannot_log_events(
    client: Client, make_request: MakeRequest, make_user: Callable[..., User]
) -> None:
    rr = make_request("NV", sent_on=date(2026, 3, 2))
    client.force_login(make_user())
    assert client.post(f"/requests/{rr.pk}/log/", {"kind": "denied", "date": "2026-03-05"}).status_code == 404
    assert rr.events.count() == 1


def test_owner_edits_and_the_old_title_is_kept(
    client: Client, make_request: MakeRequest, organizer: User
) -> None:
    rr = make_request("NV", title="Old title")
    client.force_login(organizer)
    data = {
        "title": "New title",
        "tracking_number": "R-1",
        "records_sought": rr.records_sought,
        "letter": "",
        "visibility": "public",
    }
    assert client.post(f"/requests/{rr.pk}/edit/", data).status_code == 302
    rr.refresh_from_db()
    assert rr.title == "New title"
    assert rr.revisions.get().changes["title"] == ["Old title", "New title"]
    assert "Old title" in client.get(f"/requests/{rr.pk}/edit/").content.decode()


def test_others_cannot_edit(
    client: Client, make_request: MakeRequest, make_user: Callable[..., User]
) -> None:
    rr = make_request("NV")
    client.force_login(make_user())
    assert client.get(f"/requests/{rr.pk}/edit/").status_code == 404
