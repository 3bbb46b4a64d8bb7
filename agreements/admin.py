from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from agreements.history import history_recompute
from agreements.models import (
    AgencyMerge,
    Agreement,
    AgreementMerge,
    IceDownloadFailure,
    Listing,
    Snapshot,
    SnapshotStatus,
)


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


import agreements.documents.admin  # noqa: E402, F401  (registers MoaDocument and MoaFetch)
