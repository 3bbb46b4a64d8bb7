"""Serializer fields shared by every app's API: links to an object's page and to filtered lists."""

from typing import Any
from urllib.parse import urlencode

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers


@extend_schema_field(OpenApiTypes.URI)
class HtmlURLField(serializers.Field):
    """The object's page on the site (its `get_absolute_url`), absolute when the request is known."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("source", "*")
        kwargs.setdefault("read_only", True)
        kwargs.setdefault("help_text", _("The object's page on the website."))
        super().__init__(**kwargs)

    def to_representation(self, value: Any) -> str:
        url: str = value.get_absolute_url()
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request is not None else url


@extend_schema_field({"type": "string", "format": "uri", "nullable": True})
class OptionalHtmlURLField(HtmlURLField):
    """Like HtmlURLField, but null while the site has no page for such objects (no URL route yet)."""

    def to_representation(self, value: Any) -> str | None:  # type: ignore[override]
        try:
            return super().to_representation(value)
        except NoReverseMatch:
            return None


@extend_schema_field(OpenApiTypes.URI)
class FilteredListURLField(serializers.Field):
    """A link to another API list filtered on this object, e.g. a state's counties: `/counties/?state=NV`.

    `attribute` is read from the object (dotted paths allowed); no query is made if it is loaded.
    """

    def __init__(self, view_name: str, parameter: str, attribute: str, **kwargs: Any) -> None:
        self.view_name = view_name
        self.parameter = parameter
        self.attribute = attribute
        kwargs.setdefault("source", "*")
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, value: Any) -> str:
        for part in self.attribute.split("."):
            value = getattr(value, part)
        bases = self.context.setdefault("_list_urls", {})
        if self.view_name not in bases:
            request = self.context.get("request")
            url = reverse(self.view_name)
            bases[self.view_name] = request.build_absolute_uri(url) if request is not None else url
        return f"{bases[self.view_name]}?{urlencode({self.parameter: value})}"


_choice_field_classes: dict[str, type[serializers.ChoiceField]] = {}


def named_choice_field(
    component_name: str, choices: list[tuple[str, Any]], **kwargs: Any
) -> serializers.ChoiceField:
    """A read-only choice field whose enum is the named schema component `component_name`.

    drf-spectacular names enums after the field, so two `kind` fields with different choices collide;
    naming the component here avoids a settings-wide ENUM_NAME_OVERRIDES entry.
    """
    field_class = _choice_field_classes.get(component_name)
    if field_class is None:
        schema = {"type": "string", "enum": [value for value, _label in choices]}
        field_class = type(f"{component_name}Field", (serializers.ChoiceField,), {})
        extend_schema_field(schema, component_name=component_name)(field_class)
        _choice_field_classes[component_name] = field_class
    field: serializers.ChoiceField = field_class(choices=choices, read_only=True, **kwargs)
    return field
