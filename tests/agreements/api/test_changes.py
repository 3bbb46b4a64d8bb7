"""GET /api/v1/changes/?from=&to=: what changed on ICE's lists between two dates, built by real imports."""

import datetime as dt

import pytest

from tests.agreements.helpers import import_list
from tests.agreements.sheets import row

pytestmark = pytest.mark.django_db
NYE = row("Nye County Sheriff's Office", county="Nye County")
ELKO = row("City of Elko Police Department", type="Municipality", county="Elko County")
ELKO_PD = row("Elko Police Department", type="Municipality", county="Elko County")
LYON = row("Lyon County Sheriff's Office", county="Lyon County", model="Jail Enforcement Model")


@pytest.fixture
def history(db):
    import_list([NYE], "2025-07-01", kind="pending")
    import_list([row(), ELKO, LYON], "2025-07-01")
    import_list([row(), NYE, ELKO_PD], "2025-07-09")
    for published in ("2025-07-11", "2025-07-14"):
        import_list([row(), NYE, ELKO_PD], published)
    import_list([NYE, ELKO_PD], "2025-07-16")  # Clark's TFM missing: not ended


def changes(api, **params):
    response = api.get("/api/v1/changes/", params)
    assert response.status_code == 200, response.data
    return response.data


def names(items):
    return sorted(item["agency_name"] for item in items)


def test_added_moved_from_pending_and_renamed(api, history, django_assert_max_num_queries):
    with django_assert_max_num_queries(5):  # changed agreements, two lists in force, their rows, renamed
        data = changes(api, **{"from": "2025-07-01", "to": "2025-07-09"})
    assert names(data["added"]) == ["Nye County Sheriff's Office"]
    assert names(data["moved_from_pending"]) == ["Nye County Sheriff's Office"]
    assert data["moved_from_pending"][0]["pending_since"] == dt.date(2025, 7, 1)
    (renamed,) = data["renamed"]
    assert (renamed["old_name"], renamed["new_name"]) == (
        "City of Elko Police Department",
        "Elko Police Department",
    )
    assert {"agreement", "agency"} <= renamed.keys()
    # Lyon's JEM, gone from 07-09 on, ended on the third list without it: ended_on is its first missing list
    assert [(e["agency_name"], e["ended_on"]) for e in data["ended"]] == [
        ("Lyon County Sheriff's Office", dt.date(2025, 7, 9))
    ]


def test_ended_only_once_ended_and_not_when_missing(api, history):
    # Lyon's JEM was last on 07-01: missing from 07-09, 07-11, 07-14 → ended, ended_on 07-09
    data = changes(api, **{"from": "2025-07-01", "to": "2025-07-16"})
    assert [(e["agency_name"], e["ended_on"]) for e in data["ended"]] == [
        ("Lyon County Sheriff's Office", dt.date(2025, 7, 9))
    ]
    # Clark's TFM, missing from the 07-16 list only, is not ended (the Boca Raton case)
    assert changes(api, **{"from": "2025-07-14", "to": "2025-07-16"})["ended"] == []


def test_changes_as_csv(api, history):
    response = api.get("/api/v1/changes/", {"from": "2025-07-01", "to": "2025-07-09", "format": "csv"})
    lines = response.content.decode().splitlines()
    assert lines[0].startswith("change,agreement,agency,agency_name")
    assert sum(line.startswith("added,") for line in lines) == 1
    assert sum(line.startswith("renamed,") for line in lines) == 1


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({}, "from"),
        ({"from": "yesterday"}, "from"),
        ({"from": "2025-07-09", "to": "2025-07-01"}, "to"),
        ({"from": "2025-07-01", "form": "x"}, "form"),
    ],
)
def test_bad_parameters_are_400s(api, params, field):
    response = api.get("/api/v1/changes/", params)
    assert response.status_code == 400
    assert field in response.data
