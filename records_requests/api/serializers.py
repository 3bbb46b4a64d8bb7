from datetime import date
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from core.api.fields import ChoiceLabelField, FastHyperlinkedIdentityField, PageURLField, named_choice_field
from records_requests.calculator import check_received, find_law
from records_requests.models import RecordsLaw, RecordsRequest, RequestEvent, RequestEventKind, RequestStatus


class DeadlineQuerySerializer(serializers.Serializer):
    """Query parameters of `GET /api/v1/deadline/`."""

    state = serializers.CharField(
        max_length=20, help_text=_("Two-letter postal code of a state or DC, e.g. NV.")
    )
    received = serializers.DateField(
        help_text=_("Date the agency received the request (YYYY-MM-DD); that day is not counted.")
    )
    acknowledged = serializers.DateField(
        required=False,
        help_text=_(
            "Optional: date the agency acknowledged the request. Where the law's second clock "
            "counts from the acknowledgment (NY, WY), it then counts from this date and `due` is that "
            "clock's end; without it the second clock is projected from the first deadline."
        ),
    )

    def validate_state(self, value: str) -> RecordsLaw:
        try:
            return find_law(value)
        except ValueError as error:
            raise serializers.ValidationError(str(error)) from error

    def validate_received(self, value: date) -> date:
        try:
            return check_received(value)
        except ValueError as error:
            raise serializers.ValidationError(str(error)) from error

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        acknowledged = attrs.get("acknowledged")
        if acknowledged is not None and acknowledged < attrs["received"]:
            raise serializers.ValidationError({"acknowledged": "The acknowledgment cannot precede receipt."})
        if acknowledged is not None:
            try:
                check_received(acknowledged)
            except ValueError as error:
                raise serializers.ValidationError({"acknowledged": str(error)}) from error
        return attrs

    def create(self, validated_data: Any) -> Any:  # pragma: no cover - read-only
        raise NotImplementedError


class SkippedDaySerializer(serializers.Serializer):
    date = serializers.DateField()
    name = serializers.CharField(help_text=_("Holiday name, weekday name, or 'Clock paused'."))


class ClockSerializer(serializers.Serializer):
    due = serializers.DateField(allow_null=True)
    days = serializers.IntegerField()
    unit = serializers.CharField()
    counts_from = serializers.DateField()
    projected = serializers.BooleanField(
        help_text=_("True when counted from the first deadline because no acknowledgment is known.")
    )
    skipped = SkippedDaySerializer(many=True)


class SecondClockSerializer(serializers.Serializer):
    text = serializers.CharField(help_text=_("The law's second clock as researched, in words."))
    days = serializers.IntegerField(allow_null=True, help_text=_("Null when the text is not a fixed count."))
    unit = serializers.CharField(allow_null=True)
    counts_from = serializers.CharField(
        allow_null=True, help_text=_("receipt, acknowledgment or initial_deadline")
    )
    clock = ClockSerializer(allow_null=True)


class LastDaySerializer(serializers.Serializer):
    rule = serializers.CharField(
        help_text=_(
            "What a calendar-day deadline does on a closed day: stays, next_business_day, or "
            "next_day_not_sunday_or_holiday (AL)."
        )
    )
    citation = serializers.CharField(allow_null=True, help_text=_("The state's computation-of-time statute."))
    note = serializers.CharField(allow_null=True, help_text=_("How the rule was checked."))


class ExtensionSerializer(serializers.Serializer):
    days = serializers.IntegerField(allow_null=True, help_text=_("Null where the law sets no fixed length."))
    unit = serializers.CharField(allow_null=True)
    counts_from = serializers.CharField(allow_null=True, help_text=_("deadline or receipt"))
    citation = serializers.CharField(allow_null=True)
    rule = serializers.CharField(help_text=_("The extension rule as researched, in words."))
    due = serializers.DateField(
        allow_null=True, help_text=_("The latest date the statutory extension allows.")
    )


class FollowUpSerializer(serializers.Serializer):
    date = serializers.DateField(allow_null=True, help_text=_("Counted from the received date."))
    days = serializers.IntegerField()
    unit = serializers.CharField()
    counts_from = serializers.DateField()
    rule = serializers.CharField(
        help_text=_("Why this span: the statute, guidance, or the site's suggestion.")
    )


class DeemedDenialSerializer(serializers.Serializer):
    citation = serializers.CharField()
    rule = serializers.CharField()


class AppealStepSerializer(serializers.Serializer):
    kind = serializers.CharField(
        help_text=_("administrative, review (attorney general, ombudsman…) or court")
    )
    who = serializers.CharField()
    by_when = serializers.CharField(help_text=_("The deadline to appeal, in words ('None stated' if none)."))
    citation = serializers.CharField()


