from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

pytestmark = pytest.mark.django_db


def test_signup_logs_in_and_lands_on_the_dashboard(client: Client) -> None:
    response = client.post(
        "/requests/accounts/signup/",
        {
            "username": "ana",
            "email": "ana@example.org",
            "password1": "a-long-passphrase-9",
            "password2": "a-long-passphrase-9",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/requests/mine/"
    assert client.get("/requests/mine/").status_code == 200


def test_signup_refuses_a_used_email(client: Client) -> None:
    User.objects.create_user("ana", "ana@example.org", "x")
    response = client.post(
        "/requests/accounts/signup/",
        {
            "username": "ana2",
            "email": "ANA@example.org",
            "password1": "a-long-passphrase-9",
            "password2": "a-long-passphrase-9",
        },
    )
    assert response.status_code == 400


def test_login_and_logout(client: Client) -> None:
    User.objects.create_user("ana", "ana@example.org", "a-long-passphrase-9")
    response = client.post(
        "/requests/accounts/login/", {"username": "ana", "password": "a-long-passphrase-9"}
    )
    assert response["Location"] == "/requests/mine/"
    assert client.post("/requests/accounts/logout/").status_code == 302
    assert client.get("/requests/mine/").status_code == 302


def test_password_reset_sends_a_link(client: Client, mailoutbox: list[Any]) -> None:
    User.objects.create_user("ana", "ana@example.org", "a-long-passphrase-9")
    response = client.post("/requests/accounts/password-reset/", {"email": "ana@example.org"})
    assert response["Location"] == "/requests/accounts/password-reset/sent/"
    assert len(mailoutbox) == 1
    assert "/requests/accounts/reset/" in mailoutbox[0].body


def test_forms_carry_csrf_tokens(client: Client) -> None:
    assert b"csrfmiddlewaretoken" in client.get("/requests/accounts/login/").content
