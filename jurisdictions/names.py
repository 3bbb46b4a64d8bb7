"""Name normalization shared by search, reference data and the ICE importer."""

import re
import unicodedata

from django.utils.text import slugify

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})
_SPACES = re.compile(r"\s+")


def normalize_name(name: str) -> str:
    """Matching key for a name: case-folded, accents and apostrophe variants unified, spaces collapsed.

    "St. Mary’s  Parish Sheriff’s Office " and "st. mary's parish sheriff's office" give the same key.
    """
    text = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _SPACES.sub(" ", text).strip().casefold()


def clean_display_name(name: str) -> str:
    """A name for display: apostrophes straightened, spaces collapsed, otherwise as written."""
    return _SPACES.sub(" ", name.translate(_APOSTROPHES)).strip()


def make_slug(*parts: str, max_length: int = 120) -> str:
    return slugify("-".join(p for p in parts if p))[:max_length].strip("-")


def unique_slug(base: str, taken: set[str]) -> str:
    """`base`, or `base-2`, `base-3`… whichever is not in `taken`; adds the answer to `taken`."""
    slug, n = base, 2
    while slug in taken:
        slug = f"{base}-{n}"
        n += 1
    taken.add(slug)
    return slug


_PLACE_PREFIX = re.compile(r"^(city|town|village|borough|township) of\s+", re.IGNORECASE)
_PLACE_SUFFIX = re.compile(
    r"\s+(police( department| dept\.?| services| division)?|department of public safety|public safety"
    r"( department)?|marshal'?s? office|sheriff'?s? (office|department)|constable'?s? office)\b.*$",
    re.IGNORECASE,
)


def place_name(agency_name: str) -> str:
    """The town in a municipal agency's name: "City of Hialeah Police Department" → "Hialeah"."""
    text = _PLACE_PREFIX.sub("", agency_name.strip())
    return _PLACE_SUFFIX.sub("", text).strip(" ,-")
