"""Letter pages: only the organizer who filed the request reads, downloads or emails its letters."""

import io
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from records_requests.models import RecordsRequest, RequestEvent
from records_requests.overdue import overdue_sweep
from records_requests.reminders import reminders_send

pytestmark = pytest.mark.django_db
MakeRequest = Callable[..., RecordsRequest]


def url(
    rr: RecordsRequest, kind: str = "follow-up", language: str = "en", name: str = "letter", **kw: str
) -> str:
    return reverse(f"records_requests:{name}", kwargs={"pk": rr.pk, "kind": kind, "language": language, **kw})


@pytest.fixture
def overdue(make_request: MakeRequest) -> RecordsRequest:
    rr = make_request("PA", sent_on=date(2025, 11, 24))  # due 2025-12-03: long overdue
    RecordsRequest.objects.filter(pk=rr.pk).update(
        tracking_number="OOR-77", return_address="4 Elm St\nPhiladelphia, PA 19103"
    )
    rr.refresh_from_db()
    return rr


def test_owner_reads_the_letter_in_both_languages(
    client: Client, organizer: User, overdue: RecordsRequest, django_assert_max_num_queries: Any
) -> None:
    client.force_login(organizer)
    # 4 queries: the session, its user, the request with agency, state and law, its events.
    with django_assert_max_num_queries(4):
        response = client.get(url(overdue))
    text = response.content.decode()
    assert response.status_code == 200
    assert "4 Elm St" in text and "OOR-77" in text
    assert "Under 65 P.S. § 67.901" in text
    assert 'class="letter-text"' in text and "<pre" not in text
    spanish = client.get(url(overdue, language="es")).content.decode()
    assert "Seguimiento de solicitud de registros públicos" in spanish


def test_others_get_a_404_and_anonymous_visitors_log_in(
    client: Client, make_user: Callable[..., User], overdue: RecordsRequest
) -> None:
    assert client.get(url(overdue)).status_code == 302
    client.force_login(make_user())
    assert client.get(url(overdue)).status_code == 404
    assert client.get(url(overdue, name="letter_download", fmt="pdf")).status_code == 404
    staff = make_user(is_staff=True)
    client.force_login(staff)
    assert client.get(url(overdue)).status_code == 404


def test_unknown_kind_or_language_is_a_404(client: Client, organizer: User, overdue: RecordsRequest) -> None:
    client.force_login(organizer)
    assert client.get(url(overdue, kind="threat")).status_code == 404
    assert client.get(url(overdue, language="fr")).status_code == 404
    assert client.get(url(overdue, name="letter_download", fmt="docx")).status_code == 404


def test_downloads_as_text_and_pdf(client: Client, organizer: User, overdue: RecordsRequest) -> None:
    client.force_login(organizer)
    plain = client.get(url(overdue, kind="appeal", language="es", name="letter_download", fmt="txt"))
    assert plain["Content-Type"] == "text/plain; charset=utf-8"
    assert "attachment" in plain["Content-Disposition"]
    assert "Apelo, conforme a 65 P.S. § 67.1101(a)" in plain.content.decode()
    pdf = client.get(url(overdue, kind="appeal", language="es", name="letter_download", fmt="pdf"))
    assert pdf["Content-Type"] == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Apelo, conforme a 65 P.S. § 67.1101(a)" in " ".join(text.split())


def test_email_copies_the_organizer_and_logs_an_event(
    client: Client, organizer: User, overdue: RecordsRequest, mailoutbox: list[Any]
) -> None:
    client.force_login(organizer)
    response = client.post(
        url(overdue, kind="deemed-denial", name="letter_send"), {"to": "records@agency.gov"}
    )
    assert response.status_code == 302 and response["Location"] == overdue.get_absolute_url()
    [message] = mailoutbox
    assert message.to == ["records@agency.gov"]
    assert message.cc == [organizer.email] and message.reply_to == [organizer.email]
    assert "Under 65 P.S. § 67.901, a failure to respond is a denial." in message.body
    [(name, content, mimetype)] = message.attachments
    assert (name, mimetype) == ("deemed-denial-en.pdf", "application/pdf") and content.startswith(b"%PDF")
    event = RequestEvent.objects.get(request=overdue, kind="note")
    assert "records@agency.gov" in event.text and organizer.email in event.text
    assert event.author == organizer
    assert "records@agency.gov" in client.get(overdue.get_absolute_url()).content.decode()


def test_email_needs_csrf_the_owner_and_a_valid_address(
    make_user: Callable[..., User], organizer: User, overdue: RecordsRequest, mailoutbox: list[Any]
) -> None:
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(organizer)
    assert strict.post(url(overdue, name="letter_send"), {"to": "a@b.gov"}).status_code == 403
    other = Client()
    other.force_login(make_user())
    assert other.post(url(overdue, name="letter_send"), {"to": "a@b.gov"}).status_code == 404
    owner = Client()
    owner.force_login(organizer)
    assert owner.post(url(overdue, name="letter_send"), {"to": "not an address"}).status_code == 400
    assert owner.get(url(overdue, name="letter_send")).status_code == 405
    assert mailoutbox == []
    assert not RequestEvent.objects.filter(request=overdue, kind="note").exists()


def test_a_refused_email_logs_nothing(
    client: Client, organizer: User, overdue: RecordsRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: Any, **kwargs: Any) -> int:
        raise OSError("connection refused")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
    client.force_login(organizer)
    response = client.post(url(overdue, name="letter_send"), {"to": "records@agency.gov"})
    assert response.status_code == 400
    assert "nothing was sent" in response.content.decode()
    assert not RequestEvent.objects.filter(request=overdue, kind="note").exists()


def test_request_page_offers_the_letters_to_its_owner_only(
    client: Client, organizer: User, overdue: RecordsRequest, django_assert_max_num_queries: Any
) -> None:
    anonymous = client.get(overdue.get_absolute_url()).content.decode()
    assert "What to do next" in anonymous
    assert "Office of Open Records" in anonymous  # the appeal route is public
    assert url(overdue) not in anonymous
    client.force_login(organizer)
    # 4 queries: the session, its user, the request with agency, state and law, its events.
    with django_assert_max_num_queries(4):
        text = client.get(overdue.get_absolute_url()).content.decode()
    for kind in ("follow-up", "deemed-denial", "appeal"):
        assert url(overdue, kind=kind) in text and url(overdue, kind=kind, language="es") in text


def test_dashboard_says_what_to_do_next(
    client: Client, organizer: User, overdue: RecordsRequest, django_assert_max_num_queries: Any
) -> None:
    client.force_login(organizer)
    # 3 queries: the session, its user, the requests joined with agency, state and law.
    with django_assert_max_num_queries(3):
        text = client.get(reverse("records_requests:dashboard")).content.decode()
    assert "Overdue: send the follow-up, or the notice of deemed denial" in text
    assert url(overdue) in text


def test_overdue_reminder_email_says_what_to_do_next(overdue: RecordsRequest, mailoutbox: list[Any]) -> None:
    overdue_sweep(today=date(2025, 12, 10))
    reminders_send(user_id=overdue.requester_id)
    [message] = mailoutbox
    assert "Next step: send the polite follow-up letter" in message.body
    assert url(overdue) in message.body
    assert "Under 65 P.S. § 67.901 the silence counts as a denial" in message.body
    assert "Appeal to: Office of Open Records" in message.body
