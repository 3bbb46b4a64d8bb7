"""One lockout for every password check (django-axes, core/login_throttle.py): the login form, the admin,
the API token endpoint and the password-change form, by account and by client address."""

import datetime as dt
from collections.abc import Iterator

import pytest
from axes.models import AccessAttempt, AccessAttemptExpiration
from django.conf import settings
from django.contrib.auth.models import User
from django.db.models import F
from django.test import Client, override_settings
from knox.models import AuthToken

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery staple"
LOGIN = "/requests/accounts/login/"


@pytest.fixture(autouse=True)
def fast_hashing() -> Iterator[None]:
    # Fast hashing: a few attempts take milliseconds and the expiry test is not racing the clock.
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture
def user() -> User:
    return User.objects.create_user("organizer", "o@example.org", PASSWORD, is_staff=True)


def login(client: Client, password: str, username: str = "organizer", path: str = LOGIN) -> int:
    return client.post(path, {"username": username, "password": password}).status_code


def token(client: Client, password: str, username: str = "organizer") -> int:
    return client.post("/api/v1/auth-token/", {"username": username, "password": password}).status_code


def test_eight_wrong_passwords_on_the_token_endpoint_end_in_429(user: User) -> None:
    """The issue's check, with the default limit (5): the fifth failure locks, and then the right password
    gets no token either."""
    client = Client()
    answers = [token(client, "wrong") for _ in range(8)]
    assert answers[:4] == [400] * 4
    assert answers[4:] == [429] * 4
    response = client.post("/api/v1/auth-token/", {"username": "organizer", "password": PASSWORD})
    assert response.status_code == 429
    assert response["Content-Type"] == "application/json"
    assert "Too many failed log-in attempts" in response.json()["detail"]
    assert int(response["Retry-After"]) == 15 * 60
    assert not AuthToken.objects.exists()


def test_eight_wrong_passwords_on_the_admin_end_in_the_lockout_page(user: User) -> None:
    client = Client()
    answers = [login(client, "wrong", path="/admin/login/") for _ in range(8)]
    assert answers[:4] == [200] * 4
    assert answers[4:] == [429] * 4
    response = client.post("/admin/login/", {"username": "organizer", "password": PASSWORD})
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert response["Retry-After"] == str(15 * 60)
    assert "_auth_user_id" not in client.session


@override_settings(AXES_FAILURE_LIMIT=3)
def test_the_login_form_locks_without_checking_the_password(user: User) -> None:
    client = Client()
    assert [login(client, "wrong") for _ in range(3)] == [200, 200, 429]
    response = client.post(LOGIN, {"username": "organizer", "password": PASSWORD})
    assert response.status_code == 429
    assert "Too many failed log-in attempts. Wait 15 minutes" in response.content.decode()
    assert "_auth_user_id" not in client.session


@override_settings(AXES_FAILURE_LIMIT=3)
def test_doors_share_one_count(user: User) -> None:
    client = Client()
    assert login(client, "wrong") == 200
    assert token(client, "wrong") == 400
    assert login(client, "wrong", path="/admin/login/") == 429
    assert token(client, PASSWORD) == 429


@override_settings(AXES_FAILURE_LIMIT=3)
def test_an_account_is_locked_whatever_the_address(user: User) -> None:
    for n in range(3):
        login(Client(REMOTE_ADDR=f"10.0.0.{n}"), "wrong")
    assert login(Client(REMOTE_ADDR="10.0.0.99"), PASSWORD) == 429
    # Case and spaces do not make a fresh count.
    assert login(Client(REMOTE_ADDR="10.0.0.98"), PASSWORD, username=" ORGANIZER ") == 429


@override_settings(AXES_FAILURE_LIMIT=3)
def test_an_address_is_locked_whatever_the_account(user: User) -> None:
    guesser = "10.0.0.7"
    for name in ("alice", "bob", "carol"):
        login(Client(REMOTE_ADDR=guesser), "wrong", username=name)
    assert login(Client(REMOTE_ADDR=guesser), PASSWORD) == 429
    assert login(Client(REMOTE_ADDR="10.0.0.8"), PASSWORD) == 302  # the organizer elsewhere is fine


@override_settings(AXES_FAILURE_LIMIT=3)
def test_success_clears_the_count(user: User) -> None:
    client = Client()
    assert [login(client, "wrong") for _ in range(2)] == [200, 200]
    assert login(client, PASSWORD) == 302
    client.post("/requests/accounts/logout/")
    assert [login(client, "wrong") for _ in range(3)] == [200, 200, 429]


@override_settings(AXES_FAILURE_LIMIT=3)
def test_wrong_old_passwords_on_password_change_count(user: User) -> None:
    client = Client()
    client.force_login(user)
    change = {
        "old_password": "wrong",
        "new_password1": "a-new-passphrase-9",
        "new_password2": "a-new-passphrase-9",
    }
    answers = [client.post("/requests/accounts/password/", change).status_code for _ in range(3)]
    assert answers == [200, 200, 429]
    change["old_password"] = PASSWORD
    assert client.post("/requests/accounts/password/", change).status_code == 429
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_the_admin_password_change_goes_through_the_counted_form(user: User) -> None:
    client = Client()
    client.force_login(user)
    response = client.get("/admin/password_change/")
    assert response.status_code == 302
    assert response["Location"] == "/requests/accounts/password/"


@override_settings(AXES_FAILURE_LIMIT=3)
def test_the_lockout_page_speaks_spanish(user: User) -> None:
    client = Client()
    answers = [login(client, "wrong", path="/es" + LOGIN) for _ in range(3)]
    assert answers[-1] == 429
    response = client.post("/es" + LOGIN, {"username": "organizer", "password": PASSWORD})
    assert 'lang="es"' in response.content.decode()
    assert "Too many failed" not in response.content.decode()


@override_settings(AXES_FAILURE_LIMIT=3, AXES_COOLOFF_TIME=dt.timedelta(seconds=2))
def test_the_lockout_expires(user: User) -> None:
    client = Client()
    for _ in range(3):
        login(client, "wrong")
    assert login(client, PASSWORD) == 429
    # Three seconds pass: the failures and the lockout's expiry move into the past instead of sleeping.
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - dt.timedelta(seconds=3))
    AccessAttemptExpiration.objects.update(expires_at=F("expires_at") - dt.timedelta(seconds=3))
    assert login(client, PASSWORD) == 302


def test_get_and_other_posts_are_untouched(user: User) -> None:
    client = Client()
    for _ in range(6):
        login(client, "wrong")
    assert client.get(LOGIN).status_code == 200
    assert client.post("/requests/accounts/signup/", {"username": "x"}).status_code == 400


def test_the_site_installs_the_lockout() -> None:
    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"
    assert "axes.middleware.AxesMiddleware" in settings.MIDDLEWARE
    assert "core.login_throttle.LoginThrottleMiddleware" not in settings.MIDDLEWARE
