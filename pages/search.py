"""The home page's one search box: a ZIP code, a county, a town, a state or an agency name.

What a person types is read forgivingly (`parse_query`, pure): case, accents and punctuation do not
matter; "Cty"/"Co." mean county, "SO" sheriff's office, "PD" police department, "St." saint; "condado de
Harris" is Harris County; a state at the end ("Harris County, TX", "harris county texas") narrows every
group to that state. Matching is PostgreSQL trigram word similarity over `name_key` (GIN `gin_trgm_ops`
indexes), so a typo still finds the name; results are ranked by closeness, then by size (ZIP codes),
counted per group and paged. The search never jumps to one result unless it is the only one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.contrib.postgres.search import TrigramWordSimilarity
from django.core.paginator import Page, Paginator
from django.db.models import Case, Count, Func, OuterRef, Q, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce, Greatest
from django.utils.translation import gettext as _

from jurisdictions.models import Agency, AgencyKind, County, Place, State, ZipCode, name_initials
from jurisdictions.names import normalize_name
from pages.directory import with_summary

MAX_QUERY_LENGTH = 100
RESULT_LIMIT = 25  # per group and page
_ZIP = re.compile(r"^\d{5}(?:-\d{4})?$")
_WORD_CHARS = re.compile(r"[\w]", re.UNICODE)
_WORD = re.compile(r"[a-z0-9']+")

# Abbreviations a person types for words in agency and place names (after normalize_name).
_ABBREVIATIONS = {
    "cty": "county",
    "cnty": "county",
    "co": "county",
    "so": "sheriff's office",
    "pd": "police department",
    "dept": "department",
    "dpt": "department",
    "sheriffs": "sheriff's",
    "sherrif": "sheriff",
    "sherrifs": "sheriff's",
    "ofc": "office",
    "twp": "township",
    "ft": "fort",
    "mt": "mount",
    "metro": "metropolitan",
}
# Spanish ways of naming a county or an agency, rewritten in the English the names use.
_SPANISH = [
    (re.compile(r"^(?:la )?oficina del? (?:sheriff|alguacil) (?:de(?:l)? )?(.+)$"), r"\1 sheriff's office"),
    (re.compile(r"^(?:el )?(?:sheriff|alguacil) (?:de(?:l)? )?(.+)$"), r"\1 sheriff"),
    (re.compile(r"^(?:el )?departamento de policia de (.+)$"), r"\1 police department"),
    (re.compile(r"^(?:la )?policia de (.+)$"), r"\1 police"),
    (re.compile(r"^(?:el )?condado de (.+)$"), r"\1 county"),
]
# Words that name an agency rather than a place: left out when matching counties and towns.
_AGENCY_WORDS = {
    "sheriff",
    "sheriff's",
    "office",
    "police",
    "department",
    "constable",
    "constable's",
    "marshal",
    "marshal's",
    "jail",
    "corrections",
    "correctional",
    "metropolitan",
    "public",
    "safety",
}
_SAINT = re.compile(r"\b(st\.?|saint)(?=\s)")
# Trigram word similarity at or above which a name counts as found (pg_trgm's own default for `%>`).
WORD_SIMILARITY = 0.6


@dataclass(frozen=True)
class ParsedQuery:
    text: str  # the words to match, abbreviations spelt out, without the state
    state: State | None  # the state named at the end, if any
    acronym: str = ""  # "LVMPD": matched against agency names' initials

    @property
    def place_text(self) -> str:
        """The words that can name a county or town ("harris county sheriff" → "harris county")."""
        return " ".join(w for w in self.text.split() if w not in _AGENCY_WORDS)

    def variants(self, text: str | None = None) -> list[str]:
        """ "St. Cloud", "St Cloud" and "Saint Cloud" find one another (names are spelt every way)."""
        key = self.text if text is None else text
        if not _SAINT.search(key + " "):
            return [key]
        return sorted({_SAINT.sub(word, key + " ").strip() for word in ("st.", "st", "saint")})


def parse_query(raw: str, states: list[State]) -> ParsedQuery:
    """Pure: the query's words, abbreviations spelt out, Spanish forms rewritten, a trailing state split
    off ("Harris County, TX", "harris county texas"; a two-letter code only after a comma, since "Co"
    means county)."""
    text = normalize_name(raw)
    comma_tail = ""
    if "," in text:
        text, comma_tail = (part.strip() for part in text.rsplit(",", 1))
    words = _WORD.findall(text.replace("’", "'"))
    state = None
    by_name = {normalize_name(s.name): s for s in states}
    by_postal = {s.postal.lower(): s for s in states}
    if comma_tail:
        tail = " ".join(_WORD.findall(comma_tail))
        state = by_name.get(tail) or by_postal.get(tail)
        if state is None:
            words += tail.split()
    if state is None and len(words) > 1:
        for size in (3, 2, 1):
            if len(words) > size and " ".join(words[-size:]) in by_name:
                state = by_name[" ".join(words[-size:])]
                words = words[:-size]
                break
    acronym = ""
    if len(words) == 1 and raw.strip().isalpha() and 3 <= len(words[0]) <= 6:
        letters = words[0]
        if raw.strip().isupper() or not set(letters) & set("aeiouy"):
            acronym = letters.upper()
    text = " ".join(words)
    for pattern, replacement in _SPANISH:
        text = pattern.sub(replacement, text)
    expanded = " ".join(_ABBREVIATIONS.get(w, w) for w in text.split())
    return ParsedQuery(text=expanded, state=state, acronym=acronym)


@dataclass
class SearchResults:
    query: str
    error: str = ""
    query_text: str = ""  # what was matched: abbreviations spelt out, the state left out
    state_named: State | None = None
    zip_code: ZipCode | None = None
    zip_counties: list[County] = field(default_factory=list)  # most of the ZIP code's land first
    states: list[State] = field(default_factory=list)
    counties: Page | None = None
    places: Page | None = None
    agencies: Page | None = None

    @property
    def is_empty(self) -> bool:
        return not (
            self.zip_code
            or self.states
            or _count(self.counties)
            or _count(self.places)
            or _count(self.agencies)
        )

    @property
    def has_next(self) -> bool:
        return any(p is not None and p.has_next() for p in (self.counties, self.places, self.agencies))

    @property
    def has_previous(self) -> bool:
        return any(p is not None and p.has_previous() for p in (self.counties, self.places, self.agencies))

    @property
    def page_number(self) -> int:
        pages = [p for p in (self.counties, self.places, self.agencies) if p is not None]
        return max((p.number for p in pages), default=1)

    @property
    def single_target(self) -> str | None:
        """The URL to go straight to when the query names exactly one thing (a ZIP code, one county, one
        agency), never when two states' places answer it."""
        if self.zip_code and len(self.zip_counties) == 1:
            return f"{self.zip_counties[0].get_absolute_url()}?zip={self.zip_code.code}"
        if self.zip_code and not self.zip_counties and self.zip_code.county:
            return f"{self.zip_code.county.get_absolute_url()}?zip={self.zip_code.code}"
        if self.zip_code:
            return None
        found = [*self.states, *_rows(self.counties), *_rows(self.agencies)]
        total = len(self.states) + _count(self.counties) + _count(self.agencies)
        if total == 1 and not _count(self.places):
            return found[0].get_absolute_url()
        if self.state_named and total == 0 and not _count(self.places) and not self.query_text:
            return self.state_named.get_absolute_url()
        return None


