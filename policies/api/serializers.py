from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from config.api_fields import HtmlURLField
from jurisdictions.api.serializers import StateSummarySerializer
from jurisdictions.models import Agency
from policies.models import Citation, Policy, Source


class PolicyAgencySerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:agency-detail", lookup_url_kwarg="id")
    state = StateSummarySerializer(read_only=True)

    class Meta:
        model = Agency
        fields = ["url", "id", "slug", "name", "state"]


class SourceSerializer(serializers.ModelSerializer):
    published_display = serializers.CharField(
        read_only=True, help_text="The publication date as precisely as the source gives it."
    )
    file_url = serializers.SerializerMethodField(help_text="Our stored copy, when we keep one.")

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
            "url": {"help_text": "The source's web address; empty when it has none (see `reference`)."},
            "reference": {"help_text": "Where the source is kept when it has no web address, e.g. `seed:…`."},
            "published_on": {"help_text": "First day of the period `published_precision` gives."},
        }

    @extend_schema_field(OpenApiTypes.URI)
    def get_file_url(self, source: Source) -> str | None:
        if not source.file:
            return None
        request = self.context.get("request")
        url: str = source.file.url
        return request.build_absolute_uri(url) if request is not None else url


class CitationSerializer(serializers.ModelSerializer):
    source = SourceSerializer(read_only=True)  # type: ignore[assignment]

    class Meta:
        model = Citation
        fields = ["quote", "locator", "source"]


class PolicySerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:policy-detail")
    html_url = HtmlURLField(help_text="The agency's or state's page, at this policy.")
    question = serializers.CharField(source="get_topic_display", read_only=True)
    answer_label = serializers.SerializerMethodField(help_text="The answer as a sentence.")
    level = serializers.SerializerMethodField(help_text="`agency` or `state` (a state-wide policy).")
    agency = PolicyAgencySerializer(read_only=True, allow_null=True)
    state = StateSummarySerializer(read_only=True, allow_null=True)
    citations = CitationSerializer(many=True, read_only=True)

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
