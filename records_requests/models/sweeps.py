from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["SweepAttempt", "SweepRun"]


class SweepRun(models.Model):
    """The overdue sweep's ledger: one row per day swept, written by the Celery task.

    `started_at` is committed before the sweep's own transaction begins and `finished_at` inside it, so
    a row with `finished_at` unset is a sweep that died part-way (its work rolled back by PostgreSQL).
    A worker starting up re-queues such a sweep (`records_requests.sweep_ledger.interrupted_days`):
    the filesystem broker drops a message once it is read, so without this a killed sweep would wait
    for the next day's beat. Editors see the ledger in the admin.

    Counts on this row are the totals over every attempt; each attempt's own counts are a SweepAttempt.
    """

    day = models.DateField(_("swept as of"), unique=True)
    started_at = models.DateTimeField(_("last started"))
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    flagged = models.PositiveIntegerField(_("newly overdue"), default=0)
    reminders = models.PositiveIntegerField(_("reminders owed"), default=0)
    digests = models.PositiveIntegerField(_("digests queued"), default=0)

    class Meta:
        verbose_name = _("overdue sweep")
        verbose_name_plural = _("overdue sweeps")
        ordering = ["-day"]

    def __str__(self) -> str:
        return f"sweep {self.day}"

    @property
    def interrupted(self) -> bool:
        return self.finished_at is None


class SweepAttempt(models.Model):
    """One run of the sweep for a day, with what that run did; a rerun adds a row, never overwrites one.
    `finished_at` unset: the attempt died part-way (and its work was rolled back)."""

    run = models.ForeignKey(SweepRun, on_delete=models.CASCADE, related_name="attempt_log")
    started_at = models.DateTimeField(_("started"))
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    flagged = models.PositiveIntegerField(_("newly overdue"), default=0)
    reminders = models.PositiveIntegerField(_("reminders owed"), default=0)
    digests = models.PositiveIntegerField(_("digests queued"), default=0)

    class Meta:
        verbose_name = _("overdue sweep attempt")
        verbose_name_plural = _("overdue sweep attempts")
        ordering = ["started_at", "pk"]

    def __str__(self) -> str:
        return f"sweep {self.run_id} attempt at {self.started_at:%Y-%m-%d %H:%M:%S}"
