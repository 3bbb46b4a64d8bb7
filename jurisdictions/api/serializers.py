from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from core.api.fields import (
    ChoiceLabelField,
    FastHyperlinkedIdentityField,
    FilteredListURLField,
    PageURLField,
    named_choice_field,
)
from jurisdictions import extensions
from jurisdictions.models import Agency, AgencyAlias, AgencyKind, County, Place, State

AGENCY_KIND_HELP = _(
    "sheriff, municipal_police, state_agency, corrections or other; `kind_label` says it in words."
)


class StateSummarySerializer(serializers.ModelSerializer):
    url = FastHyperlinkedIdentityField(view_name="api:state-detail", lookup_field="postal", placeholder="ZZ")

    class Meta:
        model = State
        fields = ["url", "postal", "name"]


class CountySummarySerializer(serializers.ModelSerializer):
    url = FastHyperlinkedIdentityField(
        view_name="api:county-detail", lookup_field="fips", placeholder="99999"
    )

    class Meta:
        model = County
        fields = ["url", "fips", "name"]


class PlaceSummarySerializer(serializers.ModelSerializer):
    class Meta:
        model = Place
        fields = ["id", "name"]


# With the fields apps above jurisdictions registered for the model (agreement counts…; see
# jurisdictions/extensions.py), placed where they asked to be. A comment, not a docstring: drf-spectacular
# would publish a docstring as the description of every subclass.
class ExtensibleSerializer(serializers.ModelSerializer):
    def get_fields(self) -> dict[str, serializers.Field]:
        return extensions.with_extra_fields(self.Meta.model, super().get_fields())


class StateSerializer(ExtensibleSerializer):
    url = FastHyperlinkedIdentityField(view_name="api:state-detail", lookup_field="postal", placeholder="ZZ")
    html_url = PageURLField("pages:state", state="slug")
    county_count = serializers.IntegerField(read_only=True, help_text=_("Counties and county equivalents."))
    agency_count = serializers.IntegerField(read_only=True, help_text=_("Agencies in the directory."))
    counties_url = FilteredListURLField("api:county-list", "state", "postal", help_text=_("Its counties."))
    agencies_url = FilteredListURLField("api:agency-list", "state", "postal", help_text=_("Its agencies."))

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


class CountySerializer(ExtensibleSerializer):
    url = FastHyperlinkedIdentityField(
        view_name="api:county-detail", lookup_field="fips", placeholder="99999"
    )
    html_url = PageURLField("pages:county", state="state.slug", county="slug")
    state = StateSummarySerializer(read_only=True)
    agency_count = serializers.IntegerField(
        read_only=True, help_text=_("Agencies placed in this county (statewide agencies not counted).")
    )
    agencies_url = FilteredListURLField(
        "api:agency-list", "county", "fips", help_text=_("Agencies placed in this county.")
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
        extra_kwargs = {
            "other_names": {"help_text": _("Other names the county goes by (e.g. in ICE lists).")}
        }


class AgencySerializer(ExtensibleSerializer):
    url = FastHyperlinkedIdentityField(view_name="api:agency-detail", lookup_url_kwarg="id")
    html_url = PageURLField("pages:agency", slug="slug")
    id = serializers.IntegerField(
        read_only=True, help_text=_("Stable identifier; use it to link to the agency.")
    )
    kind = named_choice_field("AgencyKindEnum", AgencyKind.choices, help_text=AGENCY_KIND_HELP)
    kind_label = ChoiceLabelField(AgencyKind.choices, source="kind", help_text=_("The kind, in words."))
    state = StateSummarySerializer(read_only=True)
    county = CountySummarySerializer(read_only=True, allow_null=True)
    place = PlaceSummarySerializer(read_only=True, allow_null=True)
    aliases: serializers.SlugRelatedField[AgencyAlias] = serializers.SlugRelatedField(
        slug_field="name",
        many=True,
        read_only=True,
        help_text=_("Other spellings of the agency's name seen in sources such as ICE lists."),
    )
    counties = CountySummarySerializer(
        many=True,
        read_only=True,
        help_text=_(
            "Every county the agency serves (the FBI lists several for some); `county` is the main one."
        ),
    )
    unit_of: serializers.PrimaryKeyRelatedField[Agency] = serializers.PrimaryKeyRelatedField(
        source="parent",
        read_only=True,
        allow_null=True,
        help_text=_("Id of the state agency this is a county or regional unit of, or null."),
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
            "fbi_name",
            "unit_of",
            "website",
            "records_email",
            "records_portal_url",
            "records_postal_address",
            "state",
            "county",
            "counties",
            "place",
            "aliases",
            "created_at",
            "updated_at",
        ]
        extra_kwargs = {
            "slug": {
                "help_text": _("Stable, readable identifier; also accepted in place of the id in URLs.")
            },
            "created_at": {"help_text": _("When the agency entered the directory.")},
            "ori": {
                "help_text": _(
                    "FBI Originating Agency Identifier (source: FBI Crime Data Explorer, agency list); null "
                    "for agencies the FBI does not list."
                )
            },
            "fbi_name": {
                "help_text": _("The agency's name as the FBI's list writes it; empty without an ORI.")
            },
            "updated_at": {"help_text": _("When the agency's record last changed.")},
        }


class PointSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=["Point"])
    coordinates = serializers.ListField(
        child=serializers.FloatField(), min_length=2, max_length=2, help_text=_("[longitude, latitude]")
    )


class CountyFeatureSerializer(serializers.Serializer):
    """Documents one GeoJSON feature of /counties/geojson/ (the view builds the dicts itself)."""

    type = serializers.ChoiceField(choices=["Feature"])
    id = serializers.CharField(help_text=_("The county's FIPS code."))
    geometry = PointSerializer(
        allow_null=True, help_text=_("The county's representative point, or null when it has none.")
    )
    properties = CountySerializer()


class CountyFeatureCollectionSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=["FeatureCollection"])
    features = CountyFeatureSerializer(many=True)
