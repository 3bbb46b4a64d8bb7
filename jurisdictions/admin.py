from django.contrib import admin

from jurisdictions.models import Agency, AgencyAlias, County, Place, State, ZipCode


@admin.register(State)
class StateAdmin(admin.ModelAdmin):
    list_display = ["name", "postal", "fips", "is_territory"]
    search_fields = ["name", "postal"]
    prepopulated_fields = {"slug": ["postal"]}


@admin.register(County)
class CountyAdmin(admin.ModelAdmin):
    list_display = ["name", "state", "fips"]
    list_filter = ["state"]
    search_fields = ["name", "fips"]
    list_select_related = ["state"]


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    list_display = ["name", "county", "state"]
    list_filter = ["state"]
    search_fields = ["name"]
    list_select_related = ["state", "county__state"]
    raw_id_fields = ["county"]


@admin.register(ZipCode)
class ZipCodeAdmin(admin.ModelAdmin):
    list_display = ["code", "place", "county", "state"]
    search_fields = ["code"]
    list_select_related = ["state", "place__state", "county__state"]
    raw_id_fields = ["county", "place"]


class AgencyAliasInline(admin.TabularInline):
    model = AgencyAlias
    extra = 0
    fields = ["name", "source", "created_at"]
    readonly_fields = ["created_at"]


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "state", "county", "ori"]
    list_filter = ["kind", "state"]
    search_fields = ["name", "ori", "aliases__name"]
    list_select_related = ["state", "county__state"]
    raw_id_fields = ["county", "place"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [AgencyAliasInline]
