"""Append-only history of policy changes: who changed what, when, field by field."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from policies.models.policy import Policy


class PolicyRevision(models.Model):
    """One change to a policy. Rows are never edited or deleted (the model refuses; the admin is read-only).

    `policy_pk` and `subject` survive the policy's deletion, so its history stays readable.
    """

    class Action(models.TextChoices):
        CREATED = "created", _("Created")
        CHANGED = "changed", _("Changed")
        CITATIONS = "citations", _("Sources changed")
        DELETED = "deleted", _("Deleted")

    policy = models.ForeignKey(
        "policies.Policy", on_delete=models.SET_NULL, null=True, blank=True, related_name="revisions"
    )
    policy_pk = models.BigIntegerField(_("policy id"), db_index=True)
    subject = models.CharField(_("policy"), max_length=300)
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    changes = models.JSONField(_("changes"), default=dict, help_text=_("{field: [before, after]}"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    comment = models.CharField(_("comment"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("policy revision")
        verbose_name_plural = _("policy revisions")

    def __str__(self) -> str:
        return f"{self.subject} · {self.get_action_display()} · {self.created_at:%Y-%m-%d %H:%M}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise RuntimeError("Policy revisions are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise RuntimeError("Policy revisions are append-only.")

    @classmethod
    def record(
        cls, *, policy: Policy, action: str, changes: dict[str, Any], user_id: int | None, comment: str = ""
    ) -> PolicyRevision:
        """One insert (the policy's `__str__` may load its agency or state)."""
        return cls.objects.create(
            policy=policy if action != cls.Action.DELETED else None,
            policy_pk=policy.pk,
            subject=str(policy)[:300],
            action=action,
            changes=changes,
            user_id=user_id,
            comment=comment[:300],
        )
