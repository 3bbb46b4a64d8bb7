from django.db import models
from django.utils.translation import gettext_lazy as _


class IceDownloadFailure(models.Model):
    """A failed attempt to fetch ICE's 287(g) page or one of its lists. Shown to editors in the admin, so an
    ICE page that stops answering (or changes its links) is noticed rather than silently skipped."""

    occurred_at = models.DateTimeField(_("when"), auto_now_add=True)
    url = models.URLField(_("page or list"), max_length=500)
    message = models.TextField(_("what went wrong"))
    resolved = models.BooleanField(
        _("resolved"), default=False, help_text=_("Tick once it has been looked into.")
    )

    class Meta:
        ordering = ["-occurred_at"]
        verbose_name = _("ICE download failure")
        verbose_name_plural = _("ICE download failures")

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d %H:%M} {self.url}"
