"""Multi-step writes on requests. Each is atomic and keyword-only."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jurisdictions.models import Agency
from records_requests.follow_through import Letter
from records_requests.models import (
    RecordsRequest,
    RequestEvent,
    RequestEventKind,
    RequestRevision,
    Visibility,
)

EDITABLE_FIELDS = (
    "title",
    "records_sought",
    "letter",
    "visibility",
    "embargo_until",
    "tracking_number",
    "return_address",
)


def _check_visibility(visibility: str, embargo_until: date | None) -> None:
    if visibility == Visibility.EMBARGOED and embargo_until is None:
        raise ValidationError({"embargo_until": _("Give the date the embargo ends.")})


@transaction.atomic
def request_create(
    *,
    requester: User,
    agency: Agency,
    title: str,
    records_sought: str,
    letter: str = "",
    visibility: str = Visibility.PUBLIC,
    embargo_until: date | None = None,
    sent_on: date | None = None,
    return_address: str = "",
) -> RecordsRequest:
    """Create a request; with `sent_on`, also log that it was sent (which starts the clock)."""
    _check_visibility(visibility, embargo_until)
    records_request = RecordsRequest.objects.create(
        requester=requester,
        agency=agency,
        title=title,
        records_sought=records_sought,
        letter=letter,
        visibility=visibility,
        embargo_until=embargo_until if visibility == Visibility.EMBARGOED else None,
        return_address=return_address.strip(),
    )
    if sent_on is not None:
        event_add(records_request=records_request, kind=RequestEventKind.SENT, date=sent_on, author=requester)
    return records_request


@transaction.atomic
def request_update(
    *, records_request: RecordsRequest, editor: User | None, **fields: Any
) -> RequestRevision | None:
    """Change a request's own fields and keep the old values in a `RequestRevision` (None if no change)."""
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    _check_visibility(
        fields.get("visibility", records_request.visibility),
        fields.get("embargo_until", records_request.embargo_until),
    )
    changes = {
        name: [_jsonable(getattr(records_request, name)), _jsonable(value)]
        for name, value in fields.items()
        if getattr(records_request, name) != value
    }
    if not changes:
        return None
    for name, value in fields.items():
        setattr(records_request, name, value)
    records_request.save(update_fields=[*changes, "updated_at"])
    return RequestRevision.objects.create(request=records_request, editor=editor, changes=changes)


def _jsonable(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


@transaction.atomic
def event_add(
    *,
    records_request: RecordsRequest,
    kind: str,
    date: date,
    text: str = "",
    extended_to: date | None = None,
    document: File | None = None,
    author: User | None = None,
) -> RequestEvent:
    """Append an event and refresh the request's derived status and due date.

    Locks the request row so that two events logged at once derive from the same, complete log.
    """
    if kind == RequestEventKind.EXTENSION and extended_to is None:
        raise ValidationError({"extended_to": _("An extension needs the date it extends to.")})
    if date > timezone.localdate():
        raise ValidationError({"date": _("This date is in the future.")})
    locked = (
        RecordsRequest.objects.select_for_update(of=("self",))
        .select_related("agency__state__records_law")
        .get(pk=records_request.pk)
    )
    event = RequestEvent(
        request=locked,
        kind=kind,
        date=date,
        text=text,
        extended_to=extended_to if kind == RequestEventKind.EXTENSION else None,
        author=author,
    )
    if document is not None:
        event.document = document
    event.full_clean(exclude=["request", "author"])
    event.save()
    locked.refresh_derived()
    for name in ("status", "received_on", "due_on"):
        setattr(records_request, name, getattr(locked, name))
    return event


@transaction.atomic
def letter_send(
    *, records_request: RecordsRequest, letter: Letter, pdf: bytes, to: str, sender: User
) -> RequestEvent:
    """Email a follow-up or appeal letter (PDF attached, the organizer copied and set as Reply-To) and
    log it on the request's timeline. The event is written first, so a mail server that refuses rolls
    it back: the timeline never claims a letter went out that did not."""
    if not sender.email:
        raise ValidationError(
            _("Add an email address to your account first: you get a copy of every letter.")
        )
    event = event_add(
        records_request=records_request,
        kind=RequestEventKind.NOTE,
        date=timezone.localdate(),
        text=_("%(letter)s emailed to %(to)s (copy to %(copy)s).")
        % {"letter": letter.subject, "to": to, "copy": sender.email},
        author=sender,
    )
    message = EmailMessage(
        subject=letter.subject,
        body=letter.text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        cc=[sender.email],
        reply_to=[sender.email],
    )
    message.attach(f"{letter.kind}-{letter.language}.pdf", pdf, "application/pdf")
    message.send()
    return event
