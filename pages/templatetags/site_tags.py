from datetime import date
from typing import Any

from django import template
from django.urls import translate_url
from django.utils.formats import date_format
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from pages.directory import agency_rows_html

register = template.Library()


@register.simple_tag(takes_context=True)
def url_in_language(context: template.Context, language: str) -> str:
    """This page's address in another language (`/es/…` for Spanish, unprefixed for English)."""
    request = context.get("request")
    if request is None:
        return "/" if language == "en" else f"/{language}/"
    return translate_url(request.get_full_path(), language)


@register.simple_tag(takes_context=True)
def switch_to_language(context: template.Context, language: str) -> str:
    """The language switch's link: this page in `language`, with `lang=` so that the choice is kept in
    the language cookie (pages/language.py redirects to the address without it)."""
    url = url_in_language(context, language)
    return f"{url}{'&' if '?' in url else '?'}lang={language}"


@register.filter
def agency_rows(agencies: Any) -> SafeString:
    """The agency table's rows (pages.directory.agency_rows_html)."""
    return agency_rows_html(agencies)


@register.filter
def weekday_date(value: date | None) -> str:
    """A day in words with its weekday, in the current language: "Monday, December 7, 2026",
    "lunes, 7 de diciembre de 2026"."""
    if not value:
        return ""
    if (get_language() or "en").startswith("en"):
        return date_format(value, "l, F j, Y")  # the month in full, unlike English DATE_FORMAT
    return f"{date_format(value, 'l')}, {date_format(value, 'DATE_FORMAT')}"


@register.filter
def in_english(value: str) -> str:
    """Text we show in English on every page (records-law names and citations, and any research text not
    yet in records_laws_es.json): marked `lang="en"` on pages in another language, so that screen readers
    read it as English; escaped either way."""
    if not value:
        return ""
    if (get_language() or "en").startswith("en"):
        return conditional_escape(value)
    return format_html('<span lang="en">{}</span>', value)


@register.simple_tag
def law_text(law: Any, field: str, step: int | None = None) -> str:
    """A records law's research text (`field`, or appeal step `step`'s `field`) in the reader's language
    where we hold a translation (records_laws_es.json), else the English, marked as `in_english` does."""
    text, language = law.localized_text(field, step)
    return in_english(text) if language == "en" else conditional_escape(text)
