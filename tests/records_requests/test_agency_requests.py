from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template
from django.test import RequestFactory

from records_requests.models import RecordsRequest, Visibility
from tests.jurisdictions import factories

pytestmark = pytest.mark.django_db
MakeRequest = Callable[..., RecordsRequest]
TEMPLATE = Template('{% include "records_requests/includes/_agency_requests.html" %}')


def render(agency: Any) -> str:
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    return TEMPLATE.render(Context({"agency": agency, "request": request}))


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
