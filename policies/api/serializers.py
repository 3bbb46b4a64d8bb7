from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from config.api_fields import HtmlURLField, named_choice_field
from jurisdictions.api.serializers import StateSummarySerializer
from jurisdictions.models import Agency
from policies.models import Citation, DatePrecision, Policy, Source
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
