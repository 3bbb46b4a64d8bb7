"""Serializer fields shared by every app's API: links to an object's page and to filtered lists."""

from typing import Any
from urllib.parse import urlencode

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers


@extend_schema_field(OpenApiTypes.URI)
class HtmlURLField(serializers.Field):
    """The object's page on the site (its `get_absolute_url`), absolute when the request is known."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("source", "*")
        kwargs.setdefault("read_only", True)
        kwargs.setdefault("help_text", "The object's page on the website.")
        super().__init__(**kwargs)

    def to_representation(self, value: Any) -> str:
        url: str = value.get_absolute_url()
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request is not None else url


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
        url = f"{reverse(self.view_name)}?{urlencode({self.parameter: value})}"
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request is not None else url
