from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.utils import timezone

from records_requests.models import RecordsRequest, Visibility
from records_requests.sections import agency_requests
from tests.jurisdictions import factories

pytestmark = pytest.mark.django_db
MakeRequest = Callable[..., RecordsRequest]


def render(agency: Any) -> str:
    section = agency_requests(agency, user=AnonymousUser(), today=timezone.localdate())
    return render_to_string(
        "records_requests/includes/_agency_requests_list.html", {"agency": agency, **section}
    )


def test_agency_record_and_latest_requests(
    make_request: MakeRequest, django_assert_max_num_queries: Any
) -> None:
    agency = factories.agency()
    for _ in range(3):
        make_request("NV", agency=agency, sent_on=date(2026, 1, 5))
    make_request("NV", agency=agency, visibility=Visibility.PRIVATE, title="Hidden")
    # 2 queries whatever the number of requests: the latest visible requests, the record's counts.
    with django_assert_max_num_queries(2):
        html = render(agency)
    assert "3 requests filed here: 3 open" in html
    assert "3 are past the date the law sets" in html
    assert "Hidden" not in html


def test_agency_without_requests(make_request: MakeRequest) -> None:
    html = render(factories.agency())
    assert "No public records requests" in html


def test_agency_page_includes_the_section(client: Any, make_request: MakeRequest) -> None:
    rr = make_request("NV", sent_on=date(2026, 1, 5))
    response = client.get(rr.agency.get_absolute_url())
    assert rr.title in response.content.decode()
