"""Statewide immigration-enforcement laws: what a state's law makes local police and jails do, or not do.

One row per law and per provision, as in `../shared/data/state-laws/` (see its README): a statute, a
governor's order, an attorney-general directive or a court ruling, with its citation, dates, topic, effect,
who it binds, a plain-language summary in English and Spanish, sources, confidence and the date checked.
A `none_found` row records that the research found no state law at all, and when.

"In force on a date" (`in_force_on`): effective on or before the date, and not ended on or before it. A
year-only effective date ("2022") is stored as January 1 of that year with `effective_precision = year`,
so it counts as in force from January 1; pages show just the year. A law with no effective date is taken
to be in force (the research gives one for every law; an editor may leave it out).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.functional import Promise
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from jurisdictions.models import Agency, State
from policies.models.revision import AppendOnlyRevision
from policies.models.source import DatePrecision
from policies.models.tracking import TrackedFieldsMixin


class StateLawTopic(models.TextChoices):
    DETAINER_HOLDS = "detainer_holds", _("Detainer holds")
    AGREEMENTS_287G = "287g_agreements", _("287(g) agreements")
    ICE_JAIL_ACCESS = "ice_jail_access", _("ICE access to jails and detention contracts")
    RELEASE_NOTIFICATION = "release_notification", _("Telling ICE about releases")
    INFO_SHARING = "info_sharing", _("Status checks and information sharing")
    COURTHOUSE_ARRESTS = "civil_arrests_courthouses", _("Civil arrests at courthouses")
    ANTI_SANCTUARY = "anti_sanctuary_general", _("Bans on “sanctuary” policies")
    STATE_IMMIGRATION_CRIME = "state_immigration_crime", _("State immigration crimes")
    NONE_FOUND = "none_found", _("No state law found")


class StateLawEffect(models.TextChoices):
    REQUIRES = "requires", _("requires")
    PERMITS = "permits", _("permits")
    LIMITS = "limits", _("limits")
    PROHIBITS = "prohibits", _("prohibits")


# "Required by state law: Fla. Stat. § 908.11": how a law answers a resident's question.
EFFECT_LABELS: dict[str, Promise] = {
    StateLawEffect.REQUIRES: _("Required by state law: %(citation)s"),
    StateLawEffect.PERMITS: _("Allowed by state law: %(citation)s"),
    StateLawEffect.LIMITS: _("Limited by state law: %(citation)s"),
    StateLawEffect.PROHIBITS: _("Prohibited by state law: %(citation)s"),
}


class StateLawKind(models.TextChoices):
    STATUTE = "statute", _("Statute")
    EXECUTIVE_ORDER = "executive_order", _("Executive order")
    ATTORNEY_GENERAL_DIRECTIVE = "attorney_general_directive", _("Attorney general’s directive")
    COURT_RULING = "court_ruling", _("Court ruling")
    REGULATION = "regulation", _("Regulation")


class AppliesTo(models.TextChoices):
    SHERIFFS = "sheriffs", _("sheriffs")
    JAILS = "jails", _("jails")
    ALL_LOCAL = "all_local_law_enforcement", _("all local police, sheriffs and jails")
    STATE_AGENCIES = "state_agencies", _("state agencies")
    ALL = "all", _("state and local governments")


# AppliesTo labels name who is bound, ready for "for %(scope)s" and "Applies to %(scope)s".


class Confidence(models.TextChoices):
    HIGH = "high", _("High: the law or ruling itself was read")
    MEDIUM = "medium", _("Medium: consistent reputable secondary sources")
    LOW = "low", _("Low: a single or unclear source")


# Every agency kind, as strings: jurisdictions.AgencyKind grows (county police, state police, campus,
# tribal), and this module must not break or mislead when it does.
_LOCAL_KINDS = frozenset({"sheriff", "municipal_police", "county_police", "campus", "corrections"})
_STATE_KINDS = frozenset({"state_police", "state_agency", "corrections"})


def agency_kinds_bound(applies_to: str) -> frozenset[str] | None:
    """The agency kinds a law with this `applies_to` binds; None means every kind. The one place for it.

    - `sheriffs`: sheriff's offices.
    - `jails`: sheriffs and corrections agencies, the two kinds that run jails.
    - `all_local_law_enforcement`: sheriffs, municipal and county police, campus police, corrections.
      Not tribal police: tribes are sovereign, and a state's law on local agencies does not govern them.
      Not state agencies or state police.
    - `state_agencies`: state police, other state agencies, and corrections agencies (most corrections
      agencies in the directory are state prison systems; a county one is shown the state law too, since
      the kind alone cannot tell them apart).
    - `all` (state and local governments generally), or a value this code does not know: every kind.

    An agency kind this code does not know (a new one) is bound only by `all` laws.
    """
    if applies_to == AppliesTo.SHERIFFS:
        return frozenset({"sheriff"})
    if applies_to == AppliesTo.JAILS:
        return frozenset({"sheriff", "corrections"})
    if applies_to == AppliesTo.ALL_LOCAL:
        return _LOCAL_KINDS
    if applies_to == AppliesTo.STATE_AGENCIES:
        return _STATE_KINDS
    return None


def applies_to_values_for_kind(kind: str) -> list[str]:
    """The `applies_to` values of the laws that bind an agency of this kind (see `agency_kinds_bound`)."""
    return [
        value for value in AppliesTo.values if (kinds := agency_kinds_bound(value)) is None or kind in kinds
    ]


class StateLawQuerySet(models.QuerySet["StateLaw"]):
    def laws(self) -> StateLawQuerySet:
        """Real laws, without the "none found" markers."""
        return self.exclude(topic=StateLawTopic.NONE_FOUND)

    def in_force_on(self, day: dt.date) -> StateLawQuerySet:
        """Laws in force on `day`: effective on or before it (year-only: from January 1), not yet ended."""
        return self.laws().filter(
            Q(effective__isnull=True) | Q(effective__lte=day), Q(ended__isnull=True) | Q(ended__gt=day)
        )

    def in_force_today(self) -> StateLawQuerySet:
        return self.in_force_on(timezone.localdate())

    def for_state(self, state: State | int) -> StateLawQuerySet:
        """Every row of the state (ended and future laws and any "none found" marker), in display order."""
        return self.filter(state=state).order_by("topic", "-effective", "pk")

    def for_agency(self, agency: Agency) -> StateLawQuerySet:
        """The laws of the agency's state that bind an agency of its kind (`agency_kinds_bound`)."""
        return (
            self.for_state(agency.state_id)
            .laws()
            .filter(applies_to__in=applies_to_values_for_kind(agency.kind))
        )

    def for_api(self) -> StateLawQuerySet:
        return self.select_related("state").order_by("state__postal", "topic", "pk")


