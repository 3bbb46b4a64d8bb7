from rest_framework import serializers

from config.api_fields import FilteredListURLField, HtmlURLField
from jurisdictions.models import Agency, AgencyAlias, County, Place, State


class StateSummarySerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:state-detail", lookup_field="postal")

    class Meta:
        model = State
        fields = ["url", "postal", "name"]


class CountySummarySerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:county-detail", lookup_field="fips")

    class Meta:
        model = County
        fields = ["url", "fips", "name"]


class PlaceSummarySerializer(serializers.ModelSerializer):
    class Meta:
        model = Place
        fields = ["id", "name"]


class StateSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:state-detail", lookup_field="postal")
    html_url = HtmlURLField()
    county_count = serializers.IntegerField(read_only=True, help_text="Counties and county equivalents.")
    agency_count = serializers.IntegerField(read_only=True, help_text="Agencies in the directory.")
    counties_url = FilteredListURLField("api:county-list", "state", "postal", help_text="Its counties.")
    agencies_url = FilteredListURLField("api:agency-list", "state", "postal", help_text="Its agencies.")

    class Meta:
        model = State
        fields = [
            "url",
            "html_url",
            "postal",
            "fips",
            "name",
            "slug",
            "is_territory",
            "county_count",
            "agency_count",
            "counties_url",
            "agencies_url",
        ]


class CountySerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:county-detail", lookup_field="fips")
    html_url = HtmlURLField()
    state = StateSummarySerializer(read_only=True)
    agency_count = serializers.IntegerField(
        read_only=True, help_text="Agencies placed in this county (statewide agencies not counted)."
    )
    agencies_url = FilteredListURLField(
        "api:agency-list", "county", "fips", help_text="Agencies placed in this county."
    )

    class Meta:
        model = County
        fields = [
            "url",
            "html_url",
            "fips",
            "name",
            "slug",
            "other_names",
            "state",
            "agency_count",
            "agencies_url",
        ]
        extra_kwargs = {"other_names": {"help_text": "Other names the county goes by (e.g. in ICE lists)."}}


class AgencySerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:agency-detail", lookup_url_kwarg="id")
    html_url = HtmlURLField()
    id = serializers.IntegerField(
        read_only=True, help_text="Stable identifier; use it to link to the agency."
    )
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    state = StateSummarySerializer(read_only=True)
    county = CountySummarySerializer(read_only=True, allow_null=True)
    place = PlaceSummarySerializer(read_only=True, allow_null=True)
    aliases: serializers.SlugRelatedField[AgencyAlias] = serializers.SlugRelatedField(
        slug_field="name",
        many=True,
        read_only=True,
        help_text="Other spellings of the agency's name seen in sources such as ICE lists.",
    )

    class Meta:
        model = Agency
        fields = [
            "url",
            "html_url",
            "id",
            "slug",
            "name",
            "kind",
            "kind_label",
            "ori",
            "website",
            "records_email",
            "records_portal_url",
            "records_postal_address",
            "state",
            "county",
            "place",
            "aliases",
            "created_at",
            "updated_at",
        ]
        extra_kwargs = {
            "slug": {"help_text": "Stable, readable identifier; also accepted in place of the id in URLs."},
            "created_at": {"help_text": "When the agency entered the directory."},
            "updated_at": {"help_text": "When the agency's record last changed."},
        }
