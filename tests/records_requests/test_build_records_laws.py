from pathlib import Path

import pytest

from records_requests.data.build_records_laws import build, parse_followon


def test_new_york_twenty_business_days_after_acknowledgment() -> None:
    text = "Approximate date must be reasonable and ordinarily within 20 business days of the acknowledgment."
    assert parse_followon(text) == (20, "business_days", "acknowledgment")


def test_working_days_from_receipt() -> None:
    assert parse_followon("Production no later than 14 working days from receipt.") == (
        14,
        "business_days",
        "receipt",
    )


def test_oregon_counts_from_the_acknowledgment_deadline() -> None:
    text = "Within 10 business days after the acknowledgment deadline: complete the response."
    assert parse_followon(text) == (10, "business_days", "initial_deadline")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "If no written determination within 5 days (excl. weekends/holidays), requester may sue.",
        "Expedited requests: 5 business days; decision on expedited status within 5 business days.",
        "Arguments and records to AG within 15 business days (§ 552.301(e)).",
        "Produce records within 30 days of receipt of the request.",
    ],
)
def test_ambiguous_second_clocks_stay_null(text: str) -> None:
    assert parse_followon(text) == (None, "", "")


def test_unqualified_days_read_as_calendar_when_day_counting_says_so() -> None:
    text = "Produce approved records within 30 days of receipt of the request."
    counting = "'Working days' for the 10-day notices; 'days' (calendar) for the 30-day limits."
    assert parse_followon(text, counting) == (30, "calendar_days", "receipt")


@pytest.mark.realdata
def test_real_csv_builds_51_laws(shared_data: Path) -> None:
    laws = build(shared_data / "records-laws" / "state_records_laws.csv")
    assert len(laws) == 51
    parsed = {law["state"] for law in laws if law["followon_days"]}
    assert parsed == {"MD", "MS", "NM", "NY", "OR", "WY"}