def _count(page: Page | None) -> int:
    return page.paginator.count if page is not None else 0


def _rows(page: Page | None) -> list:
    return list(page.object_list) if page is not None else []


def search(raw_query: str, page: str | int | None = 1) -> SearchResults:
    """Run the search. Queries: the states (1), then per group (counties, towns, agencies) a count and a
    page of at most RESULT_LIMIT rows (6), and the 287(g) roll-up of the page's agencies (1); a ZIP code:
    two."""
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
        states = list(State.objects.all())
        parsed = parse_query(query, states)
        results.state_named = parsed.state
        results.query_text = parsed.text
        key = normalize_name(query)
        results.states = [
            s for s in states if normalize_name(s.name) in (key, parsed.text) or s.postal.lower() == key
        ]
        if parsed.text:
            results.counties = _page(_counties(parsed), page)
            results.places = _page(_places(parsed), page)
            results.agencies = _page(_agencies(parsed), page)
            _add_summaries(results.agencies)
    return results


def _add_summaries(page: Page | None) -> None:
    """One query: the 287(g) roll-up (`with_summary`) of the page's agencies only, not of every match."""
    if page is None or not page.object_list:
        return
    rows = list(page.object_list)
    summaries = {a.pk: a for a in with_summary(Agency.objects.filter(pk__in=[a.pk for a in rows]))}
    for agency in rows:
        summary = summaries.get(agency.pk)
        agency.models_in_force = getattr(summary, "models_in_force", [])
        agency.pending_agreements = getattr(summary, "pending_agreements", 0)
    page.object_list = rows


