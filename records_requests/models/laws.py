from typing import Any

from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from jurisdictions.models import State
from records_requests.deadlines import LawTerms


class DeadlineUnit(models.TextChoices):
    BUSINESS_DAYS = "business_days", _("business days")
    CALENDAR_DAYS = "calendar_days", _("calendar days")
    NONE = "none", _("no fixed deadline")


class ClockStart(models.TextChoices):
    """What the second clock counts from."""

    RECEIPT = "receipt", _("receipt of the request")
    ACKNOWLEDGMENT = "acknowledgment", _("the acknowledgment")
    INITIAL_DEADLINE = "initial_deadline", _("the first deadline")


class LastDayRule(models.TextChoices):
    """What a calendar-day deadline does when its last day is a closed day (the state's own statute)."""

    STAYS = "stays", _("stays on that day")
    NEXT_BUSINESS_DAY = "next_business_day", _("moves to the next business day")
    NEXT_DAY_NOT_SUNDAY_OR_HOLIDAY = (
        "next_day_not_sunday_or_holiday",
        _("moves past a Sunday or holiday (not a Saturday)"),
    )


class ExtensionFrom(models.TextChoices):
    DEADLINE = "deadline", _("the first deadline")
    RECEIPT = "receipt", _("receipt of the request")


class AppealKind(models.TextChoices):
    ADMINISTRATIVE = "administrative", _("administrative appeal")
    REVIEW = "review", _("attorney general, ombudsman or commission review")
    COURT = "court", _("court")


class Confidence(models.TextChoices):
    HIGH = "high", _("high")
    MEDIUM = "medium", _("medium")
    LOW = "low", _("low")


class RecordsLaw(models.Model):
    """A state's public-records law as it bears on response deadlines, with its citation and sources.

    Loaded from `records_requests/data/records_laws.json` (compiled from statute text, the RCFP Open
    Government Guide and state guidance); editors may correct it in the admin.
    """

    state = models.OneToOneField(State, on_delete=models.CASCADE, related_name="records_law")
    law_name = models.TextField(_("law"))
    citation = models.TextField(_("citation for the response deadline"))
    initial_days = models.PositiveSmallIntegerField(_("days to respond"), null=True, blank=True)
    initial_unit = models.CharField(_("unit"), max_length=16, choices=DeadlineUnit.choices)
    initial_requires = models.TextField(_("what is due by then"), blank=True)
    followon_deadline = models.TextField(_("second clock"), blank=True)
    followon_days = models.PositiveSmallIntegerField(_("days on the second clock"), null=True, blank=True)
    followon_unit = models.CharField(
        _("unit of the second clock"), max_length=16, choices=DeadlineUnit.choices, blank=True
    )
    followon_from = models.CharField(
        _("second clock counts from"), max_length=16, choices=ClockStart.choices, blank=True
    )
    last_day_rule = models.CharField(
        _("a calendar-day deadline on a closed day"),
        max_length=32,
        choices=LastDayRule.choices,
        default=LastDayRule.STAYS,
    )
    last_day_citation = models.TextField(_("citation for the last-day rule"), blank=True)
    last_day_note = models.TextField(_("how the last-day rule was checked"), blank=True)
    extension_days = models.PositiveSmallIntegerField(_("days of extension allowed"), null=True, blank=True)
    extension_unit = models.CharField(
        _("unit of the extension"), max_length=16, choices=DeadlineUnit.choices, blank=True
    )
    extension_from = models.CharField(
        _("extension counts from"), max_length=16, choices=ExtensionFrom.choices, blank=True
    )
    extension_citation = models.TextField(_("citation for the extension"), blank=True)
    deemed_denial_citation = models.TextField(
        _("citation making silence a denial"),
        blank=True,
        help_text=_("Empty where the law does not make a missed deadline a denial."),
    )
    deemed_denial_rule = models.TextField(_("what silence means"), blank=True)
    follow_up_days = models.PositiveSmallIntegerField(
        _("follow up after (no fixed deadline)"), null=True, blank=True
    )
    follow_up_unit = models.CharField(
        _("unit of the follow-up span"), max_length=16, choices=DeadlineUnit.choices, blank=True
    )
    follow_up_rule = models.TextField(_("why that follow-up span"), blank=True)
    appeal_steps = models.JSONField(
        _("appeal steps"),
        default=list,
        blank=True,
        help_text=_('In order: [{"kind": "administrative|review|court", "who", "by_when", "citation"}]'),
    )
    primary_sources = ArrayField(models.URLField(max_length=500), default=list, blank=True)
    reasonable_time_guidance = models.TextField(_("what 'promptly' has been held to mean"), blank=True)
    extension_rule = models.TextField(_("extensions"), blank=True)
    day_counting = models.TextField(_("how days are counted"), blank=True)
    appeal_route = models.TextField(_("appeal route"), blank=True)
    appeal_deadline = models.TextField(_("appeal deadline"), blank=True)
    nonresidents_may_request = models.BooleanField(_("non-residents may request"), default=True)
    residency_notes = models.TextField(_("residency notes"), blank=True)
    law_enforcement_notes = models.TextField(_("notes on law enforcement"), blank=True)
    confidence = models.CharField(_("confidence"), max_length=8, choices=Confidence.choices)
    caveats = models.TextField(_("caveats"), blank=True)
    source_urls = ArrayField(models.URLField(max_length=500), default=list, blank=True)
    source_dates = models.TextField(_("source dates"), blank=True)
    translations = models.JSONField(
        _("translations"),
        default=dict,
        blank=True,
        help_text=_(
            'The research texts in other languages, by language code: {"es": {"initial_requires": …, '
            '"appeal_steps": [{"who", "by_when"}]}}. Loaded from data/records_laws_es.json.'
        ),
    )

    class Meta:
        ordering = ["state__name"]
        verbose_name = _("records law")
        verbose_name_plural = _("records laws")

    def __str__(self) -> str:
        return f"{self.state.postal}: {self.citation[:60]}"

    def localized_text(self, field: str, step: int | None = None) -> tuple[str, str]:
        """A research text (`field`, or appeal step `step`'s `field`) in the active language where we
        hold a translation of it, else in English; with its language code."""
        english: str = self.appeal_steps[step].get(field, "") if step is not None else getattr(self, field)
        language = (get_language() or "en").split("-")[0]
        if english and language != "en":
            texts: dict[str, Any] = (self.translations or {}).get(language, {})
            if step is not None:
                steps = texts.get("appeal_steps", [])
                texts = steps[step] if step < len(steps) else {}
            if translated := texts.get(field):
                return translated, language
        return english, "en"

    @property
    def has_deadline(self) -> bool:
        return self.initial_unit != DeadlineUnit.NONE and self.initial_days is not None

    @property
    def first_appeal(self) -> dict[str, str] | None:
        """The first step of the appeal route (administrative or review before court)."""
        return self.appeal_steps[0] if self.appeal_steps else None

    def terms(self) -> LawTerms:
        """The law as the pure deadline engine reads it. Reads `state` (a query unless selected)."""
        return LawTerms(
            state=self.state.postal,
            unit=self.initial_unit,
            days=self.initial_days,
            followon_days=self.followon_days,
            followon_unit=self.followon_unit,
            followon_from=self.followon_from,
            last_day=self.last_day_rule,
            extension_days=self.extension_days,
            extension_unit=self.extension_unit,
            extension_from=self.extension_from,
            follow_up_days=self.follow_up_days,
            follow_up_unit=self.follow_up_unit,
            deemed_denial=bool(self.deemed_denial_citation),
        )
