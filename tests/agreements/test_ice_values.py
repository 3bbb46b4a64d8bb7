import datetime as dt

import pytest

from agreements.ice_values import (
    clean_url,
    loose_key,
    parse_file_name,
    parse_model,
    parse_signed,
    parse_state,
)

TODAY = dt.date(2026, 1, 1)


@pytest.mark.parametrize(
    ("text", "postal", "noted"),
    [
        ("NORTH CAROLINA", "NC", False),
        ("AlABAMA", "AL", False),
        ("UTAHJ", "UT", True),
        ("Texas ", "TX", False),
    ],
)
def test_state_is_read_or_snapped(text: str, postal: str, noted: bool) -> None:
    found, note = parse_state(text)
    assert found == postal
    assert bool(note) is noted


@pytest.mark.parametrize("text", ["ATLANTIS", "", "IOWAA KANSAS"])
def test_state_that_is_not_one_is_refused(text: str) -> None:
    assert parse_state(text)[0] is None


def test_state_as_close_to_two_is_refused() -> None:
    # "IDAHO" and "IOWA" are both two edits from "IOHO"
    postal, note = parse_state("IOHO")
    assert postal is None
    assert note


@pytest.mark.parametrize(
    ("text", "model"),
    [
        ("Task Force Model ", "TFM"),
        ("Warrant Services Officer", "WSO"),
        ("Warrant Service Office", "WSO"),
        ("Task Force Officer", "TFM"),
        ("jail enforcement model", "JEM"),
    ],
)
def test_model_variants(text: str, model: str) -> None:
    assert parse_model(text)[0] == model


def test_unknown_model_is_refused() -> None:
    assert parse_model("Community Policing")[0] is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (dt.datetime(2025, 5, 8), dt.date(2025, 5, 8)),
        ("05/082025", dt.date(2025, 5, 8)),
        ("7/72025", dt.date(2025, 7, 7)),
        ("7/7/2025", dt.date(2025, 7, 7)),
        (45785, dt.date(2025, 5, 8)),
    ],
)
def test_signed_dates_with_one_reading(value: object, expected: dt.date) -> None:
    assert parse_signed(value, today=TODAY)[0] == expected


@pytest.mark.parametrize("value", ["6/30/20026", "soon", dt.datetime(5025, 7, 7), "13/45/2025", None])
def test_signed_dates_without_one_reading_are_left_blank_and_reported(value: object) -> None:
    signed, note = parse_signed(value, today=TODAY)
    assert signed is None
    assert note


def test_typo_reading_is_reported_not_silent() -> None:
    assert parse_signed("05/082025", today=TODAY)[1]
    assert parse_signed("05/08/2025", today=TODAY)[1] is None


def test_safelink_is_unwrapped() -> None:
    url = (
        "https://gcc02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwww.ice.gov%2Fdoclib%2F287gMOA"
        "%2FX_TFM_MOA.pdf&data=05%7C02&reserved=0"
    )
    assert clean_url(url) == ("https://www.ice.gov/doclib/287gMOA/X_TFM_MOA.pdf", None)


def test_one_slash_is_repaired() -> None:
    assert clean_url("https:/www.ice.gov/doclib/a.pdf")[0] == "https://www.ice.gov/doclib/a.pdf"


def test_non_web_link_is_dropped_and_reported() -> None:
    url, note = clean_url("mailto:someone@ice.dhs.gov")
    assert url == ""
    assert note


def test_loose_key_unifies_abbreviations() -> None:
    assert loose_key("Saint Cloud Police Dept.") == loose_key("St. Cloud Police Department")


D = dt.date


