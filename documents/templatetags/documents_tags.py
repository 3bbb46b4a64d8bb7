from __future__ import annotations

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from documents.search import MARK_START, MARK_STOP

register = template.Library()


@register.filter
def search_headline(value: str) -> SafeString:
    """Escape a search headline's text, then mark its matches; the PDF text itself is never trusted as HTML.

    Whitespace runs (OCR layout) collapse to one space.
    """
    return mark_safe(
        escape(" ".join(value.split())).replace(MARK_START, "<mark>").replace(MARK_STOP, "</mark>")
    )
