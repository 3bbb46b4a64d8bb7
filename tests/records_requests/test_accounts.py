from typing import Any
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import User
from django.test import Client

pytestmark = pytest.mark.django_db


SIGNUP = {
    "username": "ana",
    "email": "ana@example.org",
    "password1": "a-long-passphrase-9",
    "password2": "a-long-passphrase-9",
}


def _link(body: str) -> str:
    return urlsplit(next(line for line in body.splitlines() if "/accounts/confirm/" in line).strip()).path


def test_signup_is_confirmed_by_email_then_logs_in(client: Client, mailoutbox: list[Any]) -> None:
    response = client.post("/requests/accounts/signup/", SIGNUP)
    assert response["Location"] == "/requests/accounts/signup/sent/"
    assert not User.objects.get(username="ana").is_active
    assert (
        client.post(
            "/requests/accounts/login/", {"username": "ana", "password": SIGNUP["password1"]}
        ).status_code
        == 200
    )
    link = _link(mailoutbox[0].body)
    assert client.get(link).status_code == 200  # a button: mail scanners that follow links confirm nothing
    assert not User.objects.get(username="ana").is_active
    response = client.post(link)
    assert response["Location"] == "/requests/mine/"
    assert client.get("/requests/mine/").status_code == 200
    assert client.post(link).status_code == 400  # used: the link is spent once the account logs in


def test_signup_answers_the_same_when_the_email_has_an_account(client: Client, mailoutbox: list[Any]) -> None:
    User.objects.create_user("someone", "ana@example.org", "x")
    fresh = client.post("/requests/accounts/signup/", {**SIGNUP, "email": "new@example.org"})
    taken = client.post(
        "/requests/accounts/signup/", {**SIGNUP, "username": "ana2", "email": "ANA@example.org"}
    )
    assert (taken.status_code, taken["Location"]) == (fresh.status_code, fresh["Location"])
    assert not User.objects.filter(username="ana2").exists()
    # The address's owner is told, not the visitor.
    assert mailoutbox[1].to == ["ana@example.org"]
    assert "already has one" in mailoutbox[1].body
    assert "someone" in mailoutbox[1].body


def test_signup_is_limited_per_address(client: Client, settings: Any) -> None:
    settings.ACCOUNT_EMAILS_PER_HOUR = 2
    answers = [
        client.post(
            "/requests/accounts/signup/", {**SIGNUP, "username": f"u{n}", "email": f"u{n}@example.org"}
        )
        for n in range(3)
    ]
    assert [r.status_code for r in answers] == [302, 302, 429]
    assert answers[-1]["Retry-After"] == "3600"
    assert User.objects.count() == 2


def test_password_reset_answers_the_same_for_unknown_addresses(client: Client, mailoutbox: list[Any]) -> None:
    User.objects.create_user("ana", "ana@example.org", "a-long-passphrase-9")
    known = client.post("/requests/accounts/password-reset/", {"email": "ana@example.org"})
    unknown = client.post("/requests/accounts/password-reset/", {"email": "nobody@example.org"})
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert len(mailoutbox) == 1


def test_password_reset_is_limited_per_address(client: Client, settings: Any) -> None:
    settings.ACCOUNT_EMAILS_PER_HOUR = 1
    client.post("/requests/accounts/password-reset/", {"email": "a@example.org"})
    assert client.post("/requests/accounts/password-reset/", {"email": "a@example.org"}).status_code == 429


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