def _page(queryset: QuerySet | None, number: str | int | None) -> Page | None:
    """The page asked for; past a group's last page, an empty page (the group's count is still shown)."""
    if queryset is None:
        return None
    paginator = Paginator(queryset, RESULT_LIMIT)
    try:
        wanted = max(1, int(number or 1))
    except (TypeError, ValueError):
        wanted = 1
    if wanted > paginator.num_pages:
        return Page([], wanted, paginator)
    return paginator.page(wanted)


# Words too common to tell names apart: they rank results but do not decide which names match.
_GENERIC_WORDS = _AGENCY_WORDS | {
    "county",
    "city",
    "town",
    "village",
    "of",
    "the",
    "and",
    "parish",
    "st",
    "st.",
    "saint",
}


def _matching(field: str, variants: list[str]) -> tuple[Q, Func]:
    """A filter the trigram index serves and the closeness to rank by. Each distinctive word must be
    found (`name_key %> word`: a typo still matches, "Liberty" does not match "Qwerty"); a query of
    common words only ("sheriff") matches on the whole text."""
    condition = Q()
    scores: list[Func] = []
    for variant in variants:
        words = [w for w in variant.split() if w not in _GENERIC_WORDS and len(w) >= 3]
        if words:
            each = Q()
            for word in words:
                each &= Q(**{f"{field}__trigram_word_similar": word})
        else:
            each = Q(**{f"{field}__trigram_word_similar": variant})
        condition |= each | Q(**{f"{field}__contains": variant})
        scores.append(TrigramWordSimilarity(variant, field))
    score = Greatest(*scores) if len(scores) > 1 else scores[0]
    return condition, score


def _zip_count(county_field: str) -> Coalesce:
    """Size, for ranking: how many ZIP codes have their main area in the county."""
    counts = (
        ZipCode.objects.filter(county=OuterRef(county_field))
        .order_by()
        .values("county")
        .annotate(n=Count("code"))
        .values("n")
    )
    return Coalesce(Subquery(counts), Value(0))


def _counties(parsed: ParsedQuery) -> QuerySet[County] | None:
    text = parsed.place_text
    if not text:
        return None
    condition, score = _matching("name_key", parsed.variants(text))
    queryset = County.objects.select_related("state").filter(condition)
    if parsed.state is not None:
        queryset = queryset.filter(state=parsed.state)
    return queryset.annotate(score=score, size=_zip_count("pk")).order_by("-score", "-size", "name", "pk")


def _places(parsed: ParsedQuery) -> QuerySet[Place] | None:
    text = parsed.place_text
    if not text:
        return None
    condition, score = _matching("name_key", parsed.variants(text))
    queryset = Place.objects.select_related("state", "county__state").filter(condition)
    if parsed.state is not None:
        queryset = queryset.filter(state=parsed.state)
    return queryset.annotate(score=score, size=Count("zip_codes")).order_by(
        "-score", "-size", "name", "state__postal", "pk"
    )


def _kind_order() -> Case:
    """Sheriffs and town and county police before other agencies of the same closeness."""
    local = [AgencyKind.SHERIFF, AgencyKind.MUNICIPAL_POLICE, AgencyKind.COUNTY_POLICE]
    return Case(When(kind__in=local, then=Value(0)), default=Value(1))


def _agencies(parsed: ParsedQuery) -> QuerySet[Agency]:
    condition, score = _matching("name_key", parsed.variants())
    if parsed.acronym:
        # "LVMPD": also the agencies with those initials (an expression index, `agency_initials`).
        by_initials = Agency.objects.alias(initials=name_initials()).filter(initials=parsed.acronym)
        queryset = Agency.objects.alias(initials=name_initials()).named(
            condition, by_initials.order_by().values("pk")
        )
        score = Greatest(score, Case(When(initials=parsed.acronym, then=Value(1.0)), default=Value(0.0)))
    else:
        queryset = Agency.objects.named(condition)
    if parsed.state is not None:
        queryset = queryset.filter(state=parsed.state)
    return (
        queryset.select_related("state", "county__state", "place")
        .alias(kind_order=_kind_order())
        .annotate(score=score, size=_zip_count("county_id"))
        .order_by("-score", "kind_order", "-size", "name", "pk")
    )
