from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from agreements.models import Agreement, AgreementStatus, Listing, Snapshot, SnapshotKind, SupportModel
from core.api.fields import (
    ChoiceLabelField,
    FastHyperlinkedIdentityField,
    FastHyperlinkedRelatedField,
    PageURLField,
    named_choice_field,
)
from jurisdictions.api.serializers import AGENCY_KIND_HELP, CountySummarySerializer, StateSummarySerializer
from jurisdictions.models import Agency, AgencyKind


class AgencySummarySerializer(serializers.ModelSerializer):
    url = FastHyperlinkedIdentityField(view_name="api:agency-detail", lookup_url_kwarg="id")
    kind = named_choice_field("AgencyKindEnum", AgencyKind.choices, help_text=AGENCY_KIND_HELP)

    class Meta:
        model = Agency
        fields = ["url", "id", "slug", "name", "kind"]


SNAPSHOT_KIND_HELP = _(
    "participating: ICE's list of participating agencies; pending: its list of pending ones."
)


class SnapshotSummarySerializer(serializers.ModelSerializer):
    url = FastHyperlinkedIdentityField(view_name="api:snapshot-detail")
    kind = named_choice_field("SnapshotKindEnum", SnapshotKind.choices, help_text=SNAPSHOT_KIND_HELP)

    class Meta:
        model = Snapshot
        fields = ["url", "id", "kind", "published", "published_part"]


class ListingSerializer(serializers.ModelSerializer):
    """One row of one ICE list: where an agreement was seen, cell by cell as ICE wrote it."""

    snapshot = SnapshotSummarySerializer(read_only=True)
    raw = serializers.DictField(
        read_only=True,
        help_text=_(
            "The row's cells as written in the spreadsheet, keyed by column header, with hyperlink "
            "targets (e.g. `MOA_hyperlink`)."
        ),
    )
    problems = serializers.ListField(
        child=serializers.CharField(),
        read_only=True,
        help_text=_(
            "What the importer noted about the row (a corrected typo, an unwrapped link…), if anything."
        ),
    )

    class Meta:
        model = Listing
        fields = [
            "snapshot",
            "row_number",
            "agency_name",
            "agency_type",
            "county_name",
            "model",
            "signed",
            "moa_url",
            "addendum_url",
            "raw",
            "problems",
        ]
        extra_kwargs = {
            "row_number": {"help_text": _("The row in the spreadsheet (1 is the header row).")},
            "moa_url": {"help_text": _("The memorandum of agreement (MOA) as linked from ICE's list.")},
        }


class AgreementSerializer(serializers.ModelSerializer):
    url = FastHyperlinkedIdentityField(view_name="api:agreement-detail")
    html_url = PageURLField("agreements:detail", pk="pk")
    id = serializers.IntegerField(read_only=True, help_text=_("Stable identifier."))
    agency = AgencySummarySerializer(read_only=True)
    state = StateSummarySerializer(source="agency.state", read_only=True)
    county = CountySummarySerializer(source="agency.county", read_only=True, allow_null=True)
    model = named_choice_field(
        "SupportModelEnum",
        SupportModel.choices,
        help_text=_("JEM: Jail Enforcement Model; TFM: Task Force Model; WSO: Warrant Service Officer."),
    )
    model_label = ChoiceLabelField(SupportModel.choices, source="model", help_text=_("The model, in words."))
    status = named_choice_field(
        "AgreementStatusEnum",
        AgreementStatus.choices,
        help_text=_(
            "pending: on the pending list only; active: on the latest participating list; "
            "missing: absent from the latest list(s) but not yet ended; superseded: replaced by a "
            "renewal; ended: absent from 3 or more consecutive lists."
        ),
    )
    status_label = ChoiceLabelField(
        AgreementStatus.choices, source="status", help_text=_("The status, in words.")
    )
    superseded_by = FastHyperlinkedRelatedField(
        view_name="api:agreement-detail",
        read_only=True,
        allow_null=True,
        help_text=_("The renewal that replaced this agreement, if any."),
    )

    class Meta:
        model = Agreement
        fields = [
            "url",
            "html_url",
            "id",
            "agency",
            "state",
            "county",
            "model",
            "model_label",
            "signed",
            "status",
            "status_label",
            "pending_since",
            "first_listed",
            "last_listed",
            "missing_count",
            "ended_on",
            "moa_url",
            "addendum_url",
            "superseded_by",
            "model_switch",
            "updated_at",
        ]
        extra_kwargs = {
            "signed": {"help_text": _("Signature date as ICE lists it; null when ICE gives none (pending).")},
            "pending_since": {"help_text": _("Date of the first pending list it appeared on.")},
            "first_listed": {"help_text": _("Date of the first participating list it appeared on.")},
            "last_listed": {"help_text": _("Date of the last participating list it appeared on.")},
            "missing_count": {
                "help_text": _(
                    "Consecutive participating lists without it, counted up to 3 (then it is ended)."
                )
            },
            "ended_on": {
                "help_text": _(
                    "Once ended: the date of the first participating list it was missing from (for a "
                    "pending-only agreement, the first pending list without it); null otherwise."
                )
            },
            "moa_url": {"help_text": _("The memorandum of agreement (MOA) as linked from ICE's list.")},
            "addendum_url": {"help_text": _("The MOA addendum as linked from ICE's list.")},
            "model_switch": {
                "help_text": _("Another model was first listed for this agency when this one left the list.")
            },
            "updated_at": {"help_text": _("When the importer last changed this record.")},
        }


