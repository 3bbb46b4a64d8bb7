from django.contrib import admin
from django.http import HttpRequest

from alerts.models import Delivery, Event, Subscription


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = [
        "email",
        "agency",
        "county",
        "state",
        "language",
        "created_at",
        "confirmed_at",
        "unsubscribed_at",
    ]
    list_filter = [
        "language",
        ("confirmed_at", admin.EmptyFieldListFilter),
        ("unsubscribed_at", admin.EmptyFieldListFilter),
    ]
    search_fields = ["email"]
    list_select_related = ["agency__state", "county__state", "state"]
    raw_id_fields = ["agency", "county"]
    readonly_fields = ["created_at", "confirmed_at"]
    date_hierarchy = "created_at"


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "occurred_on", "created_at"]
    list_filter = ["kind", "state"]
    search_fields = ["subject", "key"]
    list_select_related = ["agency", "state"]
    raw_id_fields = ["agency", "county", "agreement", "policy"]
    date_hierarchy = "created_at"

    def has_change_permission(self, request: HttpRequest, obj: Event | None = None) -> bool:
        return False  # events were sent as they are; a correction is a new policy revision or ICE list


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ["event", "subscription", "sent_at"]
    list_select_related = ["event__agency", "event__state", "subscription"]
    raw_id_fields = ["event", "subscription"]
    search_fields = ["subscription__email"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Delivery | None = None) -> bool:
        return False
