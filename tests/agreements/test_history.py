"""The history rules of ICE_SHEETS.md, each on lists written in the test."""

import datetime as dt

import pytest

from agreements.models import Agreement, AgreementMerge
from tests.agreements.helpers import day, import_list
from tests.agreements.sheets import Link, row

pytestmark = pytest.mark.django_db
MOA = Link("https://www.ice.gov/doclib/287gMOA/ClarkCoNV_TFM_MOA.pdf")
SHERIFF = "Clark County Sheriff's Office"


def sheriff() -> list[Agreement]:
    return list(Agreement.objects.filter(agency__name=SHERIFF).order_by("pk"))


def test_continued_agreement_keeps_first_listed_and_moves_last_listed() -> None:
    import_list([row()], "2025-05-16")
    result = import_list([row()], "2025-05-23")
    (agreement,) = sheriff()
    assert (agreement.first_listed, agreement.last_listed) == (day("2025-05-16"), day("2025-05-23"))
    assert agreement.listings.count() == 2
    assert result.continued == 11


def test_missing_then_ended_after_three_lists() -> None:
    import_list([row()], "2025-05-16")
    import_list([], "2025-05-23")
    (agreement,) = sheriff()
    assert (agreement.status, agreement.missing_count) == ("missing", 1)
    assert agreement.first_missing_snapshot is not None
    assert agreement.first_missing_snapshot.published == day("2025-05-23")
    import_list([], "2025-06-04")
    assert sheriff()[0].status == "missing"
    import_list([], "2025-06-17")
    assert sheriff()[0].status == "ended"


def test_back_on_the_list_is_active_again() -> None:
    import_list([row()], "2025-05-16")
    import_list([], "2025-05-23")
    import_list([row()], "2025-06-04")
    (agreement,) = sheriff()
    assert (agreement.status, agreement.missing_count) == ("active", 0)


def test_new_signed_date_with_moa_is_a_renewal() -> None:
    import_list([row(signed=dt.datetime(2025, 1, 2), moa=MOA)], "2025-05-16")
    import_list([row(signed=dt.datetime(2025, 5, 20), moa=MOA)], "2025-05-23")
    old, new = sheriff()
    assert (old.status, old.superseded_by_id) == ("superseded", new.pk)
    assert (new.status, new.signed) == ("active", day("2025-05-20"))


def test_changed_date_without_moa_within_90_days_is_a_correction() -> None:
    import_list([row(signed=dt.datetime(2025, 4, 15))], "2025-05-16")
    import_list([row(signed=dt.datetime(2025, 3, 14))], "2025-05-23")
    (agreement,) = sheriff()
    assert (agreement.signed, agreement.status) == (day("2025-03-14"), "active")
    merge = AgreementMerge.objects.get(agreement=agreement)
    assert merge.reason == "signed_correction"
    assert "2025-04-15 → 2025-03-14" in merge.detail


def test_signed_date_moved_a_day_with_the_same_moa_is_a_correction_not_a_renewal() -> None:
    """Panama City Beach PD: 02-26 → 02-25 on the next list, the same MOA link: one agreement."""
    import_list([row(signed=dt.datetime(2025, 2, 26), moa=MOA)], "2025-05-16")
    import_list([row(signed=dt.datetime(2025, 2, 25), moa=MOA)], "2025-05-23")
    (agreement,) = sheriff()
    assert (agreement.signed, agreement.status, agreement.superseded_by_id) == (
        day("2025-02-25"),
        "active",
        None,
    )
    assert agreement.listings.count() == 2
    merge = AgreementMerge.objects.get(agreement=agreement)
    assert (merge.reason, merge.detail) == ("date_correction", "2025-02-26 → 2025-02-25")


def test_signed_date_moved_a_day_with_a_new_moa_is_a_renewal() -> None:
    import_list([row(signed=dt.datetime(2025, 2, 26), moa=MOA)], "2025-05-16")
    other = Link("https://www.ice.gov/doclib/287gMOA/ClarkCoNV_TFM_MOA_2.pdf")
    import_list([row(signed=dt.datetime(2025, 2, 25), moa=other)], "2025-05-23")
    old, new = sheriff()
    assert (old.status, old.superseded_by_id) == ("superseded", new.pk)


def test_changed_date_more_than_90_days_apart_is_a_new_agreement() -> None:
    import_list([row(signed=dt.datetime(2025, 1, 2))], "2025-05-16")
    import_list([row(signed=dt.datetime(2025, 5, 2))], "2025-05-23")
    assert len(sheriff()) == 2


def test_same_agency_and_model_twice_a_day_apart_is_one_agreement() -> None:
    rows = [row(signed=dt.datetime(2025, 4, 15)), row(signed=dt.datetime(2025, 4, 14), moa=MOA)]
    import_list(rows, "2025-07-09")
    (agreement,) = sheriff()
    assert (agreement.signed, agreement.moa_url) == (day("2025-04-14"), MOA.url)
    assert agreement.listings.count() == 2
    assert agreement.merges.get().reason == "near_duplicate"


def test_exact_duplicate_rows_are_one_agreement() -> None:
    import_list([row(), row()], "2025-07-09")
    (agreement,) = sheriff()
    assert agreement.merges.get().reason == "duplicate_row"


