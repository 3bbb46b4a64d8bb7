from collections.abc import Callable
from datetime import date, timedelta

import pytest
from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction

from records_requests.models import RecordsRequest, RequestEvent, RequestStatus, Visibility
from records_requests.models.events import AppendOnlyError
from records_requests.services import event_add, request_update

pytestmark = pytest.mark.django_db
MakeRequest = Callable[..., RecordsRequest]


def test_sending_derives_status_and_due_date(make_request: MakeRequest) -> None:
    rr = make_request("NV", sent_on=date(2026, 11, 20))
    rr.refresh_from_db()
    assert rr.status == RequestStatus.SENT
    assert rr.received_on == date(2026, 11, 20)
    assert rr.due_on == date(2026, 12, 1)


def test_extension_event_moves_the_cached_due_date(make_request: MakeRequest) -> None:
    rr = make_request("NV", sent_on=date(2026, 3, 2))
    event_add(records_request=rr, kind="extension", date=date(2026, 3, 6), extended_to=date(2026, 4, 6))
    rr.refresh_from_db()
    assert (rr.status, rr.due_on) == (RequestStatus.EXTENDED, date(2026, 4, 6))


def test_extension_without_a_date_is_refused(make_request: MakeRequest) -> None:
    rr = make_request("NV", sent_on=date(2026, 3, 2))
    with pytest.raises(ValidationError):
        event_add(records_request=rr, kind="extension", date=date(2026, 3, 6))


def test_future_events_are_refused(make_request: MakeRequest) -> None:
    rr = make_request("NV")
    with pytest.raises(ValidationError):
        event_add(records_request=rr, kind="sent", date=date.today() + timedelta(days=30))


def test_events_are_append_only(make_request: MakeRequest) -> None:
    rr = make_request("NV", sent_on=date(2026, 3, 2))
    event = rr.events.get()
    event.text = "rewritten"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    assert RequestEvent.objects.get(pk=event.pk).text == ""


def test_pdf_document_is_accepted(make_request: MakeRequest) -> None:
    rr = make_request("NV", sent_on=date(2026, 3, 2))
    upload = SimpleUploadedFile("letter.pdf", b"%PDF-1.7\n...", content_type="application/pdf")
    event = event_add(records_request=rr, kind="released", date=date(2026, 3, 5), document=upload)
    assert event.document.name.endswith(".pdf")


def test_document_type_is_read_from_content_not_name(make_request: MakeRequest) -> None:
    rr = make_request("NV", sent_on=date(2026, 3, 2))
    fake = SimpleUploadedFile("records.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    with pytest.raises(ValidationError):
        event_add(records_request=rr, kind="released", date=date(2026, 3, 5), document=fake)
    assert rr.events.count() == 1


def test_oversized_document_is_refused(make_request: MakeRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("records_requests.documents.MAX_DOCUMENT_BYTES", 10)
    rr = make_request("NV", sent_on=date(2026, 3, 2))
    big = SimpleUploadedFile("big.png", b"\x89PNG\r\n\x1a\n" + b"0" * 20, content_type="image/png")
    with pytest.raises(ValidationError):
        event_add(records_request=rr, kind="released", date=date(2026, 3, 5), document=big)


def test_edits_are_recorded(make_request: MakeRequest, organizer: User) -> None:
    rr = make_request("NV")
    revision = request_update(records_request=rr, editor=organizer, title="New title")
    assert revision is not None
    assert revision.changes == {"title": ["287(g) agreement and ICE communications", "New title"]}
    assert request_update(records_request=rr, editor=organizer, title="New title") is None


def test_embargo_needs_a_date(make_request: MakeRequest) -> None:
    with pytest.raises(ValidationError):
        make_request("NV", visibility=Visibility.EMBARGOED)


def test_database_refuses_embargo_without_date(make_request: MakeRequest) -> None:
    rr = make_request("NV")
    with pytest.raises(IntegrityError):
        RecordsRequest.objects.filter(pk=rr.pk).update(visibility=Visibility.EMBARGOED)


def test_visible_to(make_request: MakeRequest, make_user: Callable[..., User], organizer: User) -> None:
    sent = date(2026, 3, 2)
    public = make_request("NV", sent_on=sent)
    draft = make_request("NV")  # public once sent; a draft until then
    private = make_request("NV", visibility=Visibility.PRIVATE, sent_on=sent)
    embargoed = make_request(
        "NV", visibility=Visibility.EMBARGOED, embargo_until=date.today() + timedelta(days=9), sent_on=sent
    )
    ended = make_request("NV", visibility=Visibility.EMBARGOED, embargo_until=date.today(), sent_on=sent)
    other = make_user()
    staff = make_user(is_staff=True)
    assert set(RecordsRequest.objects.visible_to(AnonymousUser())) == {public, ended}
    assert set(RecordsRequest.objects.visible_to(other)) == {public, ended}
    assert set(RecordsRequest.objects.visible_to(organizer)) == {public, draft, private, embargoed, ended}
    assert set(RecordsRequest.objects.visible_to(staff)) == {public, draft, private, embargoed, ended}


def test_open_and_overdue(make_request: MakeRequest) -> None:
    late = make_request("NV", sent_on=date(2026, 1, 5))
    done = make_request("NV", sent_on=date(2026, 1, 5))
    event_add(records_request=done, kind="released", date=date(2026, 1, 8))
    draft = make_request("NV")
    assert set(RecordsRequest.objects.open()) == {late}
    assert set(RecordsRequest.objects.overdue(today=date(2026, 2, 1))) == {late}
    assert not RecordsRequest.objects.overdue(today=date(2026, 1, 6)).exists()
    assert draft not in RecordsRequest.objects.open()


def test_arizona_request_is_never_overdue(make_request: MakeRequest) -> None:
    rr = make_request("AZ", sent_on=date(2025, 1, 6))
    rr.refresh_from_db()
    assert rr.due_on is None
    assert not RecordsRequest.objects.overdue(today=date(2026, 6, 1)).exists()


def test_database_refuses_to_rewrite_events(make_request: MakeRequest) -> None:
    rr = make_request("NV", sent_on=date(2026, 3, 2))
    with pytest.raises(IntegrityError), transaction.atomic():
        RequestEvent.objects.filter(request=rr).update(text="rewritten")
    assert rr.events.get().text == ""


def test_deleting_a_request_takes_its_events(make_request: MakeRequest) -> None:
    rr = make_request("NV", sent_on=date(2026, 3, 2))
    RecordsRequest.objects.filter(pk=rr.pk).delete()
    assert not RequestEvent.objects.filter(request_id=rr.pk).exists()
