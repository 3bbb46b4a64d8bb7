"""One answer to one resident question (`Topic`) for one agency or one state, with its sources."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from jurisdictions.models import Agency, State
from policies.models.tracking import TrackedFieldsMixin
from policies.vocabulary import ANSWER_CHOICES, Topic, answer_label, answers_for, vocabulary_condition

# Fields whose changes a PolicyRevision records.
TRACKED_FIELDS = [
    "agency_id",
    "state_id",
    "topic",
    "answer",
    "summary_en",
    "summary_es",
    "effective_date",
    "last_verified",
    "status",
]


class PolicyStatus(models.TextChoices):
    DRAFT = "draft", _("Draft (editors only)")
    PUBLISHED = "published", _("Published")


class PolicyQuerySet(models.QuerySet["Policy"]):
    def published(self) -> PolicyQuerySet:
        return self.filter(status=PolicyStatus.PUBLISHED)

    def with_sources(self) -> PolicyQuerySet:
        """Prefetch citations with their sources: one more query for the whole list."""
        from policies.models.source import Citation

        citations = Citation.objects.select_related("source").order_by(
            models.F("source__published_on").desc(nulls_last=True), "pk"
        )
        return self.prefetch_related(Prefetch("citations", queryset=citations))

    def for_agency(self, agency: Agency) -> PolicyQuerySet:
        """The agency's published policies and its state's state-level ones: two queries (rows, sources)."""
        return (
            self.published()
            .filter(Q(agency=agency) | Q(state=agency.state_id))
            .with_sources()
            .order_by("topic", "state_id")
        )

    def for_state(self, state: State) -> PolicyQuerySet:
        """The state's own published policies (not its agencies'): two queries (rows, sources)."""
        return self.published().filter(state=state).with_sources().order_by("topic")

    def for_api(self) -> PolicyQuerySet:
        return self.published().select_related("agency__state", "state").with_sources().order_by("pk")


class Policy(TrackedFieldsMixin):
    """What an agency (or a whole state) does about one topic, as its sources say.

    Exactly one of `agency` and `state` is set. Every save writes a `PolicyRevision` with the changed
    fields (one more insert); `updated_by` is recorded as the revision's author.
    """

    TRACKED_FIELDS = TRACKED_FIELDS

    agency = models.ForeignKey(
        Agency,
        on_delete=models.CASCADE,
        related_name="policies",
        null=True,
        blank=True,
        help_text=_("Leave empty for a state-wide policy."),
    )
    state = models.ForeignKey(
        State,
        on_delete=models.CASCADE,
        related_name="policies",
        null=True,
        blank=True,
        help_text=_("Only for a state-wide policy (a state law); leave empty for an agency's policy."),
    )
    topic = models.CharField(_("question"), max_length=40, choices=Topic.choices)
    answer = models.CharField(_("answer"), max_length=40, choices=ANSWER_CHOICES)
    summary_en = models.TextField(_("summary (English)"))
    summary_es = models.TextField(_("summary (Spanish)"), blank=True)
    effective_date = models.DateField(_("in effect since"), null=True, blank=True)
    last_verified = models.DateField(
        _("last verified"),
        default=timezone.localdate,
        help_text=_("When an editor last checked the sources."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=PolicyStatus.choices, default=PolicyStatus.DRAFT
    )
    sources = models.ManyToManyField("policies.Source", through="policies.Citation", related_name="policies")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = PolicyQuerySet.as_manager()

    # The admin sets this: its citation formset checks the sources, since inlines are saved after the policy.
    sources_checked_by_form = False
    # A note for the next revision ("published by an editor", "seed content").
    revision_comment = ""

    class Meta:
        ordering = ["topic"]
        verbose_name = _("policy")
        verbose_name_plural = _("policies")
        permissions = [("publish_policy", _("Can publish and unpublish policies"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(agency__isnull=False, state__isnull=True)
                | Q(agency__isnull=True, state__isnull=False),
                name="policy_agency_xor_state",
                violation_error_message=_("A policy belongs to an agency or to a state, not both."),
            ),
            models.CheckConstraint(
                condition=vocabulary_condition(),
                name="policy_answer_in_topic_vocabulary",
                violation_error_message=_("This answer does not belong to this question."),
            ),
            models.UniqueConstraint(
                fields=["agency", "topic"],
                condition=Q(status="published", agency__isnull=False),
                name="policy_one_published_per_agency_topic",
                violation_error_message=_("This agency already has a published answer to this question."),
            ),
            models.UniqueConstraint(
                fields=["state", "topic"],
                condition=Q(status="published", state__isnull=False),
                name="policy_one_published_per_state_topic",
                violation_error_message=_("This state already has a published answer to this question."),
            ),
        ]
        indexes = [models.Index(fields=["topic", "answer"])]

    def __str__(self) -> str:
        return f"{self.jurisdiction_name}: {self.get_topic_display()}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        from policies.models.revision import PolicyRevision

        adding = self._state.adding
        changes = self.changed_fields()
        with transaction.atomic():
            super().save(*args, **kwargs)
            if adding or changes:
                PolicyRevision.record(
                    policy=self,
                    action=PolicyRevision.Action.CREATED if adding else PolicyRevision.Action.CHANGED,
                    changes=changes,
                    user_id=self.updated_by_id,
                    comment=self.revision_comment,
                )
        self._loaded_values = self.tracked_values()
        self.revision_comment = ""

    def get_absolute_url(self) -> str:
        """The page showing this policy (its agency's or its state's). Uses `agency`/`state`."""
        anchor = f"#policy-{self.topic}"
        if self.agency_id is not None and self.agency is not None:
            return self.agency.get_absolute_url() + anchor
        return reverse("pages:state", kwargs={"state": self.state.slug}) + anchor if self.state else ""

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        from policies.models.revision import PolicyRevision

        with transaction.atomic():
            PolicyRevision.record(
                policy=self,
                action=PolicyRevision.Action.DELETED,
                changes={name: [value, None] for name, value in self.tracked_values().items()},
                user_id=self.updated_by_id,
                comment=self.revision_comment,
            )
            return super().delete(*args, **kwargs)

    def clean(self) -> None:
        errors: dict[str, list[ValidationError | str | Promise]] = {}
        if (self.agency_id is None) == (self.state_id is None):
            errors.setdefault("agency", []).append(_("Choose an agency or a state (exactly one)."))
        if self.topic and self.answer and self.answer not in answers_for(self.topic):
            allowed = ", ".join(answers_for(self.topic))
            errors.setdefault("answer", []).append(
                _("“%(answer)s” is not an answer to this question. Choose one of: %(allowed)s.")
                % {"answer": self.answer, "allowed": allowed}
            )
        if (
            self.status == PolicyStatus.PUBLISHED
            and not self.sources_checked_by_form
            and not self.has_sources()
        ):
            errors.setdefault("status", []).append(_("A published policy needs at least one source."))
        if errors:
            raise ValidationError(errors)

    def has_sources(self) -> bool:
        """One query unless citations were prefetched; always False before the first save."""
        if self.pk is None:
            return False
        cache = getattr(self, "_prefetched_objects_cache", {})
        if "citations" in cache:
            return bool(cache["citations"])
        return self.citations.exists()

    @property
    def is_state_wide(self) -> bool:
        return self.state_id is not None

    @property
    def jurisdiction_name(self) -> str:
        """Uses `agency`/`state`: a query each unless loaded."""
        if self.agency_id is not None and self.agency is not None:
            return self.agency.name
        return self.state.name if self.state is not None else ""

    def answer_label(self) -> Promise | str:
        return answer_label(self.topic, self.answer)

    def summary(self) -> str:
        """The summary in the current language; English when there is no Spanish yet."""
        if (get_language() or "en").startswith("es") and self.summary_es:
            return self.summary_es
        return self.summary_en

    def summary_language(self) -> str:
        return "es" if (get_language() or "en").startswith("es") and self.summary_es else "en"
