"""The email that tells a requester which of their requests are overdue or due soon.

The sweep (`overdue.py`) owes the reminders and queues one email per requester; this sends it.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import User
from django.core.mail import send_mail
from django.db import connection, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from records_requests.models import ReminderKind, RequestReminder
from records_requests.timeline import CLOCK_RUNNING

# pg_advisory_xact_lock's first key for reminder senders (any constant no other lock in the project uses).
REMINDER_LOCK_NAMESPACE = 2870


def reminders_send(*, user_id: int) -> int:
    """Email a requester every unsent reminder in one message and mark them sent; returns reminders covered.

    Locks the reminders (skipping rows another worker holds), so two workers never send the same one.
    A reminder made stale by a later event (closed, new due date) is marked sent without being mentioned.
    """
    with transaction.atomic():
        # One sender per requester at a time: row locks alone let two workers each take part of one
        # requester's reminders (skip_locked) and send two emails; the second now waits, then finds none.
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [REMINDER_LOCK_NAMESPACE, user_id])
        reminders = list(
            RequestReminder.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(request__requester_id=user_id, sent_at=None)
            .select_related("request__agency__state__records_law", "request__requester")
            .order_by("due_on", "request_id")
        )
        if not reminders:
            return 0
        current = [a for a in reminders if a.request.due_on == a.due_on and a.request.status in CLOCK_RUNNING]
        overdue = [a.request for a in current if a.kind == ReminderKind.OVERDUE]
        due_soon = [a.request for a in current if a.kind == ReminderKind.DUE_SOON]
        user: User = reminders[0].request.requester
        if (overdue or due_soon) and user.email:
            with translation.override(settings.LANGUAGE_CODE):
                subject = _("Records requests: %(overdue)s overdue, %(soon)s due soon") % {
                    "overdue": len(overdue),
                    "soon": len(due_soon),
                }
                body = render_to_string(
                    "records_requests/email/reminders.txt",
                    {"user": user, "overdue": overdue, "due_soon": due_soon, "site_url": settings.SITE_URL},
                )
            send_mail(subject, body, None, [user.email])
        RequestReminder.objects.filter(pk__in=[a.pk for a in reminders]).update(sent_at=timezone.now())
        return len(reminders)
