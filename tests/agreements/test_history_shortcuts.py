"""The shortcuts for common imports write the same history as a full recompute, or are not taken."""

import datetime as dt

import pytest
from pytest_django import DjangoAssertNumQueries

from agreements import services
from agreements.history import history_recompute
from agreements.history_shortcuts import history_add_pending
from agreements.models import Agreement, Snapshot
from tests.agreements.helpers import day, history_state, import_list
from tests.agreements.sheets import Link, row

pytestmark = pytest.mark.django_db
MOA = Link("https://www.ice.gov/doclib/287gMOA/ClarkCoNV_TFM_MOA.pdf")
NYE = row("Nye County Sheriff's Office", county="Nye County")
LYON = row("Lyon County Sheriff's Office", county="Lyon County", model="Warrant Service Officer")
ELKO = row("Elko County Sheriff's Office", county="Elko County", model="Jail Enforcement Model")
CLARK_JEM = row(model="Jail Enforcement Model")
WASHOE = row("Washoe County Sheriff's Office", county="Washoe County")


@pytest.fixture
def history(db: None) -> None:
    """Pending agreements signed, still pending, ended and back; a renewal; a correction."""
    import_list([NYE, LYON, ELKO, WASHOE], "2025-05-15", kind="pending")
    import_list([row(signed=dt.datetime(2025, 1, 2), moa=MOA), ELKO], "2025-05-16")
    import_list([NYE, NYE, CLARK_JEM], "2025-05-20", kind="pending")
    import_list([row(signed=dt.datetime(2025, 5, 20), moa=MOA), ELKO, LYON], "2025-05-23")


def used_shortcut(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    calls: list[bool] = []

    def spy(*, snapshot: Snapshot) -> bool:
        calls.append(history_add_pending(snapshot=snapshot))
        return calls[-1]

    monkeypatch.setattr(services, "history_add_pending", spy)
    return calls


def test_new_pending_list_writes_what_a_full_recompute_would(
    history: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = used_shortcut(monkeypatch)
    # Nye pending again, Washoe's ended pending TFM back, Clark's JEM dropped, Clark's active TFM and
    # Elko's signed JEM listed as pending again, a new agency
    new = row("Pahrump Police Department", type="Municipality", county="Nye County")
    import_list([NYE, WASHOE, row(), row(), ELKO, new], "2025-05-30", kind="pending")
    assert calls == [True]
    shortcut = history_state()
    history_recompute(agency_ids=None)
    assert history_state() == shortcut


def test_statuses_after_the_shortcut(history: None) -> None:
    import_list([NYE, LYON], "2025-05-30", kind="pending")
    pending_only = Agreement.objects.filter(first_listed=None).exclude(agency__name__startswith="Town ")
    assert set(pending_only.values_list("agency__name", "model", "status", "pending_since")) == {
        ("Nye County Sheriff's Office", "TFM", "pending", day("2025-05-15")),
        ("Lyon County Sheriff's Office", "WSO", "pending", day("2025-05-30")),  # beside its active WSO
        ("Clark County Sheriff's Office", "JEM", "ended", day("2025-05-20")),
        ("Washoe County Sheriff's Office", "TFM", "ended", day("2025-05-15")),
    }
    lyon = Agreement.objects.get(agency__name__startswith="Lyon", status="active")
    assert lyon.pending_since == day("2025-05-15")


def test_ended_pending_agreement_listed_again_is_pending_again(history: None) -> None:
    (washoe,) = Agreement.objects.filter(agency__name__startswith="Washoe")
    assert washoe.status == "ended"
    import_list([WASHOE], "2025-05-30", kind="pending")
    washoe.refresh_from_db()
    assert (washoe.status, washoe.pending_since, washoe.listings.count()) == ("pending", day("2025-05-15"), 2)


def test_pending_list_not_after_the_latest_participating_one_is_recomputed(
    db: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    import_list([row()], "2025-05-16")
    calls = used_shortcut(monkeypatch)
    import_list([row()], "2025-05-16", kind="pending")
    assert calls == [False]
    (agreement,) = Agreement.objects.exclude(agency__name__startswith="Town ")
    assert (agreement.status, agreement.pending_since) == ("active", day("2025-05-16"))


def test_older_pending_list_is_recomputed(history: None, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = used_shortcut(monkeypatch)
    import_list([NYE], "2025-05-30", kind="pending")
    import_list([LYON], "2025-05-29", kind="pending")
    assert calls == [True, False]
    state = history_state()
    history_recompute(agency_ids=None)
    assert history_state() == state


def test_query_count_does_not_grow_with_the_list(
    db: None, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    import_list([row()], "2025-05-16")
    many = [row(f"Town {n} Marshal", type="Municipality", county="#N/A") for n in range(40)]
    result = import_list(many, "2025-05-20", kind="pending")
    assert result.snapshot is not None
    # savepoint, newest pending list, any participating list as late, the list's rows, their agencies'
    # pending-only agreements, create missing ones, link the rows, end the others, release
    with django_assert_max_num_queries(9):
        assert history_add_pending(snapshot=result.snapshot)


def test_ended_agreement_not_recomputed_still_counts_the_lists_without_it(db: None) -> None:
    import_list([row()], "2025-05-16")
    for published in ("2025-05-23", "2025-06-04", "2025-06-17", "2025-07-01"):
        import_list([], published)
    (agreement,) = Agreement.objects.filter(agency__name__startswith="Clark")
    assert (agreement.status, agreement.missing_count) == ("ended", 4)
    state = history_state()
    history_recompute(agency_ids=None)
    assert history_state() == state
