from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from records_requests.documents import stored_name, validate_document
from records_requests.models.requests import RecordsRequest
from records_requests.timeline import RequestEventKind

__all__ = ["RequestEvent", "RequestEventKind"]


class AppendOnlyError(Exception):
    pass


def event_upload_to(instance: RequestEvent, filename: str) -> str:
    return stored_name(f"requests/{instance.request_id}", filename)


class RequestEvent(models.Model):
    """One thing that happened to a request. Append-only: saving an existing row or deleting one raises.

    Add events with `services.event_add`, which also refreshes the request's derived columns.
    """

    request = models.ForeignKey(RecordsRequest, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("what happened"), max_length=24, choices=RequestEventKind.choices)
    date = models.DateField(_("date"))
    text = models.TextField(_("details"), blank=True)
    extended_to = models.DateField(_("extended to"), null=True, blank=True)
    document = models.FileField(
        _("document"), upload_to=event_upload_to, blank=True, validators=[validate_document]
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("request event")
        verbose_name_plural = _("request events")
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind=RequestEventKind.EXTENSION) | Q(extended_to__isnull=False),
                name="request_event_extension_has_date",
            )
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.get_kind_display()}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("request events are append-only; add a note instead")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("request events are append-only")
