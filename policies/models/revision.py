"""Append-only history of policy changes: who changed what, when, field by field."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from policies.models.policy import Policy


class RevisionAction(models.TextChoices):
    CREATED = "created", _("Created")
    CHANGED = "changed", _("Changed")
    CITATIONS = "citations", _("Sources changed")
    DELETED = "deleted", _("Deleted")


class AppendOnlyRevision(models.Model):
    """What every revision table shares (policies, state laws): one change, never edited or deleted.

    Subclasses add a nullable link to their subject plus its id and name, which survive its deletion.
    """

    Action = RevisionAction

    action = models.CharField(_("action"), max_length=10, choices=RevisionAction.choices)
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
        abstract = True
        ordering = ["-created_at", "-pk"]

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise RuntimeError("Revisions are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise RuntimeError("Revisions are append-only.")


class PolicyRevision(AppendOnlyRevision):
    """One change to a policy. Rows are never edited or deleted (the model refuses; the admin is read-only).

    `policy_pk` and `subject` survive the policy's deletion, so its history stays readable.
    """

    policy = models.ForeignKey(
        "policies.Policy", on_delete=models.SET_NULL, null=True, blank=True, related_name="revisions"
    )
    policy_pk = models.BigIntegerField(_("policy id"), db_index=True)
    subject = models.CharField(_("policy"), max_length=300)

    class Meta(AppendOnlyRevision.Meta):
        verbose_name = _("policy revision")
        verbose_name_plural = _("policy revisions")

    def __str__(self) -> str:
        return f"{self.subject} · {self.get_action_display()} · {self.created_at:%Y-%m-%d %H:%M}"

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
