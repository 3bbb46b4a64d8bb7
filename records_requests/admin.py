from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from records_requests.models import (
    RecordsLaw,
    RecordsRequest,
    RequestEvent,
    RequestRevision,
    SweepAttempt,
    SweepRun,
)


@admin.register(RecordsLaw)
class RecordsLawAdmin(admin.ModelAdmin):
    list_display = ["state", "initial_days", "initial_unit", "followon_days", "confidence"]
    list_filter = ["initial_unit", "confidence", "nonresidents_may_request"]
    search_fields = ["state__name", "state__postal", "law_name", "citation"]
    list_select_related = ["state"]
    readonly_fields = ["state"]


class RequestEventInline(admin.TabularInline):
    model = RequestEvent
    extra = 0
    can_delete = False
    fields = readonly_fields = ("date", "kind", "text", "extended_to", "document", "author", "created_at")

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        # Events are added through the request page so that the derived columns are refreshed.
        return False


class RequestRevisionInline(admin.TabularInline):
    model = RequestRevision
    extra = 0
    can_delete = False
    readonly_fields = ["changed_at", "editor", "changes"]

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


class OverdueFilter(admin.SimpleListFilter):
    """Late today (`RecordsRequest.objects.overdue()`): overdue is computed, not stored."""

    title = _("overdue")
    parameter_name = "overdue"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [("yes", gettext("Yes")), ("no", gettext("No"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet[RecordsRequest]) -> QuerySet[RecordsRequest]:
        late = RecordsRequest.objects.overdue().values("pk")
        if self.value() == "yes":
            return queryset.filter(pk__in=late)
        if self.value() == "no":
            return queryset.exclude(pk__in=late)
        return queryset


@admin.register(RecordsRequest)
class RecordsRequestAdmin(admin.ModelAdmin):
    list_display = ["title", "agency", "requester", "status", "due_on", "overdue", "visibility"]
    list_filter = ["status", OverdueFilter, "visibility"]
    search_fields = ["title", "tracking_number", "agency__name"]
    raw_id_fields = ["agency", "requester"]
    list_select_related = ["agency__state", "requester"]
    readonly_fields = [
        "status",
        "received_on",
        "due_on",
        "is_overdue",
        "overdue_since",
        "created_at",
        "updated_at",
    ]
    inlines = [RequestEventInline, RequestRevisionInline]

    @admin.display(boolean=True, description=_("overdue"))
    def overdue(self, obj: RecordsRequest) -> bool:
        return obj.is_overdue


class SweepAttemptInline(admin.TabularInline):
    model = SweepAttempt
    fields = ["started_at", "finished_at", "flagged", "reminders", "digests"]
    readonly_fields = ["started_at", "finished_at", "flagged", "reminders", "digests"]
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(SweepRun)
class SweepRunAdmin(admin.ModelAdmin):
    """The overdue sweep's ledger: when it last ran, what it found, and any run that died part-way."""

    list_display = ["day", "started_at", "finished_at", "attempts", "flagged", "reminders", "digests"]
    list_filter = [("finished_at", admin.EmptyFieldListFilter)]
    date_hierarchy = "day"
    inlines = [SweepAttemptInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
