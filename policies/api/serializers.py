from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from core.api.fields import HtmlURLField, named_choice_field
from jurisdictions.api.serializers import StateSummarySerializer
from jurisdictions.models import Agency
from policies.models import (
    AppliesTo,
    Citation,
    Confidence,
    DatePrecision,
    Policy,
    Source,
    StateLaw,
    StateLawEffect,
    StateLawKind,
    StateLawTopic,
    agency_kinds_bound,
)
from policies.vocabulary import ANSWER_CHOICES, ANSWERS, Topic

ANSWER_HELP = format_lazy(
    "{} {}",
    _("The answer, from the topic's own vocabulary."),
    "; ".join(
        f"{topic}: {', '.join(value for value, _label in answers)}" for topic, answers in ANSWERS.items()
    ),
)


class PolicyAgencySerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:agency-detail", lookup_url_kwarg="id")
    state = StateSummarySerializer(read_only=True)

    class Meta:
        model = Agency
        fields = ["url", "id", "slug", "name", "state"]


class SourceSerializer(serializers.ModelSerializer):
    published_display = serializers.CharField(
        read_only=True, help_text=_("The publication date as precisely as the source gives it.")
    )
    published_precision = named_choice_field(
        "DatePrecisionEnum", DatePrecision.choices, help_text=_("How much of the date the source gives.")
    )
    file_url = serializers.FileField(
        source="file",
        read_only=True,
        allow_null=True,
        use_url=True,
        help_text=_("Our stored copy, if we keep one."),
    )

    class Meta:
        model = Source
        fields = [
            "id",
            "title",
            "publisher",
            "url",
            "reference",
            "published_on",
            "published_precision",
            "published_display",
            "accessed_on",
            "file_url",
            "sha256",
        ]
        extra_kwargs = {
            "url": {"help_text": _("The source's web address; empty when it has none (see `reference`).")},
            "reference": {
                "help_text": _("Where the source is kept when it has no web address, e.g. `seed:…`.")
            },
            "published_on": {"help_text": _("First day of the period `published_precision` gives.")},
        }


class CitationSerializer(serializers.ModelSerializer):
    source = SourceSerializer(read_only=True)  # type: ignore[assignment]

    class Meta:
        model = Citation
        fields = ["quote", "locator", "source"]


class PolicySerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:policy-detail")
    html_url = HtmlURLField(help_text=_("The agency's or state's page, at this policy."))
    topic = named_choice_field("PolicyTopicEnum", Topic.choices, help_text=_("The question answered."))
    question = serializers.CharField(
        source="get_topic_display", read_only=True, help_text=_("The question, in the request's language.")
    )
    answer = named_choice_field("PolicyAnswerEnum", ANSWER_CHOICES, help_text=ANSWER_HELP)
    answer_label = serializers.SerializerMethodField(help_text=_("The answer as a sentence."))
    level = serializers.SerializerMethodField(help_text=_("`agency` or `state` (a state-wide policy)."))
    agency = PolicyAgencySerializer(read_only=True, allow_null=True)
    state = StateSummarySerializer(read_only=True, allow_null=True)
    citations = CitationSerializer(
        many=True, read_only=True, help_text=_("The documents and pages the answer rests on, each dated.")
    )

    class Meta:
        model = Policy
        fields = [
            "url",
            "html_url",
            "id",
            "level",
            "agency",
            "state",
            "topic",
            "question",
            "answer",
            "answer_label",
            "summary_en",
            "summary_es",
            "effective_date",
            "last_verified",
            "updated_at",
            "citations",
        ]

    def get_answer_label(self, policy: Policy) -> str:
        return str(policy.answer_label())

    def get_level(self, policy: Policy) -> str:
        return "state" if policy.is_state_wide else "agency"


class StateLawSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:state-law-detail")
    html_url = HtmlURLField(help_text=_("The law on its state's page."))
    state = StateSummarySerializer(read_only=True)
    kind = named_choice_field(
        "StateLawKindEnum",
        [("", ""), *StateLawKind.choices],
        help_text=_("Statute, order, directive or ruling."),
    )
    topic = named_choice_field(
        "StateLawTopicEnum", StateLawTopic.choices, help_text=_("What the law is about.")
    )
    effect = named_choice_field(
        "StateLawEffectEnum",
        [("", ""), *StateLawEffect.choices],
        help_text=_("What the law does to the activity in `topic`; empty on `none_found` rows."),
    )
    applies_to = named_choice_field(
        "StateLawAppliesToEnum",
        [("", ""), *AppliesTo.choices],
        help_text=_("Whom the law binds; empty on `none_found` rows."),
    )
    agency_kinds = serializers.SerializerMethodField(
        help_text=_("The agency kinds the law binds, as the site applies it (`all` binds every kind).")
    )
    effective_precision = named_choice_field(
        "DatePrecisionEnum", DatePrecision.choices, help_text=_("How much of `effective` is known.")
    )
    effective_display = serializers.CharField(
        read_only=True, help_text=_("The date in force as precisely as it is known.")
    )
    in_force_today = serializers.SerializerMethodField(help_text=_("In force on today's date."))
    confidence = named_choice_field(
        "StateLawConfidenceEnum",
        Confidence.choices,
        help_text=_("How sure the research is: high, medium, low."),
    )

    class Meta:
        model = StateLaw
        fields = [
            "url",
            "html_url",
            "id",
            "key",
            "state",
            "name",
            "citation",
            "kind",
            "topic",
            "effect",
            "applies_to",
            "agency_kinds",
            "effective",
            "effective_precision",
            "effective_display",
            "ended",
            "in_force_today",
            "status_note",
            "summary_en",
            "summary_es",
            "source_url",
            "source_2_url",
            "confidence",
            "checked",
            "updated_at",
        ]
        extra_kwargs = {
            "key": {
                "help_text": _("Stable key of rows from the project's data file; empty for editors' rows.")
            },
            "name": {"help_text": _("Short official or common name, with the provision.")},
            "citation": {"help_text": _("Code section, act, directive or case citation.")},
            "effective": {"help_text": _("In force from (a year-only date is stored as January 1).")},
            "ended": {
                "help_text": _("When a court first blocked it or it was repealed; null while in force.")
            },
            "status_note": {"help_text": _("Litigation, amendments and doubts (in English).")},
            "summary_en": {"help_text": _("One plain sentence for residents, in English.")},
            "summary_es": {"help_text": _("The same sentence in Spanish.")},
            "source_url": {"help_text": _("The best source found.")},
            "source_2_url": {"help_text": _("A second source, where there is one.")},
            "checked": {"help_text": _("When the research last checked this row.")},
            "updated_at": {"help_text": _("When this row last changed here.")},
        }

    def get_agency_kinds(self, law: StateLaw) -> list[str]:
        if law.is_none_found:
            return []
        kinds = agency_kinds_bound(law.applies_to)
        return sorted(kinds) if kinds is not None else ["all"]

    def get_in_force_today(self, law: StateLaw) -> bool:
        today = self.context.setdefault("_today", timezone.localdate())
        return law.is_in_force_on(today)
