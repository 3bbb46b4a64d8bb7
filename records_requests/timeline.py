"""A request's status and due date, derived from its event log. Pure: no database.

The log is the truth; `RecordsRequest.status`/`due_on` are caches of `derive()` (see `refresh_derived`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from django.db import models
from django.utils.translation import gettext_lazy as _

from records_requests.deadlines import Deadline, LawTerms, Pause, compute_deadline


class RequestEventKind(models.TextChoices):
    SENT = "sent", _("sent")
    RECEIVED = "received", _("received by the agency")
    ACKNOWLEDGED = "acknowledged", _("acknowledged")
    EXTENSION = "extension", _("extension")
    CLARIFICATION_ASKED = "clarification_asked", _("clarification asked")
    CLARIFICATION_ANSWERED = "clarification_answered", _("clarification answered")
    FEE_REQUESTED = "fee_requested", _("fee requested")
    FEE_PAID = "fee_paid", _("fee paid")
    PARTIAL_RELEASE = "partial_release", _("partial release")
    RELEASED = "released", _("records released")
    DENIED = "denied", _("denied")
    NO_RECORDS = "no_records", _("no records")
    APPEAL_FILED = "appeal_filed", _("appeal filed")
    APPEAL_DECIDED = "appeal_decided", _("appeal decided")
    WITHDRAWN = "withdrawn", _("withdrawn")
    NOTE = "note", _("note")


class RequestStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    SENT = "sent", _("awaiting response")
    ACKNOWLEDGED = "acknowledged", _("acknowledged")
    EXTENDED = "extended", _("extended")
    AWAITING_CLARIFICATION = "awaiting_clarification", _("clarification asked")
    FEE_REQUESTED = "fee_requested", _("fee requested")
    PARTIAL = "partial", _("partly released")
    RELEASED = "released", _("released")
    DENIED = "denied", _("denied")
    NO_RECORDS = "no_records", _("no records")
    APPEALED = "appealed", _("under appeal")
    APPEAL_DECIDED = "appeal_decided", _("appeal decided")
    WITHDRAWN = "withdrawn", _("withdrawn")


# Statuses in which the agency still owes an answer on the statutory clock.
CLOCK_RUNNING = frozenset(
    {
        RequestStatus.SENT,
        RequestStatus.ACKNOWLEDGED,
        RequestStatus.EXTENDED,
        RequestStatus.AWAITING_CLARIFICATION,
        RequestStatus.FEE_REQUESTED,
        RequestStatus.PARTIAL,
    }
)
OPEN_STATUSES = CLOCK_RUNNING | {RequestStatus.APPEALED}

_STATUS_OF = {
    RequestEventKind.SENT: RequestStatus.SENT,
    RequestEventKind.ACKNOWLEDGED: RequestStatus.ACKNOWLEDGED,
    RequestEventKind.EXTENSION: RequestStatus.EXTENDED,
    RequestEventKind.PARTIAL_RELEASE: RequestStatus.PARTIAL,
    RequestEventKind.RELEASED: RequestStatus.RELEASED,
    RequestEventKind.DENIED: RequestStatus.DENIED,
    RequestEventKind.NO_RECORDS: RequestStatus.NO_RECORDS,
    RequestEventKind.APPEAL_FILED: RequestStatus.APPEALED,
    RequestEventKind.APPEAL_DECIDED: RequestStatus.APPEAL_DECIDED,
    RequestEventKind.WITHDRAWN: RequestStatus.WITHDRAWN,
}
_PAUSES = {
    RequestEventKind.CLARIFICATION_ASKED: (
        RequestEventKind.CLARIFICATION_ANSWERED,
        RequestStatus.AWAITING_CLARIFICATION,
    ),
    RequestEventKind.FEE_REQUESTED: (RequestEventKind.FEE_PAID, RequestStatus.FEE_REQUESTED),
}


class EventLike(Protocol):
    kind: str
    date: dt.date
    extended_to: dt.date | None


@dataclass(frozen=True)
class Derived:
    status: str
    received: date | None
    deadline: Deadline | None

    @property
    def due(self) -> date | None:
        """The date the agency's answer is due now; None when closed, paused, appealed or no deadline."""
        if self.deadline is None or self.status not in CLOCK_RUNNING:
            return None
        return self.deadline.due

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def is_overdue(self, today: date) -> bool:
        due = self.due
        return due is not None and today > due


def derive(events: Iterable[EventLike], terms: LawTerms | None, *, today: date | None = None) -> Derived:
    """Walk the log in order (callers sort by date, then id) to a status and a deadline.

    The clock starts at the "received by the agency" date, or the "sent" date when receipt is not logged.
    An extension counts as an acknowledgment; the latest extension date wins.
    """
    status: str = RequestStatus.DRAFT
    before_pause: str = status
    sent = received = acknowledged = extended_to = None
    pauses: list[Pause] = []
    open_pause: tuple[str, date] | None = None
    for event in events:
        kind = event.kind
        if kind == RequestEventKind.SENT and sent is None:
            sent = event.date
        elif kind == RequestEventKind.RECEIVED and received is None:
            received = event.date
        if kind in (RequestEventKind.ACKNOWLEDGED, RequestEventKind.EXTENSION) and acknowledged is None:
            acknowledged = event.date
        if kind == RequestEventKind.EXTENSION and event.extended_to is not None:
            extended_to = event.extended_to
        if kind in _PAUSES and open_pause is None:
            open_pause = (_PAUSES[RequestEventKind(kind)][0], event.date)
            before_pause = status
            status = _PAUSES[RequestEventKind(kind)][1]
            continue
        if open_pause is not None and kind == open_pause[0]:
            pauses.append(Pause(open_pause[1], event.date))
            open_pause = None
            status = before_pause
            continue
        if kind in _STATUS_OF:
            if kind == RequestEventKind.SENT and status != RequestStatus.DRAFT:
                continue
            if open_pause is not None:
                # An answer or a withdrawal ends the pause as of that day.
                pauses.append(Pause(open_pause[1], event.date))
                open_pause = None
            status = _STATUS_OF[RequestEventKind(kind)]
        elif kind == RequestEventKind.RECEIVED and status == RequestStatus.DRAFT:
            status = RequestStatus.SENT
    if open_pause is not None:
        pauses.append(Pause(open_pause[1]))
    start = received or sent
    if start is None or terms is None:
        return Derived(status=status, received=start, deadline=None)
    deadline = compute_deadline(
        terms, start, acknowledged=acknowledged, extended_to=extended_to, pauses=pauses, today=today
    )
    return Derived(status=status, received=start, deadline=deadline)
