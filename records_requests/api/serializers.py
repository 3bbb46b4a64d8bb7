from datetime import date
from typing import Any

from rest_framework import serializers

from records_requests.calculator import check_received, find_law
from records_requests.models import RecordsLaw


class DeadlineQuerySerializer(serializers.Serializer):
    """Query parameters of `GET /api/v1/deadline/`."""

    state = serializers.CharField(
        max_length=20, help_text="Two-letter postal code of a state or DC, e.g. NV."
    )
    received = serializers.DateField(
        help_text="Date the agency received the request (YYYY-MM-DD); that day is not counted."
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

    def create(self, validated_data: Any) -> Any:  # pragma: no cover - read-only
        raise NotImplementedError


class SkippedDaySerializer(serializers.Serializer):
    date = serializers.DateField()
    name = serializers.CharField(help_text="Holiday name, weekday name, or 'Clock paused'.")


class ClockSerializer(serializers.Serializer):
    due = serializers.DateField(allow_null=True)
    days = serializers.IntegerField()
    unit = serializers.CharField()
    counts_from = serializers.DateField()
    projected = serializers.BooleanField(
        help_text="True when counted from the first deadline because no acknowledgment is known."
    )
    skipped = SkippedDaySerializer(many=True)


class SecondClockSerializer(serializers.Serializer):
    text = serializers.CharField(help_text="The law's second clock as researched, in words.")
    days = serializers.IntegerField(allow_null=True, help_text="Null when the text is not a fixed count.")
    unit = serializers.CharField(allow_null=True)
    counts_from = serializers.CharField(
        allow_null=True, help_text="receipt, acknowledgment or initial_deadline"
    )
    clock = ClockSerializer(allow_null=True)


class DeadlineSerializer(serializers.Serializer):
    """The answer of `GET /api/v1/deadline/`."""

    state = serializers.CharField()
    state_name = serializers.CharField()
    received = serializers.DateField()
    due = serializers.DateField(allow_null=True, help_text="Null where the law sets no fixed deadline.")
    unit = serializers.CharField(help_text="business_days, calendar_days or none")
    days = serializers.IntegerField(allow_null=True)
    requires = serializers.CharField(help_text="What the agency owes by the due date.")
    law = serializers.CharField()
    citation = serializers.CharField()
    confidence = serializers.CharField(help_text="high, medium or low")
    caveats = serializers.CharField(allow_null=True, help_text="Shown when confidence is not high.")
    skipped = SkippedDaySerializer(many=True)
    second_clock = SecondClockSerializer(allow_null=True)
    no_deadline_reason = serializers.CharField(allow_null=True)
    days_elapsed = serializers.IntegerField()
    suggested_follow_up = serializers.DateField(allow_null=True)
    nonresidents_may_request = serializers.BooleanField()
    sources = serializers.ListField(child=serializers.URLField())