class DeadlineSerializer(serializers.Serializer):
    """The answer of `GET /api/v1/deadline/`."""

    state = serializers.CharField()
    state_name = serializers.CharField()
    received = serializers.DateField()
    due = serializers.DateField(allow_null=True, help_text=_("Null where the law sets no fixed deadline."))
    unit = serializers.CharField(help_text=_("business_days, calendar_days or none"))
    days = serializers.IntegerField(allow_null=True)
    requires = serializers.CharField(help_text=_("What the agency owes by the due date."))
    law = serializers.CharField()
    citation = serializers.CharField()
    confidence = serializers.CharField(help_text=_("high, medium or low"))
    caveats = serializers.CharField(allow_null=True, help_text=_("Shown when confidence is not high."))
    skipped = SkippedDaySerializer(many=True)
    second_clock = SecondClockSerializer(allow_null=True)
    no_deadline_reason = serializers.CharField(allow_null=True)
    days_elapsed = serializers.IntegerField()
    suggested_follow_up = serializers.DateField(allow_null=True)
    nonresidents_may_request = serializers.BooleanField()
    sources = serializers.ListField(child=serializers.URLField(), help_text=_("Primary text first."))
    primary_sources = serializers.ListField(
        child=serializers.URLField(), help_text=_("The statute's or the responsible office's own text.")
    )
    last_day = LastDaySerializer()
    extension_due = serializers.DateField(
        allow_null=True,
        help_text=_("The latest date the law's own extension allows (null where it sets no fixed length)."),
    )
    extension = ExtensionSerializer(allow_null=True)
    follow_up = FollowUpSerializer(
        allow_null=True, help_text=_("Laws with no fixed deadline: when to follow up, counted from receipt.")
    )
    deemed_denied_on = serializers.DateField(
        allow_null=True,
        help_text=_("The day the statute treats silence as a denial (the day after the due date)."),
    )
    deemed_denial = DeemedDenialSerializer(allow_null=True)
    acknowledged = serializers.DateField(allow_null=True)
    acknowledged_late = serializers.BooleanField(
        help_text=_("The acknowledgment came after the first deadline (NY: a constructive denial).")
    )
    appeal_steps = AppealStepSerializer(many=True, help_text=_("In order: who, by when, under which law."))


class AgencyRefSerializer(serializers.Serializer):
    url = FastHyperlinkedIdentityField(view_name="api:agency-detail", lookup_url_kwarg="id")
    id = serializers.IntegerField()
    name = serializers.CharField(help_text=_("Agency name"))
    state = serializers.CharField(source="state.postal", help_text=_("Two-letter postal code."))


class RequestEventSerializer(serializers.ModelSerializer):
    kind = named_choice_field("RequestEventKindEnum", RequestEventKind.choices)
    kind_label = ChoiceLabelField(RequestEventKind.choices, source="kind")
    document_url = serializers.SerializerMethodField(help_text=_("The document the agency sent, if any."))

    class Meta:
        model = RequestEvent
        fields = ["kind", "kind_label", "date", "text", "extended_to", "document_url"]

    def get_document_url(self, event: RequestEvent) -> str | None:
        if not event.document:
            return None
        request = self.context.get("request")
        url = reverse(
            "records_requests:event_document", kwargs={"pk": event.request_id, "event_pk": event.pk}
        )
        return request.build_absolute_uri(url) if request is not None else url


class RecordsRequestSerializer(serializers.ModelSerializer):
    url = FastHyperlinkedIdentityField(view_name="api:records-request-detail")
    html_url = PageURLField("records_requests:detail", pk="pk")
    agency = AgencyRefSerializer(read_only=True)
    status = named_choice_field(
        "RecordsRequestStatusEnum",
        RequestStatus.choices,
        help_text=_("Derived from the event log; `status_label` says it in words."),
    )
    status_label = ChoiceLabelField(
        RequestStatus.choices, source="status", help_text=_("The status in words, in the page's language.")
    )
    due_on = serializers.DateField(
        read_only=True,
        allow_null=True,
        help_text=_("When the agency's answer is due under the state's law; null if none."),
    )
    is_overdue = serializers.BooleanField(
        read_only=True,
        help_text=_("On the statutory clock and past `due_on` today: the agency's answer is late."),
    )
    overdue_since = serializers.DateField(
        read_only=True,
        allow_null=True,
        help_text=_("The first day the answer was late; null unless overdue."),
    )
    events = RequestEventSerializer(
        many=True, read_only=True, help_text=_("The request's timeline: every event logged, oldest first.")
    )

    class Meta:
        model = RecordsRequest
        fields = [
            "url",
            "html_url",
            "id",
            "title",
            "records_sought",
            "letter",
            "agency",
            "tracking_number",
            "status",
            "status_label",
            "received_on",
            "due_on",
            "is_overdue",
            "overdue_since",
            "created_at",
            "updated_at",
            "events",
        ]
