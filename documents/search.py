"""Full-text search across every stored MOA (PostgreSQL tsvector, English stemming, GIN index)."""

from __future__ import annotations

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db.models import F

from documents.models import SEARCH_CONFIG, MoaDocument, MoaDocumentQuerySet

MAX_RESULTS = 50
# Private-use characters mark the matches; the template escapes the text, then turns them into <mark>.
MARK_START, MARK_STOP = "\ue000", "\ue001"


def moa_query(terms: str) -> SearchQuery:
    """Web-search syntax: words are ANDed, "quoted phrases" kept in order, -word excludes, `or` alternates."""
    return SearchQuery(terms, search_type="websearch", config=SEARCH_CONFIG)


def moa_search(terms: str, *, limit: int = MAX_RESULTS) -> MoaDocumentQuerySet:
    """Best match first, each with `rank` and a `headline` (matches between MARK_START and MARK_STOP).

    One query. The GIN index finds the matches; the rank and the headline are computed for those only,
    and the headline re-parses each matched text, so keep `limit` small.
    """
    query = moa_query(terms)
    return (
        MoaDocument.objects.public()
        .filter(search_vector=query)
        .annotate(
            rank=SearchRank(F("search_vector"), query, cover_density=True),
            headline=SearchHeadline(
                "text",
                query,
                config=SEARCH_CONFIG,
                start_sel=MARK_START,
                stop_sel=MARK_STOP,
                max_words=35,
                min_words=15,
                max_fragments=2,
                fragment_delimiter=" … ",
            ),
        )
        .order_by("-rank", "-extracted_signed", "pk")[:limit]
    )
