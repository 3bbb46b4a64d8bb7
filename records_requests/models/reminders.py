from django.db import models
from django.db.models.functions import Now
from django.utils.translation import gettext_lazy as _

from records_requests.models.requests import RecordsRequest

__all__ = ["ReminderKind", "RequestReminder"]


class ReminderKind(models.TextChoices):
    # The stored value of DUE_SOON is "reminder", from before these rows were called reminders.
    DUE_SOON = "reminder", _("due soon")
    OVERDUE = "overdue", _("overdue")


class RequestReminder(models.Model):
    """One reminder owed to a requester. Unique per (request, kind, due date): the guard against duplicates.

    Rows are inserted set-based by the sweep (`overdue.py`); `sent_at` is set when the requester's reminder
    email goes out (`reminders.py`).
    """

    # Indexed by the unique constraint, which starts with request. No database FK constraint: rows are
    # only inserted by the sweep's INSERT … SELECT from the requests table itself, and a per-row foreign
    # key check (plus its row lock on the request) would be paid for each reminder. Django still cascades
    # deletes.
    request = models.ForeignKey(
        RecordsRequest,
        on_delete=models.CASCADE,
        related_name="reminders",
        db_index=False,
        db_constraint=False,
    )
    kind = models.CharField(max_length=10, choices=ReminderKind.choices)
    due_on = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True, db_default=Now())
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("request reminder")
        verbose_name_plural = _("request reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["request", "kind", "due_on"], name="request_reminder_once_per_due_date"
            )
        ]
        indexes = [
            models.Index(
                fields=["request"], condition=models.Q(sent_at__isnull=True), name="request_reminder_unsent"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.request_id} {self.due_on}"
