import csv
import io

import pytest
from django.urls import reverse

from agreements.models import Agreement, Snapshot

URL = reverse("agreements:list")


def test_empty_list(client, db) -> None:
    response = client.get(URL)
    assert response.status_code == 200
    assert "No agreement matches" in response.content.decode()


def test_lists_agreements_with_a_fixed_query_count(client, two_lists, django_assert_max_num_queries) -> None:
    # latest snapshot, count, page of agreements with agency/state/county joined, states for the form
    with django_assert_max_num_queries(5):
        response = client.get(URL)
    body = response.content.decode()
    assert "Clark County Sheriff&#x27;s Office" in body
    assert "Elko County Sheriff" in body


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("model=JEM", {"Elko County Sheriff's Office"}),
        ("status=superseded", {"Clark County Sheriff's Office"}),
        ("status=missing", {"Elko County Sheriff's Office"}),
        ("signed_after=2025-05-01&signed_before=2025-05-31", {"Clark County Sheriff's Office"}),
        ("state=UT", set()),
    ],
)
def test_filters(client, two_lists, query: str, expected: set[str]) -> None:
    response = client.get(f"{URL}?{query}")
    assert {a.agency.name for a in response.context["page"]} == expected


def test_bad_filter_value_is_ignored_not_an_error(client, two_lists) -> None:
    response = client.get(f"{URL}?signed_after=not-a-date&page=99")
    assert response.status_code == 200


def test_csv_has_the_same_filtered_rows(client, two_lists) -> None:
    response = client.get(f"{URL}?model=TFM&format=csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == Agreement.objects.filter(model="TFM").count() == len({r["id"] for r in rows})
    assert {r["model_name"] for r in rows} == {"Task Force Model"}
    assert rows[0]["url"].startswith("http://testserver/agreements/")
    assert Snapshot.objects.count() == 3
