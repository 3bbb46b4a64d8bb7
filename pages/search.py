"""The home page's one search box: a ZIP code, a county, a town, a state or an agency name."""

import re
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext as _

from jurisdictions.models import Agency, County, Place, State, ZipCode
from jurisdictions.names import normalize_name

MAX_QUERY_LENGTH = 100
RESULT_LIMIT = 25
_ZIP = re.compile(r"^\d{5}(?:-\d{4})?$")
_WORD_CHARS = re.compile(r"[\w]", re.UNICODE)


@dataclass
class SearchResults:
    query: str
    error: str = ""
    zip_code: ZipCode | None = None
    zip_counties: list[County] = field(default_factory=list)  # most of the ZIP code's land first
    states: list[State] = field(default_factory=list)
    counties: list[County] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    agencies: list[Agency] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.zip_code or self.states or self.counties or self.places or self.agencies)

    @property
    def single_target(self) -> str | None:
        """The URL to go straight to when the query names exactly one place (a ZIP code or one county)."""
        if self.zip_code and len(self.zip_counties) == 1:
            return f"{self.zip_counties[0].get_absolute_url()}?zip={self.zip_code.code}"
        if self.zip_code and not self.zip_counties and self.zip_code.county:
            return f"{self.zip_code.county.get_absolute_url()}?zip={self.zip_code.code}"
        found: list[State | County | Agency] = [*self.states, *self.counties, *self.agencies]
        if len(found) == 1 and not self.places:
            return found[0].get_absolute_url()
        return None


def search(raw_query: str) -> SearchResults:
    """Run the search. Costs at most five queries, each limited to RESULT_LIMIT rows (a ZIP code: two)."""
    query = " ".join(raw_query.split())
    results = SearchResults(query=query)
    if not query:
        results.error = _("Type a ZIP code, a county, a town or an agency name.")
    elif len(query) > MAX_QUERY_LENGTH:
        results.error = _("That search is too long. Use at most %(n)d characters.") % {"n": MAX_QUERY_LENGTH}
    elif not _WORD_CHARS.search(query):
        results.error = _("Search with letters or digits, for example “89101” or “Clark County”.")
    elif query.isdigit() or _ZIP.match(query):
        if not _ZIP.match(query):
            results.error = _("A ZIP code has five digits, for example 89101.")
        else:
            results.zip_code = (
                ZipCode.objects.select_related("county__state", "place", "state")
                .filter(code=query[:5])
                .first()
            )
            if results.zip_code is not None:
                results.zip_counties = results.zip_code.counties_by_share()
            if results.zip_code is None:
                results.error = _(
                    "We know no ZIP code %(zip)s. Check the digits, or search for a county or town."
                ) % {"zip": query[:5]}
    else:
        key = normalize_name(query)
        results.states = list(
            State.objects.filter(Q(name__iexact=query) | Q(postal__iexact=query))[:RESULT_LIMIT]
        )
        results.counties = list(
            County.objects.select_related("state")
            .filter(name_key__contains=key)
            .order_by("name")[:RESULT_LIMIT]
        )
        town = Q()
        for variant in _town_variants(key):
            town |= Q(name_key__contains=variant)
        results.places = list(
            Place.objects.select_related("state", "county__state")
            .filter(town)
            .order_by("name", "state__postal")[:RESULT_LIMIT]
        )
        results.agencies = list(Agency.objects.for_directory().search(query)[:RESULT_LIMIT])
    return results


_SAINT = re.compile(r"\b(st\.?|saint)(?=\s)")


def _town_variants(key: str) -> list[str]:
    """ "St. Cloud", "St Cloud" and "Saint Cloud" find one another (Census and USPS spell towns both ways)."""
    if not _SAINT.search(key):
        return [key]
    return sorted({_SAINT.sub(word, key) for word in ("st.", "st", "saint")})
