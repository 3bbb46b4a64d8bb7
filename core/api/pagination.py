import re
from typing import Any

from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination as BasePageNumberPagination
from rest_framework.request import Request

_INTEGER = re.compile(r"-?\d+")


class PageNumberPagination(BasePageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = 500

    def paginate_queryset(self, queryset: Any, request: Request, view: Any = None) -> Any:
        # The schema says both are integers: `?page=` or `?page_size=abc` is a 400 naming the parameter,
        # not a silent first page. (`page=last` is DRF's own; a number past the end stays a 404.)
        for name in (self.page_query_param, self.page_size_query_param):
            raw = request.query_params.get(name)
            if (
                raw is not None
                and not _INTEGER.fullmatch(raw)
                and not (name == self.page_query_param and raw in self.last_page_strings)
            ):
                raise ValidationError({name: [_("A valid integer is required.")]})
        return super().paginate_queryset(queryset, request, view)
