"""/api/v1/listings/: each agreement's history, one row per ICE list, with the raw cells."""

import pytest
from django.core.management import call_command

from agreements.models import Agreement
from tests.agreements.sheets import row, xlsx

URL = "/api/v1/listings/"


@pytest.fixture
def imported(db, tmp_path):
    for day in ("05162025", "05232025"):
        path = tmp_path / f"participatingAgencies{day}am.xlsx"
        path.write_bytes(xlsx([row("Elko County Sheriff's Office", county="Elko County")], marker=day))
        call_command("import_ice_sheets", str(path), verbosity=0)
    return Agreement.objects.get(agency__name="Elko County Sheriff's Office")


def test_an_agreement_has_one_row_per_list(client, imported):
    body = client.get(URL, {"agreement": imported.pk}).json()
    assert body["count"] == 2
    assert [r["snapshot"]["published"] for r in body["results"]] == ["2025-05-16", "2025-05-23"]
    assert body["results"][0]["raw"]["LAW ENFORCEMENT AGENCY"] == "Elko County Sheriff's Office"


def test_history_as_csv(client, imported):
    response = client.get(URL, {"agreement": imported.pk, "format": "csv"})
    text = b"".join(response.streaming_content).decode()
    assert text.splitlines()[0].startswith("agreement,snapshot.url")
    assert len(text.strip().splitlines()) == 3


def test_bad_filters_are_400(client, db):
    assert client.get(URL, {"published_after": "soon"}).status_code == 400
    assert client.get(URL, {"agreement": "x"}).status_code == 400


def test_query_count_does_not_grow_with_page_size(client, imported, django_assert_max_num_queries):
    # count, the page of listings with their snapshots
    for size in (1, 100):
        with django_assert_max_num_queries(2):
            client.get(URL, {"page_size": size})