class StateLaw(TrackedFieldsMixin):
    """One statewide law (or one provision of it) on local cooperation with ICE, or a "none found" marker.

    `key` is the natural key of rows shipped in `policies/data/state_laws.json`; rows editors add in the
    admin have none, and the loader never touches them. Every save writes a `StateLawRevision` with the
    changed fields (one more insert; `__str__` reads `state`, a query unless loaded).
    """

    key = models.SlugField(
        _("key"),
        max_length=100,
        blank=True,
        editable=False,
        help_text=_("Set for rows loaded from the project's data file; empty for rows added by editors."),
    )
    state = models.ForeignKey(State, on_delete=models.CASCADE, related_name="state_laws")
    name = models.CharField(_("name"), max_length=300)
    citation = models.CharField(
        _("citation"), max_length=300, blank=True, help_text=_("Code section, act, directive or case.")
    )
    kind = models.CharField(_("kind of law"), max_length=30, choices=StateLawKind.choices, blank=True)
    effective = models.DateField(_("in force from"), null=True, blank=True)
    effective_precision = models.CharField(
        _("precision of the date in force"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text=_("Year: only the year is known; the law counts as in force from January 1."),
    )
    ended = models.DateField(
        _("ended"),
        null=True,
        blank=True,
        help_text=_(
            "When a court first blocked it, or it was repealed; may be before the date in force (blocked "
            "before it took effect). Empty while in force."
        ),
    )
    status_note = models.TextField(
        _("status note"), blank=True, help_text=_("Litigation, amendments, doubts.")
    )
    topic = models.CharField(_("topic"), max_length=30, choices=StateLawTopic.choices)
    effect = models.CharField(_("effect"), max_length=10, choices=StateLawEffect.choices, blank=True)
    applies_to = models.CharField(_("applies to"), max_length=30, choices=AppliesTo.choices, blank=True)
    summary_en = models.TextField(_("summary (English)"))
    summary_es = models.TextField(_("summary (Spanish)"), blank=True)
    source_url = models.URLField(_("source"), max_length=500)
    source_2_url = models.URLField(_("second source"), max_length=500, blank=True)
    confidence = models.CharField(_("confidence"), max_length=6, choices=Confidence.choices)
    checked = models.DateField(_("checked on"), default=timezone.localdate)
    loaded_digest = models.CharField(
        max_length=64, blank=True, editable=False, help_text="SHA-256 of the data-file row last loaded."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = StateLawQuerySet.as_manager()

    # A note for the next revision ("loaded from the data file").
    revision_comment = ""

    TRACKED_FIELDS = [
        "state_id",
        "name",
        "citation",
        "kind",
        "effective",
        "effective_precision",
        "ended",
        "status_note",
        "topic",
        "effect",
        "applies_to",
        "summary_en",
        "summary_es",
        "source_url",
        "source_2_url",
        "confidence",
        "checked",
    ]

    class Meta:
        ordering = ["state__name", "topic", "pk"]
        verbose_name = _("state law")
        verbose_name_plural = _("state laws")
        constraints = [
            models.UniqueConstraint(fields=["key"], condition=~Q(key=""), name="state_law_unique_key"),
            models.CheckConstraint(
                condition=Q(topic="none_found") | (~Q(effect="") & ~Q(applies_to="")),
                name="state_law_effect_and_scope",
                violation_error_message=_("A law needs an effect and whom it applies to."),
            ),
        ]
        indexes = [models.Index(fields=["state", "topic"])]

    def __str__(self) -> str:
        return f"{self.state.postal}: {self.name}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.effective is not None:
            self.effective = _first_day(self.effective, self.effective_precision)
        adding = self._state.adding
        changes = self.changed_fields()
        with transaction.atomic():
            super().save(*args, **kwargs)
            if adding or changes:
                StateLawRevision.objects.create(
                    law=self,
                    law_pk=self.pk,
                    subject=str(self)[:300],
                    action=StateLawRevision.Action.CREATED if adding else StateLawRevision.Action.CHANGED,
                    changes=changes,
                    user_id=self.updated_by_id,
                    comment=self.revision_comment[:300],
                )
        self._loaded_values = self.tracked_values()
        self.revision_comment = ""

    def get_absolute_url(self) -> str:
        """The law's place on its state's page (reads `state`: a query unless loaded)."""
        return reverse("pages:state", kwargs={"state": self.state.slug}) + f"#{self.anchor}"

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        with transaction.atomic():
            StateLawRevision.objects.create(
                law=None,
                law_pk=self.pk,
                subject=str(self)[:300],
                action=StateLawRevision.Action.DELETED,
                changes={name: [value, None] for name, value in self.tracked_values().items()},
                user_id=self.updated_by_id,
                comment=self.revision_comment[:300],
            )
            return super().delete(*args, **kwargs)

    @property
    def anchor(self) -> str:
        return f"state-law-{self.pk}"

    @property
    def is_none_found(self) -> bool:
        return self.topic == StateLawTopic.NONE_FOUND

    @property
    def is_low_confidence(self) -> bool:
        return self.confidence == Confidence.LOW

    def is_in_force_on(self, day: dt.date) -> bool:
        """The `in_force_on` rule for one row, in Python."""
        if self.is_none_found:
            return False
        started = self.effective is None or self.effective <= day
        return started and (self.ended is None or self.ended > day)

    def summary(self) -> str:
        """The summary in the current language; English when there is no Spanish yet."""
        return self.summary_es if self.summary_language() == "es" else self.summary_en

    def summary_language(self) -> str:
        return "es" if (get_language() or "en").startswith("es") and self.summary_es else "en"

    def effective_display(self) -> str:
        """The date in force as precisely as it is known, in the current language."""
        if self.effective is None:
            return ""
        formats_by_precision: dict[str, str] = {"year": "Y", "month": "YEAR_MONTH_FORMAT"}
        return formats.date_format(
            self.effective, formats_by_precision.get(self.effective_precision, "DATE_FORMAT")
        )

    def effect_label(self) -> str:
        """ "Required by state law: <citation>" (the name when there is no citation), in the current language."""
        pattern = EFFECT_LABELS.get(self.effect)
        if pattern is None:
            return str(self.get_topic_display())
        return str(pattern) % {"citation": self.citation or self.name}

    def source_urls(self) -> list[str]:
        return [url for url in (self.source_url, self.source_2_url) if url]


class StateLawRevision(AppendOnlyRevision):
    """One change to a state law: who changed which fields, when. `law_pk`/`subject` outlive the law."""

    law = models.ForeignKey(
        StateLaw, on_delete=models.SET_NULL, null=True, blank=True, related_name="revisions"
    )
    law_pk = models.BigIntegerField(_("state law id"), db_index=True)
    subject = models.CharField(_("state law"), max_length=300)

    class Meta(AppendOnlyRevision.Meta):
        verbose_name = _("state law revision")
        verbose_name_plural = _("state law revisions")

    def __str__(self) -> str:
        return f"{self.subject} · {self.get_action_display()} · {self.created_at:%Y-%m-%d %H:%M}"


def _first_day(value: dt.date, precision: str) -> dt.date:
    if precision == DatePrecision.YEAR:
        return value.replace(month=1, day=1)
    if precision == DatePrecision.MONTH:
        return value.replace(day=1)
    return value
