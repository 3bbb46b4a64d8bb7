"""The overdue sweep, called as the Celery task (and once as the management command)."""

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from config.celery_app import app
from records_requests.models import RecordsRequest, RequestReminder
from records_requests.services import event_add
from records_requests.tasks import flag_overdue_requests

pytestmark = pytest.mark.django_db
MakeRequest = Callable[..., RecordsRequest]
# NV request received Friday 2025-11-21: Thanksgiving and Family Day skipped, due Tuesday 2025-12-02.
# (Event dates must not be in the future, so the cases live in 2025.)
SENT = date(2025, 11, 21)


@pytest.fixture(autouse=True)
def eager_reminder_emails() -> Iterator[None]:
    """Run the reminder-email task in-process when the sweep enqueues it (only in this module)."""
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = False


def sweep(captured: Any, today: str) -> str:
    with captured(execute=True):
        return str(flag_overdue_requests(today))


def test_overdue_request_is_flagged_and_emailed_once(
    make_request: MakeRequest, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    rr = make_request("NV", sent_on=SENT)
    summary = sweep(django_capture_on_commit_callbacks, "2025-12-03")
    assert "flagged 1 overdue" in summary
    owed = RequestReminder.objects.get(kind="overdue")
    assert (owed.request_id, owed.due_on) == (rr.pk, date(2025, 12, 2))
    assert len(mailoutbox) == 1
    assert rr.title in mailoutbox[0].body
    assert "1 overdue" in mailoutbox[0].subject
    # The same day again, and the next day: nothing new to say.
    sweep(django_capture_on_commit_callbacks, "2025-12-03")
    sweep(django_capture_on_commit_callbacks, "2025-12-04")
    assert len(mailoutbox) == 1
    assert RequestReminder.objects.filter(kind="overdue").count() == 1


def test_not_overdue_on_the_due_date(
    make_request: MakeRequest, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    make_request("NV", sent_on=SENT)
    summary = sweep(django_capture_on_commit_callbacks, "2025-12-02")
    assert "flagged 0 overdue" in summary
    assert not RequestReminder.objects.filter(kind="overdue").exists()


def test_one_reminder_email_per_requester(
    make_request: MakeRequest,
    make_user: Callable[..., User],
    organizer: User,
    mailoutbox: list[Any],
    django_capture_on_commit_callbacks: Any,
) -> None:
    make_request("NV", sent_on=SENT)
    make_request("NV", sent_on=SENT)
    other = make_user()
    make_request("NV", sent_on=SENT, requester=other)
    sweep(django_capture_on_commit_callbacks, "2025-12-03")
    assert sorted(len(m.to) for m in mailoutbox) == [1, 1]
    assert {m.to[0] for m in mailoutbox} == {other.email, organizer.email}


def test_extension_opens_a_new_overdue_period(
    make_request: MakeRequest, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    rr = make_request("NV", sent_on=SENT)
    sweep(django_capture_on_commit_callbacks, "2025-12-03")
    event_add(records_request=rr, kind="extension", date=date(2025, 12, 1), extended_to=date(2025, 12, 10))
    sweep(django_capture_on_commit_callbacks, "2025-12-05")
    assert len(mailoutbox) == 1
    sweep(django_capture_on_commit_callbacks, "2025-12-11")
    assert len(mailoutbox) == 2
    owed = RequestReminder.objects.filter(request=rr, kind="overdue").order_by("due_on")
    assert [r.due_on for r in owed] == [date(2025, 12, 2), date(2025, 12, 10)]


def test_closed_and_no_deadline_requests_are_never_flagged(
    make_request: MakeRequest, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    done = make_request("NV", sent_on=SENT)
    event_add(records_request=done, kind="released", date=date(2025, 11, 25))
    make_request("AZ", sent_on=date(2025, 1, 6))
    summary = sweep(django_capture_on_commit_callbacks, "2025-12-20")
    assert "flagged 0 overdue" in summary
    assert not RequestReminder.objects.exists()
    assert mailoutbox == []


def test_reminder_two_business_days_before_due(
    make_request: MakeRequest, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    make_request("NV", sent_on=SENT)
    # Due Tue 12-02. On Wed 11-26 it is 2 Nevada business days away (12-01, 12-02); on 11-25, 3.
    sweep(django_capture_on_commit_callbacks, "2025-11-25")
    assert mailoutbox == []
    sweep(django_capture_on_commit_callbacks, "2025-11-26")
    assert len(mailoutbox) == 1
    assert "due soon" in mailoutbox[0].subject
    sweep(django_capture_on_commit_callbacks, "2025-12-01")
    assert len(mailoutbox) == 1


def test_requester_without_email_gets_reminders_marked_sent(
    make_request: MakeRequest,
    make_user: Callable[..., User],
    mailoutbox: list[Any],
    django_capture_on_commit_callbacks: Any,
) -> None:
    make_request("NV", sent_on=SENT, requester=make_user(email=""))
    sweep(django_capture_on_commit_callbacks, "2025-12-03")
    assert mailoutbox == []
    assert not RequestReminder.objects.filter(sent_at=None).exists()


def test_management_command_runs_the_same_sweep(
    make_request: MakeRequest, django_capture_on_commit_callbacks: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    rr = make_request("NV", sent_on=SENT)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("flag_overdue", "--today", "2025-12-03")
    assert "flagged 1 overdue" in capsys.readouterr().out
    assert RequestReminder.objects.filter(request=rr, kind="overdue").exists()


def test_overdue_is_live_from_the_first_late_day_without_a_sweep(make_request: MakeRequest) -> None:
    """Overdue is not a stored flag: a request is late from the day after its due date, swept or not."""
    rr = make_request("NV", sent_on=SENT)  # due 2025-12-02, long past today
    assert rr.is_overdue and rr.overdue_since == date(2025, 12, 3)
    assert list(RecordsRequest.objects.overdue(date(2025, 12, 3))) == [rr]
    assert not RecordsRequest.objects.overdue(date(2025, 12, 2)).exists()
    event_add(records_request=rr, kind="released", date=date(2025, 12, 4))
    rr.refresh_from_db()
    assert not rr.is_overdue and rr.overdue_since is None