def test_model_switch_is_flagged() -> None:
    import_list([row(model="Jail Enforcement Model")], "2025-05-16")
    import_list([row(model="Task Force Model")], "2025-05-23")
    jem, tfm = sheriff()
    assert (jem.model, jem.model_switch, jem.status) == ("JEM", True, "missing")
    assert not tfm.model_switch


def test_pending_then_signed() -> None:
    import_list([row()], "2025-05-15", kind="pending")
    (pending,) = sheriff()
    assert (pending.status, pending.signed, pending.pending_since) == ("pending", None, day("2025-05-15"))
    import_list([row()], "2025-05-16")
    (agreement,) = sheriff()
    assert agreement.pk == pending.pk
    assert (agreement.status, agreement.pending_since) == ("active", day("2025-05-15"))


def test_dropped_from_the_pending_list_unsigned_is_ended() -> None:
    import_list([row()], "2025-05-15", kind="pending")
    import_list([], "2025-05-23", kind="pending")
    # not yet: the participating list of that day may still list it (ICE publishes both the same day)
    assert sheriff()[0].status == "pending"
    import_list([], "2025-05-23")
    (agreement,) = sheriff()
    assert (agreement.status, agreement.ended_on) == ("ended", day("2025-05-23"))


def test_a_batch_never_reports_pending_agreements_ended_between_a_days_two_lists() -> None:
    import_list([row("Nye County Sheriff's Office", county="Nye County")], "2025-05-15", kind="pending")
    import_list([], "2025-05-16")
    import_list([], "2025-05-23", kind="pending")  # Nye left the pending list…
    assert not Agreement.objects.filter(status="ended").exists()
    result = import_list([row("Nye County Sheriff's Office", county="Nye County")], "2025-05-23")  # …to join
    assert result.ended == 0
    assert (
        Agreement.objects.get(agency__name="Nye County Sheriff's Office", agency__state__postal="NV").status
        == "active"
    )


def test_out_of_order_import_gives_the_same_history() -> None:
    import_list([], "2025-05-23")
    import_list([row()], "2025-05-16")
    (agreement,) = sheriff()
    assert (agreement.status, agreement.first_listed, agreement.missing_count) == (
        "missing",
        day("2025-05-16"),
        1,
    )


def test_renewal_within_60_days_after_a_gap() -> None:
    import_list([row(signed=dt.datetime(2025, 1, 2), moa=MOA)], "2025-05-16")
    import_list([], "2025-05-23")
    import_list([row(signed=dt.datetime(2025, 6, 1), moa=MOA)], "2025-06-04")
    old, new = sheriff()
    assert (old.status, old.superseded_by_id, new.status) == ("superseded", new.pk, "active")


def test_new_date_long_after_the_old_one_ended_is_not_a_renewal() -> None:
    import_list([row(signed=dt.datetime(2025, 1, 2), moa=MOA)], "2025-01-10")
    for published in ("2025-02-01", "2025-03-01", "2025-04-01"):
        import_list([], published)
    import_list([row(signed=dt.datetime(2025, 5, 1), moa=MOA)], "2025-05-16")
    old, new = sheriff()
    assert (old.status, old.superseded_by_id, new.status) == ("ended", None, "active")


def test_pending_row_after_the_first_listing_is_not_a_second_agreement() -> None:
    """Haywood County SO (TN) WSO, Longboat Key PD: still on the pending list once participating."""
    import_list([row()], "2025-05-15", kind="pending")
    import_list([row()], "2025-05-16")
    import_list([row()], "2025-05-23", kind="pending")
    import_list([row()], "2025-05-23")
    (agreement,) = sheriff()
    assert (agreement.status, agreement.pending_since, agreement.listings.count()) == (
        "active",
        day("2025-05-15"),
        4,
    )
    assert agreement.merges.get().reason == "pending_row"


def test_pending_row_after_an_agreement_ended_is_a_new_pending_agreement() -> None:
    import_list([row(signed=dt.datetime(2025, 1, 2), moa=MOA)], "2025-01-10")
    for published in ("2025-02-01", "2025-03-01", "2025-04-01"):
        import_list([], published)
    import_list([row()], "2025-05-15", kind="pending")
    old, new = sheriff()
    assert (old.status, new.status, new.pending_since) == ("ended", "pending", day("2025-05-15"))


def test_no_newer_pending_list_is_not_cleared() -> None:
    """ICE stopped publishing the pending list after February 2026: its pending agencies stay pending."""
    import_list([row()], "2026-02-27", kind="pending")
    for published in ("2026-03-02", "2026-04-01", "2026-05-01", "2026-06-01"):
        import_list([], published)
    (agreement,) = sheriff()
    assert (agreement.status, agreement.pending_since, agreement.ended_on) == (
        "pending",
        day("2026-02-27"),
        None,
    )


def test_ended_on_is_the_first_list_without_it_once_ended() -> None:
    import_list([row()], "2025-05-16")
    import_list([], "2025-05-23")
    assert sheriff()[0].ended_on is None  # missing, not ended
    import_list([], "2025-06-04")
    import_list([], "2025-06-17")
    assert sheriff()[0].ended_on == day("2025-05-23")