@pytest.mark.parametrize(
    ("name", "kind", "published", "part"),
    [
        ("participatingAgencies05162025am.xlsx", "participating", D(2025, 5, 16), "am"),
        ("participatingAgencies07182025pm.xlsx", "participating", D(2025, 7, 18), "pm"),
        ("287gParticipatingAgencies07092025pm_b.xlsx", "participating", D(2025, 7, 9), "pm_b"),
        ("pendingAgencies07112025am_b.xlsx", "pending", D(2025, 7, 11), "am_b"),
        ("ParticipatingAgency06042025.xlsx", "participating", D(2025, 6, 4), ""),
        ("pendingAgencies07012025pm.xlsx", "pending", D(2025, 7, 1), "pm"),
        ("participatingAgencies03032025PM.xlsx", "participating", D(2025, 3, 3), "pm"),
        ("participatingAgencies10222025mid.xlsx", "participating", D(2025, 10, 22), "mid"),
        ("participatingAgencies12042025pm2.xlsx", "participating", D(2025, 12, 4), "pm2"),
        ("participatingAgencies10292025pmB.xlsx", "participating", D(2025, 10, 29), "pmb"),
        ("pendingAgencies11122025.xlsx", "pending", D(2025, 11, 12), ""),
        ("participatingAgencies04232026.xlsx", "participating", D(2026, 4, 23), ""),
        ("participatingAgencies041720263pm.xlsx", "participating", D(2026, 4, 17), "pm"),
        ("participatingAgencies060920263pm.xlsx", "participating", D(2026, 6, 9), "pm"),
        ("participatingAgencies04212026am 12.15.07 AM.xlsx", "participating", D(2026, 4, 21), "am"),
        ("287gParticipatingAgencies091526pm.xlsx", "participating", D(2026, 9, 15), "pm"),
        ("ParticipatingAgency091826am.xlsx", "participating", D(2026, 9, 18), "am"),
        ("ParticipatingAgencies09252026pm.xlsx", "participating", D(2026, 9, 25), "pm"),
        ("participatingAgencies_20250222_5e79be058d3e.xlsx", "participating", D(2025, 2, 22), ""),
        ("participatingAgencies.xlsx", "participating", None, ""),
        ("pendingAgencies03113025am.xlsx", "pending", None, "am"),
        ("participatingAgencies05162205am.xlsx", "participating", None, "am"),
        ("participatingAgencies13402025am.xlsx", "participating", None, "am"),
        ("agencies.xlsx", None, None, ""),
        ("random.xlsx", None, None, ""),
    ],
)
def test_file_names(name: str, kind: str | None, published: dt.date | None, part: str) -> None:
    found = parse_file_name(name, today=D(2026, 12, 1))
    assert (found.kind, found.published, found.part) == (kind, published, part)


def test_stray_digit_is_flagged() -> None:
    assert parse_file_name("participatingAgencies041720263pm.xlsx").notes


@pytest.mark.parametrize(
    ("name", "captured", "published"),
    [
        ("pendingAgencies03113025am.xlsx", D(2025, 3, 17), D(2025, 3, 11)),
        ("participatingAgencies01052025pm.xlsx", D(2026, 1, 6), D(2026, 1, 5)),
        ("pendingAgencies01092025pm.xlsx", D(2026, 1, 10), D(2026, 1, 9)),
    ],
)
def test_impossible_year_is_repaired_from_the_capture_date_and_flagged(
    name: str, captured: dt.date, published: dt.date
) -> None:
    found = parse_file_name(name, captured=captured, today=D(2026, 12, 1))
    assert (found.published, found.source) == (published, "filename")
    assert any("cannot be right" in note for note in found.notes)


def test_a_right_year_is_left_alone_whatever_the_capture_date() -> None:
    found = parse_file_name("participatingAgencies07182025pm.xlsx", captured=D(2025, 7, 19))
    assert (found.published, found.notes) == (D(2025, 7, 18), ())


def test_parts_sort_am_mid_pm_then_second_copies() -> None:
    names = [
        "participatingAgencies12042025pm2.xlsx",
        "participatingAgencies12042025pm_b.xlsx",
        "participatingAgencies12042025pm.xlsx",
        "participatingAgencies12042025mid.xlsx",
        "participatingAgencies12042025am_b.xlsx",
        "participatingAgencies12042025.xlsx",
        "participatingAgencies12042025am.xlsx",
    ]
    ordered = sorted(names, key=lambda n: parse_file_name(n).order)
    assert [parse_file_name(n).part for n in ordered] == ["am", "am_b", "", "mid", "pm", "pm_b", "pm2"]


def test_loose_key_drops_city_of() -> None:
    assert loose_key("City of Miami Springs Police Department") == loose_key(
        "Miami Springs Police Department"
    )
