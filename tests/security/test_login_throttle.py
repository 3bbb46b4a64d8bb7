"""The login throttle (config/login_throttle.py), installed in MIDDLEWARE."""

import time
from collections.abc import Iterator

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core.cache import cache
from django.test import Client, override_settings
from django.urls import reverse

pytestmark = pytest.mark.django_db
THROTTLED = override_settings(
    LOGIN_THROTTLE_ATTEMPTS=3,
    LOGIN_THROTTLE_WINDOW=600,
    # Fast hashing, so that a few attempts take milliseconds and the expiry test is not racing the clock.
    PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
)
PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def throttled() -> Iterator[None]:
    cache.clear()
    with THROTTLED:
        yield
    cache.clear()


@pytest.fixture
def user() -> User:
    return User.objects.create_user("organizer", "o@example.org", PASSWORD)


def login(client: Client, password: str, username: str = "organizer", path: str = "") -> int:
    url = path or reverse("records_requests:login")
    return client.post(url, {"username": username, "password": password}).status_code


def test_blocks_after_the_limit_without_checking_the_password(user: User) -> None:
    client = Client()
    assert [login(client, "wrong") for _ in range(3)] == [200, 200, 200]
    response = client.post(reverse("records_requests:login"), {"username": "organizer", "password": PASSWORD})
    assert response.status_code == 429
    assert response["Retry-After"] == "600"
    assert "Too many failed log-in attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session  # the right password did not log in


def test_success_clears_the_count(user: User) -> None:
    client = Client()
    assert [login(client, "wrong") for _ in range(2)] == [200, 200]
    assert login(client, PASSWORD) == 302
    client.post(reverse("records_requests:logout"))
    assert [login(client, "wrong") for _ in range(3)] == [200, 200, 200]
    assert login(client, "wrong") == 429


def test_counts_per_username_and_per_ip(user: User) -> None:
    for _ in range(3):
        login(Client(REMOTE_ADDR="10.0.0.1"), "wrong")
    assert login(Client(REMOTE_ADDR="10.0.0.1"), "wrong") == 429
    assert login(Client(REMOTE_ADDR="10.0.0.2"), PASSWORD) == 302
    assert login(Client(REMOTE_ADDR="10.0.0.1"), "wrong", username="someone-else") == 200
    # Case and spaces do not make a fresh count.
    assert login(Client(REMOTE_ADDR="10.0.0.1"), "wrong", username=" ORGANIZER ") == 429


def test_translated_login_url_is_throttled_too(user: User) -> None:
    client = Client()
    path = reverse("records_requests:login").replace("/requests/", "/es/requests/", 1)
    assert [login(client, "wrong", path=path) for _ in range(4)] == [200, 200, 200, 429]


def test_get_and_other_posts_are_untouched(user: User) -> None:
    client = Client()
    for _ in range(3):
        login(client, "wrong")
    assert client.get(reverse("records_requests:login")).status_code == 200
    signup = client.post(reverse("records_requests:signup"), {"username": "organizer"})
    assert signup.status_code == 400  # the form's own answer, not 429


@override_settings(LOGIN_THROTTLE_WINDOW=2)
def test_the_count_expires(user: User) -> None:
    client = Client()
    for _ in range(3):
        login(client, "wrong")
    assert login(client, PASSWORD) == 429
    time.sleep(2.1)
    assert login(client, PASSWORD) == 302


def test_the_site_installs_the_throttle() -> None:
    assert "config.login_throttle.LoginThrottleMiddleware" in settings.MIDDLEWARE


def test_without_the_middleware_there_is_no_429(user: User) -> None:
    """Guards the test itself: without the middleware the fourth attempt is an ordinary failure."""
    with override_settings(MIDDLEWARE=[m for m in settings.MIDDLEWARE if "login_throttle" not in m]):
        client = Client()
        assert [login(client, "wrong") for _ in range(4)] == [200, 200, 200, 200]
