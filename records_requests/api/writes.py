"""Organizers' writes through the API: create a request, change it, log an event. Token or session auth.

Each write goes through the same services as the site's forms (`records_requests/services.py`), so the
API cannot do anything a form cannot; their validation errors come back as 400s naming the field.
"""

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from rest_framework.exceptions import ValidationError

from jurisdictions.models import Agency
from records_requests.models import RequestEventKind, Visibility
from records_requests.services import EDITABLE_FIELDS


def as_api_error(error: DjangoValidationError) -> ValidationError:
    """A service's ValidationError as DRF's, keeping the field names."""
    if hasattr(error, "error_dict"):
        return ValidationError(
            {field: [str(m) for m in messages] for field, messages in error.message_dict.items()}
        )
    return ValidationError({"non_field_errors": error.messages})


class RecordsRequestCreateSerializer(serializers.Serializer):
    agency = serializers.PrimaryKeyRelatedField(
        queryset=Agency.objects.all(), help_text=_("The agency's id (see /api/v1/agencies/).")
    )
    title = serializers.CharField(max_length=200)
    records_sought = serializers.CharField(help_text=_("What the request asks for, in plain words."))
    letter = serializers.CharField(required=False, allow_blank=True, default="")
    visibility = serializers.ChoiceField(choices=Visibility.choices, default=Visibility.PUBLIC)
    embargo_until = serializers.DateField(
        required=False, allow_null=True, default=None, help_text=_("Required when visibility is `embargoed`.")
    )
    sent_on = serializers.DateField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_("Logs a `sent` event, which starts the clock."),
    )


class RecordsRequestUpdateSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200, required=False)
    records_sought = serializers.CharField(required=False)
    letter = serializers.CharField(required=False, allow_blank=True)
    visibility = serializers.ChoiceField(choices=Visibility.choices, required=False)
    embargo_until = serializers.DateField(required=False, allow_null=True)
    tracking_number = serializers.CharField(max_length=100, required=False, allow_blank=True)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if not attrs:
            raise ValidationError(
                {"non_field_errors": [f"Send at least one of: {', '.join(EDITABLE_FIELDS)}."]}
            )
        return attrs


class RequestEventCreateSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=RequestEventKind.choices)
    date = serializers.DateField(help_text=_("When it happened (not in the future)."))
    text = serializers.CharField(required=False, allow_blank=True, default="")
    extended_to = serializers.DateField(
        required=False, allow_null=True, default=None, help_text=_("Required for `extension`.")
    )
