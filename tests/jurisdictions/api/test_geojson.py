from datetime import date

import pytest

from tests.agreements.factories import make_agreement
from tests.jurisdictions import factories

pytestmark = pytest.mark.django_db


def test_counties_as_points_with_agreement_counts(api):
    sheriff = factories.agency("Clark County Sheriff", county_fips="32003")
    make_agreement(sheriff, model="JEM", signed=date(2025, 1, 1))
    make_agreement(sheriff, model="TFM", signed=date(2025, 1, 1), status="ended")
    response = api.get("/api/v1/counties/geojson/", {"state": "NV"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    assert response.data["type"] == "FeatureCollection"
    assert len(response.data["features"]) == 17
    clark = next(f for f in response.data["features"] if f["id"] == "32003")
    assert clark["properties"]["agreement_count"] == 2
    assert clark["properties"]["current_agreement_count"] == 1
    assert clark["properties"]["state"]["postal"] == "NV"
    lon, lat = clark["geometry"]["coordinates"]
    # Las Vegas is at about 115.1 W, 36.2 N; the ZIP-code mean must land in southern Nevada.
    assert -116.5 < lon < -114.0
    assert 35.0 < lat < 37.0


def test_geojson_filters_like_the_list(api):
    sheriff = factories.agency("Clark County Sheriff", county_fips="32003")
    make_agreement(sheriff)
    response = api.get("/api/v1/counties/geojson/", {"has_agreement": "true"})
    assert "32003" in [f["id"] for f in response.data["features"]]
    assert all(f["properties"]["current_agreement_count"] > 0 for f in response.data["features"])


def test_geojson_bad_filter_is_400(api):
    assert api.get("/api/v1/counties/geojson/", {"state": "Nevada"}).status_code == 400


def test_geojson_query_count(api, django_assert_max_num_queries):
    api.get("/api/v1/counties/geojson/", {"state": "RI"})  # builds the per-process ZIP-code points once
    # 1: every county with its state and three counts as subqueries (no pagination, no count query).
    with django_assert_max_num_queries(1):
        assert len(api.get("/api/v1/counties/geojson/").data["features"]) == 3235
