"""The home page: answers first, a light map of the states (each a link), the table of the same facts."""

import datetime as dt
from pathlib import Path

import pytest
from django.conf import settings

from agreements.models import Agreement, Snapshot, SnapshotKind
from pages.map import STATE_SPRITE, state_sprite_svg
from tests.jurisdictions import factories


def _agreement(agency, status: str, model: str = "JEM") -> Agreement:
    return Agreement.objects.create(agency=agency, model=model, status=status)


@pytest.fixture
def agreements(db) -> None:
    _agreement(factories.agency("Nye County Sheriff's Office", county_fips="32023"), "active")
    _agreement(factories.agency("Elko County Sheriff's Office", county_fips="32007"), "missing", "TFM")
    _agreement(factories.agency("Harris County Sheriff's Office", county_fips="48201"), "pending")
    _agreement(factories.agency("Ada County Sheriff's Office", county_fips="16001"), "ended")


def test_the_state_map_links_every_state_and_colours_it_by_agreements(client, agreements) -> None:
    html = client.get("/").text
    assert html.count("<use href=") == 51  # 50 states and DC; the territories are in the table only
    assert '<a href="/states/nv/" data-state="NV"><title>Nevada: 2 agreements in force, 0 pending' in html
    assert 'data-state="NV"><title>' in html and '#NV" class="s-active"' in html
    assert '#TX" class="s-pending"' in html
    assert '#ID" class="s-ended"' in html
    assert '#WY" class="s-none"' in html


def test_the_table_gives_every_fact_of_the_map(client, agreements) -> None:
    html = client.get("/").text
    table = html[html.index('id="state-table"') :]
    assert '<th scope="row"><a href="/states/nv/">Nevada</a></th><td>' in table
    assert table.count('<th scope="row">') == 56  # every state, DC and territory
    assert '<a href="/states/pr/">Puerto Rico</a>' in table


def test_no_county_shapes_on_the_home_page(client, agreements) -> None:
    html = client.get("/").text
    assert "/states/nv/nye-county/" not in html
    assert len(html.encode()) < 60_000


def test_the_date_of_ices_latest_list_comes_first(client, db) -> None:
    for published in ("2025-06-30", "2025-07-09"):
        Snapshot.objects.create(
            kind=SnapshotKind.PARTICIPATING,
            published=dt.date.fromisoformat(published),
            sha256=published.ljust(64, "0"),
            status="accepted",
        )
    html = client.get("/").text
    assert "ICE’s latest list: July 9, 2025" in html
    assert html.index("ICE’s latest list") < html.index('class="state-map-svg"')


def test_query_count_does_not_grow_with_agreements(client, agreements, django_assert_num_queries) -> None:
    client.get("/")  # the chart's cache warm
    # counts by state, states, state laws, the latest list, the chart's latest list
    with django_assert_num_queries(5):
        client.get("/")
    for fips in ("06037", "48113", "12086"):
        _agreement(factories.agency(county_fips=fips), "active")
    with django_assert_num_queries(5):
        client.get("/")


def test_the_committed_sprite_matches_the_shapes() -> None:
    committed = Path(settings.BASE_DIR) / "static" / STATE_SPRITE
    assert committed.read_text(encoding="utf-8") == state_sprite_svg(), "run scripts/build_state_sprite.py"
