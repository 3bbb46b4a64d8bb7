"""API tokens (api_tokens/, django-rest-knox): hashed at rest, optional expiry, rotated and revoked by their
owner from the API and the account page, revoked by a new password; the old plain-text tokens migrated."""

import datetime as dt
import hashlib
from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client, override_settings
from django.utils import timezone
from knox.models import AuthToken
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery staple"
MINE = "/api/v1/auth-tokens/"


@pytest.fixture(autouse=True)
def fast_hashing() -> Iterator[None]:
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture
def user() -> User:
    return User.objects.create_user("organizer", "o@example.org", PASSWORD)


def obtain(**extra: Any) -> dict[str, Any]:
    response = APIClient().post(
        "/api/v1/auth-token/", {"username": "organizer", "password": PASSWORD, **extra}
    )
    assert response.status_code == 200, response.content
    return response.json()


def with_token(key: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def test_a_token_is_stored_only_as_a_digest(user: User) -> None:
    body = obtain()
    stored = AuthToken.objects.get()
    assert body["token"] not in (stored.digest, stored.token_key)
    assert stored.digest == hashlib.sha512(body["token"].encode()).hexdigest()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM knox_authtoken WHERE digest LIKE %s OR token_key = %s",
            [f"%{body['token']}%", body["token"]],
        )
        assert cursor.fetchone()[0] == 0
    assert with_token(body["token"]).get(MINE).status_code == 200


def test_expiry_defaults_to_the_setting_and_can_be_chosen(user: User, settings: Any) -> None:
    default = obtain()
    expected = timezone.now() + dt.timedelta(days=settings.API_TOKEN_TTL_DAYS)
    assert abs(dt.datetime.fromisoformat(default["expiry"]) - expected) < dt.timedelta(minutes=1)
    assert obtain(expires_in_days=0)["expiry"] is None
    assert (
        APIClient()
        .post("/api/v1/auth-token/", {"username": "organizer", "password": PASSWORD, "expires_in_days": 9999})
        .status_code
        == 400
    )


def test_an_expired_token_is_refused_with_401(user: User) -> None:
    body = obtain(expires_in_days=1)
    AuthToken.objects.update(expiry=timezone.now() - dt.timedelta(seconds=1))
    response = with_token(body["token"]).get(MINE)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


def test_the_old_answer_shape_still_works_for_writes(user: User) -> None:
    """Existing clients: POST username + password, read `token`, send `Authorization: Token …`."""
    key = obtain()["token"]
    response = with_token(key).post("/api/v1/records-requests/", {}, format="json")
    assert response.status_code == 400  # authenticated; the body is what is wrong


def test_wrong_credentials_are_a_400_as_before(user: User) -> None:
    response = APIClient().post("/api/v1/auth-token/", {"username": "organizer", "password": "nope"})
    assert response.status_code == 400
    assert "non_field_errors" in response.json()


def test_list_rotate_and_revoke_through_the_api(user: User) -> None:
    first, second = obtain()["token"], obtain()["token"]
    listed = with_token(first).get(MINE).json()
    assert {row["token_key"] for row in listed} == {first[:15], second[:15]}
    rotated = with_token(first).post(MINE + "rotate/", {}, format="json").json()["token"]
    assert with_token(first).get(MINE).status_code == 401
    assert with_token(rotated).get(MINE).status_code == 200
    assert with_token(rotated).delete(f"{MINE}{second[:15]}/").status_code == 204
    assert with_token(second).get(MINE).status_code == 401
    assert with_token(rotated).delete(f"{MINE}{second[:15]}/").status_code == 404


def test_one_cannot_revoke_someone_elses_token(user: User) -> None:
    theirs = obtain()["token"]
    other = User.objects.create_user("other", "x@example.org", PASSWORD)
    client = APIClient()
    client.force_authenticate(other)
    assert client.delete(f"{MINE}{theirs[:15]}/").status_code == 404
    assert with_token(theirs).get(MINE).status_code == 200


def test_token_endpoints_need_authentication(user: User) -> None:
    response = APIClient().get(MINE)
    assert response.status_code == 401
    assert response.json()["detail"]


def test_a_password_reset_revokes_every_token(user: User, client: Client, mailoutbox: list[Any]) -> None:
    key = obtain(expires_in_days=0)["token"]
    client.post("/requests/accounts/password-reset/", {"email": "o@example.org"})
    link = next(line for line in mailoutbox[0].body.splitlines() if "/reset/" in line).split("://", 1)[1]
    confirm = client.get(link[link.index("/") :], follow=True)
    new = {"new_password1": "another-passphrase-7", "new_password2": "another-passphrase-7"}
    assert client.post(confirm.redirect_chain[-1][0], new).status_code == 302
    assert with_token(key).get(MINE).status_code == 401
    assert not AuthToken.objects.exists()


def test_a_password_change_revokes_every_token(user: User, client: Client) -> None:
    key = obtain()["token"]
    client.force_login(user)
    change = {
        "old_password": PASSWORD,
        "new_password1": "another-passphrase-7",
        "new_password2": "another-passphrase-7",
    }
    assert client.post("/requests/accounts/password/", change).status_code == 302
    assert with_token(key).get(MINE).status_code == 401


def test_other_saves_of_the_user_keep_the_tokens(user: User) -> None:
    key = obtain()["token"]
    user.first_name = "Ana"
    user.save()
    assert with_token(key).get(MINE).status_code == 200


def test_the_account_page_makes_shows_once_and_revokes(user: User, client: Client) -> None:
    client.force_login(user)
    page = client.post("/requests/accounts/account/", {"action": "create", "days": "30"})
    assert page.status_code == 200
    assert page["Cache-Control"] == "no-store"
    key = page.context["new_token"]
    assert key in page.content.decode()
    assert with_token(key).get(MINE).status_code == 200
    again = client.get("/requests/accounts/account/").content.decode()
    assert key not in again and key[:15] in again
    client.post("/requests/accounts/account/", {"action": "revoke", "token_key": key[:15]})
    assert with_token(key).get(MINE).status_code == 401
    other = client.post("/requests/accounts/account/", {"action": "create", "days": "0"}).context["new_token"]
    client.post("/requests/accounts/account/", {"action": "revoke_all"})
    assert with_token(other).get(MINE).status_code == 401


def test_the_account_page_needs_a_login(client: Client) -> None:
    assert client.get("/requests/accounts/account/").status_code == 302


def test_the_migration_hashes_old_plain_text_tokens(user: User) -> None:
    """What api_tokens/migrations/0001 does to a database that had DRF's authtoken table."""
    from importlib import import_module

    migration = import_module("api_tokens.migrations.0001_hash_existing_tokens")
    plain = "0123456789abcdef0123456789abcdef01234567"
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE authtoken_token (key varchar(40) PRIMARY KEY, user_id integer, created timestamptz)"
        )
        cursor.execute("INSERT INTO authtoken_token VALUES (%s, %s, now())", [plain, user.pk])

    class Editor:
        pass

    editor = Editor()
    editor.connection = connection  # type: ignore[attr-defined]
    migration.hash_plain_tokens(None, editor)
    assert "authtoken_token" not in connection.introspection.table_names()
    assert with_token(plain).get(MINE).status_code == 200
    assert AuthToken.objects.get().expiry is None
