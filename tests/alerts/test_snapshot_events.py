from agreements.models import AgreementStatus, Snapshot, SnapshotStatus
from alerts.events import alerts_for_snapshot, events_collect
from alerts.models import AlertKind, Event
from tests.agreements.helpers import import_list
from tests.agreements.sheets import row

ELKO = row("Elko County Sheriff's Office", county="Elko County", model="Jail Enforcement Model")


def imported(rows, published: str, *, filler: bool = False, **kwargs) -> Snapshot:
    """Without the importer's ten filler agencies unless a later, shorter list must stay above 70%."""
    result = import_list(rows, published, filler=filler, **kwargs)
    assert result.snapshot is not None
    return result.snapshot


def test_agreements_added_by_a_list(county):
    first = imported([row(), ELKO], "2025-05-16")
    assert alerts_for_snapshot(snapshot_id=first.pk) == 2
    clark = Event.objects.get(subject="Clark County Sheriff's Office")
    assert clark.kind == AlertKind.AGREEMENT_ADDED
    assert (clark.state.postal, clark.county_id, clark.statewide) == ("NV", county.pk, False)
    assert clark.agreement is not None
    assert clark.agreement.agency_id == clark.agency_id
    assert clark.occurred_on.isoformat() == "2025-05-16"
    assert clark.details == {"model": "TFM", "signed": "2025-04-01", "from_pending": False}


def test_collecting_twice_records_once():
    first = imported([row()], "2025-05-16")
    alerts_for_snapshot(snapshot_id=first.pk)
    assert alerts_for_snapshot(snapshot_id=first.pk) == 0
    assert Event.objects.count() == 1


def test_a_list_that_adds_nothing_records_nothing():
    imported([row()], "2025-05-16")
    second = imported([row()], "2025-05-23")
    assert alerts_for_snapshot(snapshot_id=second.pk) == 0


def test_agreement_ended_on_the_third_list_without_it():
    imported([row(), ELKO], "2025-05-01", filler=True)
    lists = [imported([row()], day, filler=True) for day in ("2025-05-08", "2025-05-15", "2025-05-22")]
    assert [alerts_for_snapshot(snapshot_id=s.pk) for s in lists] == [0, 0, 1]
    ended = Event.objects.get()
    assert ended.agreement is not None
    assert (ended.kind, ended.subject, ended.agreement.status) == (
        AlertKind.AGREEMENT_ENDED,
        "Elko County Sheriff's Office",
        AgreementStatus.ENDED,
    )
    assert ended.occurred_on.isoformat() == "2025-05-22"


def test_pending_list_records_newly_pending():
    pending = imported(
        [row("Nye County Sheriff's Office", county="Nye County")], "2025-05-15", kind="pending"
    )
    assert alerts_for_snapshot(snapshot_id=pending.pk) == 1
    assert Event.objects.get().kind == AlertKind.AGREEMENT_PENDING


def test_signed_after_pending_is_marked():
    imported([row("Nye County Sheriff's Office", county="Nye County")], "2025-05-15", kind="pending")
    signed = imported([row("Nye County Sheriff's Office", county="Nye County")], "2025-05-23")
    alerts_for_snapshot(snapshot_id=signed.pk)
    added = Event.objects.get(kind=AlertKind.AGREEMENT_ADDED)
    assert added.details["from_pending"] is True
    assert "pending 287(g) agreement signed" in added.title()


def test_held_list_records_nothing():
    held = imported([row()], "2025-05-16")
    Snapshot.objects.filter(pk=held.pk).update(status=SnapshotStatus.HELD)
    assert alerts_for_snapshot(snapshot_id=held.pk) == 0


def test_collect_reads_recent_lists():
    imported([row(), ELKO], "2025-05-16")
    assert events_collect() == 2
    assert events_collect() == 0


def test_query_count_does_not_grow_with_the_list(django_assert_max_num_queries):
    rows = [row(f"Town {n} Police Department", type="Municipality", county="Clark County") for n in range(30)]
    first = imported(rows, "2025-05-16")
    # snapshot (1), earlier lists (1), added / dropped (2), known keys (1), insert (1)
    with django_assert_max_num_queries(6):
        assert alerts_for_snapshot(snapshot_id=first.pk) == 30
