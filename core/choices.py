"""A choice's label in one lookup.

Django's generated `get_FOO_display()` builds a dict of every choice per call, hashing each lazy label (a
translation each): 12 statuses on each of a page's 10 request rows is 120 translations. These helpers
translate only the label shown. Models override `get_FOO_display` with them where pages call it in loops.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import get_language

# (language, choices class, value) -> label. Labels are fixed per language (catalogs are loaded once), so
# a state page's 100 agency kinds cost 100 dictionary lookups, not 100 translations.
_labels: dict[tuple[str | None, type[models.Choices], object], str] = {}


def choice_label(choices: type[models.Choices], value: object) -> str:
    """The label of `value` among `choices`, in the active language; the value itself when unknown."""
    key = (get_language(), choices, value)
    label = _labels.get(key)
    if label is None:
        try:
            label = str(choices(value).label)
        except ValueError:
            return "" if value is None else str(value)
        _labels[key] = label
    return label
