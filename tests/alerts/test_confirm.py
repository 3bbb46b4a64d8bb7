import datetime as dt
import re

import pytest
from django.urls import reverse

from alerts import tokens
from alerts.models import Subscription


@pytest.fixture
def confirm_path(client, agency, mailoutbox) -> str:
    client.post(
        reverse("alerts:subscribe_agency", kwargs={"slug": agency.slug}), {"email": "ana@example.org"}
    )
    found = re.search(r"https://directory\.example(/alerts/confirm/[^/\s]+/)", mailoutbox[0].body)
    assert found
    return found.group(1)


def test_get_shows_a_button_and_confirms_nothing(client, confirm_path):
    response = client.get(confirm_path)
    assert response.status_code == 200
    assert b'<button type="submit">' in response.content
    assert Subscription.objects.get().confirmed_at is None


def test_post_confirms(client, confirm_path):
    response = client.post(confirm_path)
    assert response.status_code == 200
    assert b"Alerts confirmed" in response.content
    assert Subscription.objects.get().is_receiving


def test_link_works_once(client, confirm_path):
    client.post(confirm_path)
    again = client.post(confirm_path)
    assert again.status_code == 400
    assert b"already been used" in again.content
    assert client.get(confirm_path).status_code == 400


def test_tampered_token_is_a_clear_400(client, confirm_path):
    token = confirm_path.split("/")[-2]
    tampered = token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb")
    response = client.post(reverse("alerts:confirm", kwargs={"token": tampered}))
    assert response.status_code == 400
    assert b"incomplete or was changed" in response.content
    assert Subscription.objects.get().confirmed_at is None


@pytest.mark.parametrize("token", ["x", "....", "eyJ9:abc:def"])
def test_garbage_tokens_are_400(client, token):
    assert client.get(reverse("alerts:confirm", kwargs={"token": token})).status_code == 400


def test_expired_link(client, confirm_path, monkeypatch):
    monkeypatch.setattr(tokens, "CONFIRM_MAX_AGE", dt.timedelta(seconds=-1))
    response = client.post(confirm_path)
    assert response.status_code == 400
    assert b"expired" in response.content


def test_unsubscribed_before_confirming_cannot_confirm(client, confirm_path):
    Subscription.objects.update(unsubscribed_at="2025-01-01T00:00Z")
    assert client.post(confirm_path).status_code == 400