class AgreementDetailSerializer(AgreementSerializer):
    listings = ListingSerializer(
        many=True,
        read_only=True,
        help_text=_(
            "Provenance: every row of every accepted ICE list this agreement was seen on, oldest first."
        ),
    )

    class Meta(AgreementSerializer.Meta):
        fields = [*AgreementSerializer.Meta.fields, "listings"]


class SnapshotSerializer(serializers.ModelSerializer):
    url = FastHyperlinkedIdentityField(view_name="api:snapshot-detail")
    kind = named_choice_field("SnapshotKindEnum", SnapshotKind.choices, help_text=SNAPSHOT_KIND_HELP)
    html_url = PageURLField("agreements:changes", pk="pk")

    class Meta:
        model = Snapshot
        fields = [
            "url",
            "html_url",
            "id",
            "kind",
            "published",
            "published_part",
            "file_name",
            "sha256",
            "row_count",
            "agreement_count",
            "date_source",
            "captured_on",
            "republished",
            "source_url",
            "imported_at",
        ]
        extra_kwargs = {
            "published": {
                "help_text": _("The date ICE published the list (from its file name, or as given).")
            },
            "published_part": {
                "help_text": _(
                    "The part of the day in ICE's file name: am, mid, pm, pm2 or pmb, with _b for a second "
                    "copy (pm_b); empty when the name has none. Same-day order: am, none, mid, pm, pm2/pmb."
                )
            },
            "agreement_count": {
                "help_text": _(
                    "Distinct agreements on the list (an agreement listed on two rows counts once); "
                    "null for a list not accepted. Ask for every participating snapshot to get a time series."
                )
            },
            "date_source": {
                "help_text": _(
                    "Where `published` comes from: filename, capture (when it was downloaded), "
                    "last_modified (the server's header) or operator (given at import)."
                )
            },
            "captured_on": {"help_text": _("When the file was downloaded, if known.")},
            "republished": {
                "help_text": _(
                    "ICE published these bytes under the name of a file already imported; dated no earlier "
                    "than its capture."
                )
            },
            "file_name": {"help_text": _("The file name as downloaded (names repeat; identify by sha256).")},
            "sha256": {"help_text": _("SHA-256 of the file's bytes: the snapshot's identity.")},
            "row_count": {"help_text": _("Agency rows in the list (raw rows; see agreement_count).")},
            "source_url": {"help_text": _("Where the file was downloaded from.")},
        }


class ListingHistorySerializer(ListingSerializer):
    """A listing with the agreement it belongs to: one row per agreement per ICE list, i.e. its history."""

    agreement = serializers.IntegerField(
        source="agreement_id",
        read_only=True,
        allow_null=True,
        help_text=_("The agreement's id (null if unmatched)."),
    )

    class Meta(ListingSerializer.Meta):
        fields = ["agreement", *ListingSerializer.Meta.fields]
