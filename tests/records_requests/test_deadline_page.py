from typing import Any

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db
URL = "/requests/deadline/"


def test_empty_form_renders(client: Client) -> None:
    response = client.get(URL)
    assert response.status_code == 200
    assert b'name="received"' in response.content
    assert b"Nevada" in response.content


def test_nevada_result_lists_family_day(client: Client, django_assert_max_num_queries: Any) -> None:
    # 3 queries: state choices, the law for validation… and nothing per skipped day.
    with django_assert_max_num_queries(3):
        response = client.get(URL, {"state": "NV", "received": "2026-11-20"})
    assert response.status_code == 200
    text = response.content.decode()
    assert "due Tuesday, December 1, 2026" in text
    assert "Family Day" in text


def test_arizona_says_there_is_no_due_date(client: Client) -> None:
    text = client.get(URL, {"state": "AZ", "received": "2026-11-20"}).content.decode()
    assert "no statutory due date" in text


def test_residency_warning_for_virginia(client: Client) -> None:
    text = client.get(URL, {"state": "VA", "received": "2026-11-20"}).content.decode()
    assert "do not live there" in text


def test_bad_date_is_a_400_with_a_message(client: Client) -> None:
    response = client.get(URL, {"state": "NV", "received": "not a date"})
    assert response.status_code == 400
    assert b'role="alert"' in response.content
