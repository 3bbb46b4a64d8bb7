"""An import recomputes only some agencies' history; what it writes is what a full recompute would."""

import datetime as dt

import pytest

from agreements.history import history_recompute
from agreements.models import Agreement
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


def same_as_full_recompute() -> bool:
    written = history_state()
    history_recompute(agency_ids=None)
    return history_state() == written


def test_new_pending_list_writes_what_a_full_recompute_would(history: None) -> None:
    # Nye pending again, Washoe's ended pending TFM back, Clark's JEM dropped, Clark's active TFM and
    # Elko's signed JEM listed as pending again, a new agency
    new = row("Pahrump Police Department", type="Municipality", county="Nye County")
    import_list([NYE, WASHOE, row(), row(), ELKO, new], "2025-05-30", kind="pending")
    assert same_as_full_recompute()


def test_statuses_after_a_new_pending_list(history: None) -> None:
    import_list([NYE, LYON], "2025-05-30", kind="pending")
    pending_only = Agreement.objects.filter(first_listed=None).exclude(agency__name__startswith="Town ")
    # Lyon's WSO row on the 05-30 pending list is a row of its active WSO, not a second, pending one
    # Clark's JEM left the pending list on 05-30: it stays pending until that day's participating list
    # is in (it may have joined it), then ends
    assert set(pending_only.values_list("agency__name", "model", "status", "pending_since")) == {
        ("Nye County Sheriff's Office", "TFM", "pending", day("2025-05-15")),
        ("Clark County Sheriff's Office", "JEM", "pending", day("2025-05-20")),
        ("Washoe County Sheriff's Office", "TFM", "ended", day("2025-05-15")),
    }
    lyon = Agreement.objects.get(agency__name__startswith="Lyon")
    assert (lyon.status, lyon.pending_since, lyon.listings.count()) == ("active", day("2025-05-15"), 3)
    assert lyon.merges.get().reason == "pending_row"
    import_list([row(signed=dt.datetime(2025, 5, 20), moa=MOA), ELKO, LYON], "2025-05-30")
    clark_jem = pending_only.get(agency__name="Clark County Sheriff's Office")
    assert (clark_jem.status, clark_jem.ended_on) == ("ended", day("2025-05-30"))


def test_ended_pending_agreement_listed_again_is_pending_again(history: None) -> None:
    (washoe,) = Agreement.objects.filter(agency__name__startswith="Washoe")
    assert (washoe.status, washoe.ended_on) == ("ended", day("2025-05-20"))
    import_list([WASHOE], "2025-05-30", kind="pending")
    washoe.refresh_from_db()
    assert (washoe.status, washoe.pending_since, washoe.listings.count()) == ("pending", day("2025-05-15"), 2)
    assert washoe.ended_on is None


def test_pending_list_the_same_day_as_a_participating_one(db: None) -> None:
    import_list([row()], "2025-05-16")
    import_list([row()], "2025-05-16", kind="pending")
    (agreement,) = Agreement.objects.exclude(agency__name__startswith="Town ")
    assert (agreement.status, agreement.pending_since) == ("active", day("2025-05-16"))
    assert same_as_full_recompute()


def test_older_pending_list_arriving_late(history: None) -> None:
    import_list([NYE], "2025-05-30", kind="pending")
    import_list([LYON], "2025-05-29", kind="pending")
    assert same_as_full_recompute()


def test_older_participating_list_arriving_late(history: None) -> None:
    import_list([NYE, ELKO], "2025-05-30")
    import_list([ELKO, LYON], "2025-05-19")
    assert same_as_full_recompute()


def test_ended_agreement_not_recomputed_is_left_as_it_was(db: None) -> None:
    import_list([row()], "2025-05-16")
    for published in ("2025-05-23", "2025-06-04", "2025-06-17", "2025-07-01"):
        import_list([], published)
    (agreement,) = Agreement.objects.filter(agency__name__startswith="Clark")
    assert (agreement.status, agreement.missing_count, agreement.ended_on) == ("ended", 3, day("2025-05-23"))
    assert same_as_full_recompute()
