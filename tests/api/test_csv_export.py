"""CSV lists read straight from database rows (core/api/csv_export.py) write the same bytes as the
serializer path: same columns and header, same quoting, formulas neutralised, nulls empty, unicode kept."""

from datetime import date

import pytest
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from agreements.api.serializers import AgreementSerializer
from agreements.api.views import AgreementViewSet
from core.api.csv_export import flat_csv_plan
from core.api.views import CSVExportMixin
from jurisdictions.api.serializers import AgencySerializer
from jurisdictions.api.views import AgencyViewSet
from tests.agreements.factories import make_agreement
from tests.jurisdictions import factories

pytestmark = pytest.mark.django_db


def body(response) -> bytes:
    assert response.streaming
    return b"".join(response.streaming_content)


def both_paths(
    api, monkeypatch, path: str, params: dict, viewset: type[CSVExportMixin]
) -> tuple[bytes, bytes]:
    fast = body(api.get(path, {**params, "format": "csv"}))
    monkeypatch.setattr(viewset, "csv_from_rows", False)
    slow = body(api.get(path, {**params, "format": "csv"}))
    return fast, slow


@pytest.fixture
def awkward_agreements() -> None:
    names = [
        'Sheriff, "Big" County',  # a comma and quotes
        "Oficina del Alguacil de Doña Ana — ñ, é, 日本",  # unicode
        '=HYPERLINK("http://evil.example")',  # a formula
        "-26",  # a plain number stays as it is
        "Line\nbreak Police",
    ]
    for n, name in enumerate(names):
        agency = factories.agency(
            name, county_fips=None if n == 1 else "32003"
        )  # a statewide one: null county
        make_agreement(
            agency,
            model=["JEM", "TFM", "WSO"][n % 3],
            signed=None if n % 2 else date(2025, 2, 1 + n),
            moa_url="" if n % 2 else f"https://www.ice.gov/doclib/{n},x.pdf",
            status=["active", "missing", "pending", "ended", "superseded"][n],
        )


def test_agreements_csv_from_rows_equals_the_serializer_output(api, monkeypatch, awkward_agreements) -> None:
    fast, slow = both_paths(api, monkeypatch, "/api/v1/agreements/", {}, AgreementViewSet)
    assert fast == slow
    text = fast.decode()
    assert '"Sheriff, ""Big"" County"' in text
    assert "Doña Ana — ñ, é, 日本" in text
    assert "'=HYPERLINK" in text
    assert ",-26," in text
    assert text.count("\r\n") == 6  # header and five rows (the embedded line break is quoted, bare \n)


def test_filters_and_ordering_are_kept(api, monkeypatch, awkward_agreements) -> None:
    params = {"model": "JEM", "ordering": "-id"}
    fast, slow = both_paths(api, monkeypatch, "/api/v1/agreements/", params, AgreementViewSet)
    assert fast == slow
    assert fast.count(b"\r\n") == 3


def test_agencies_csv_from_rows_equals_the_serializer_output(api, monkeypatch, awkward_agreements) -> None:
    fast, slow = both_paths(api, monkeypatch, "/api/v1/agencies/", {"state": "nv"}, AgencyViewSet)
    assert fast == slow
    assert fast.count(b"\r\n") >= 6


def test_the_rows_path_makes_a_fixed_number_of_queries(
    api, awkward_agreements, django_assert_max_num_queries
) -> None:
    with django_assert_max_num_queries(4):  # the rows, on a server-side cursor (declare, fetch, close)
        body(api.get("/api/v1/agreements/", {"format": "csv"}))


def test_agreements_take_the_rows_path_and_agencies_the_serializer() -> None:
    request = Request(APIRequestFactory().get("/api/v1/"))
    assert flat_csv_plan(AgreementSerializer(context={"request": request})) is not None
    # An agency's counties and aliases are lists: those rows are serialized one by one.
    assert flat_csv_plan(AgencySerializer(context={"request": request})) is None
