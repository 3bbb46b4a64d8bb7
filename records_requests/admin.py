from django.contrib import admin

from records_requests.models import RecordsLaw


@admin.register(RecordsLaw)
class RecordsLawAdmin(admin.ModelAdmin):
    list_display = ["state", "initial_days", "initial_unit", "followon_days", "confidence"]
    list_filter = ["initial_unit", "confidence", "nonresidents_may_request"]
    search_fields = ["state__name", "state__postal", "law_name", "citation"]
    list_select_related = ["state"]
    readonly_fields = ["state"]
