from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from agreements.history import history_recompute
from agreements.identity_reviews import agency_merge, review_keep_separate
from agreements.models import (
    AgencyMerge,
    AgencyReview,
    Agreement,
    AgreementMerge,
    IceDownloadFailure,
    Listing,
    Snapshot,
    SnapshotStatus,
)
from jurisdictions.models import Agency


@admin.register(Snapshot)
class SnapshotAdmin(admin.ModelAdmin):
    list_display = ["__str__", "file_name", "row_count", "status", "imported_at"]
    list_filter = ["kind", "status"]
    search_fields = ["file_name", "sha256"]
    readonly_fields = ["sha256", "row_count", "imported_at", "report", "file_name", "kind"]
    actions = ["accept_snapshots"]

    @admin.action(description=_("Accept the selected snapshots and recompute agreement history"))
    def accept_snapshots(self, request: HttpRequest, queryset: QuerySet[Snapshot]) -> None:
        count = queryset.exclude(status=SnapshotStatus.ACCEPTED).update(
            status=SnapshotStatus.ACCEPTED, status_reason=_("Accepted by an editor.")
        )
        history_recompute(agency_ids=None)
        self.message_user(request, _("%(count)d snapshots accepted.") % {"count": count}, messages.SUCCESS)


@admin.register(Listing)
class ListingAdmin(admin.ModelAdmin):
    list_display = ["snapshot", "row_number", "agency_name", "state", "model", "signed", "agreement"]
    list_filter = ["snapshot__kind", "model", "state"]
    search_fields = ["agency_name"]
    list_select_related = ["snapshot", "state", "agreement__agency__state"]
    raw_id_fields = ["snapshot", "agreement", "agency", "county"]


class ListingInline(admin.TabularInline):
    model = Listing
    fields = readonly_fields = ("snapshot", "row_number", "agency_name", "signed", "moa_url")
    extra = 0
    can_delete = False
    show_change_link = True


class AgreementMergeInline(admin.TabularInline):
    model = AgreementMerge
    fields = readonly_fields = ("listing", "reason", "detail")
    extra = 0
    can_delete = False


@admin.register(Agreement)
class AgreementAdmin(admin.ModelAdmin):
    list_display = ["agency", "model", "signed", "status", "first_listed", "last_listed", "model_switch"]
    list_filter = ["status", "model", "model_switch", "agency__state"]
    search_fields = ["agency__name"]
    list_select_related = ["agency__state"]
    raw_id_fields = ["agency", "superseded_by", "first_missing_snapshot"]
    inlines = [AgreementMergeInline, ListingInline]


@admin.register(AgencyMerge)
class AgencyMergeAdmin(admin.ModelAdmin):
    list_display = ["spelling", "agency", "reason", "snapshot", "row_number", "overridden"]
    list_filter = ["reason", "overridden"]
    list_editable = ["overridden"]
    search_fields = ["spelling", "agency__name"]
    list_select_related = ["agency__state", "snapshot"]
    raw_id_fields = ["agency", "snapshot"]


@admin.register(AgreementMerge)
class AgreementMergeAdmin(admin.ModelAdmin):
    list_display = ["agreement", "listing", "reason"]
    list_filter = ["reason"]
    list_select_related = ["agreement__agency__state", "listing__snapshot"]
    raw_id_fields = ["agreement", "listing"]


@admin.register(IceDownloadFailure)
class IceDownloadFailureAdmin(admin.ModelAdmin):
    list_display = ["occurred_at", "url", "message", "resolved"]
    list_filter = ["resolved"]
    list_editable = ["resolved"]
    readonly_fields = ["occurred_at", "url", "message"]


class AgencyReviewForm(forms.ModelForm):
    merge_into = forms.ModelChoiceField(
        queryset=Agency.objects.none(),
        required=False,
        label=_("merge into"),
        help_text=_(
            "Pick the agency these rows belong to; the agency they are filed under is merged into it."
        ),
    )
    keep_separate = forms.BooleanField(
        required=False, label=_("keep as its own agency"), help_text=_("It is none of the candidates.")
    )

    class Meta:
        model = AgencyReview
        fields = ["note"]

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        ids = [c.get("id") for c in self.instance.candidates or []]
        self.fields["merge_into"].queryset = Agency.objects.filter(pk__in=ids).select_related("state")  # type: ignore[attr-defined]

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("merge_into") and data.get("keep_separate"):
            raise forms.ValidationError(_("Merge or keep separate, not both."))
        return data


@admin.register(AgencyReview)
class AgencyReviewAdmin(admin.ModelAdmin):
    """The importer's open identity questions, each with its candidates; answering one merges or keeps."""

    form = AgencyReviewForm
    list_display = ["spelling", "state", "problem", "agency", "best_candidate", "status", "created_at"]
    list_filter = ["status", "problem", "state"]
    search_fields = ["spelling", "agency__name"]
    list_select_related = ["state", "agency__state"]
    readonly_fields = [
        "spelling", "state", "agency", "problem", "candidate_list", "snapshot", "row_number", "status",
        "merged_into", "decided_by", "decided_at",
    ]  # fmt: skip
    fields = [*readonly_fields, "merge_into", "keep_separate", "note"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.display(description=_("best candidate"))
    def best_candidate(self, review: AgencyReview) -> str:
        best = (review.candidates or [{}])[0]
        return f"{best.get('name', '—')} ({best.get('score', '')})" if best else "—"

    @admin.display(description=_("candidates"))
    def candidate_list(self, review: AgencyReview) -> str:
        items = format_html_join(
            "",
            "<li><a href='{}'>{}</a> {} — {}: {}</li>",
            (
                (
                    reverse("admin:jurisdictions_agency_change", args=[c.get("id")]),
                    c.get("name"),
                    c.get("ori") or "",
                    c.get("score"),
                    "; ".join(c.get("reasons", [])),
                )
                for c in review.candidates or []
            ),
        )
        return format_html("<ul>{}</ul>", items) if review.candidates else "—"

    def save_model(
        self, request: HttpRequest, obj: AgencyReview, form: forms.ModelForm, change: bool
    ) -> None:
        super().save_model(request, obj, form, change)
        target = form.cleaned_data.get("merge_into")
        if target is not None and obj.agency is not None:
            agency_merge(source=obj.agency, target=target, user=request.user, note=obj.note)
        elif form.cleaned_data.get("keep_separate"):
            review_keep_separate(review=obj, user=request.user)
