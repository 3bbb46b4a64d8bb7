"""The search's indexes are usable by the queries it runs. With a few rows in a test database PostgreSQL
would scan the table anyway, so sequential scans are priced out here: a query whose expression drifted
from its index's would still scan the table, and the test fails."""

import pytest
from django.db import connection, transaction

from jurisdictions.models import State
from pages.search import _agencies, parse_query


def _plan(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.mark.django_db
def test_an_acronym_is_found_through_the_initials_index():
    plan = _plan(_agencies(parse_query("LVMPD", list(State.objects.all()))))
    assert "agency_initials" in plan
    assert "agency_name_trgm" in plan and "alias_name_trgm" in plan


@pytest.mark.django_db
def test_names_and_aliases_are_matched_through_their_trigram_indexes():
    plan = _plan(_agencies(parse_query("Jefferson County Sheriff", list(State.objects.all()))))
    assert "agency_name_trgm" in plan and "alias_name_trgm" in plan
    assert "Seq Scan on jurisdictions_agency " not in plan


@pytest.mark.django_db
def test_the_planner_knows_word_similarity_is_not_free():
    # jurisdictions 0007: at pg_trgm's default cost of 1 the planner preferred testing every county.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT proname, procost FROM pg_proc WHERE proname IN "
            "('word_similarity_op', 'word_similarity_commutator_op')"
        )
        assert dict(cursor.fetchall()) == {"word_similarity_op": 100, "word_similarity_commutator_op": 100}
