import pytest
from rest_framework.throttling import AnonRateThrottle

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_a_minute(monkeypatch):
    # The rate is read from settings when DRF is imported; a class attribute set here takes precedence.
    monkeypatch.setattr(AnonRateThrottle, "rate", "2/minute", raising=False)


def test_anonymous_clients_are_throttled_with_retry_after(api, two_a_minute):
    assert api.get("/api/v1/states/", {"page_size": 1}).status_code == 200
    assert api.get("/api/v1/states/", {"page_size": 1}).status_code == 200
    response = api.get("/api/v1/states/", {"page_size": 1})
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 60


def test_csv_downloads_count_against_the_same_limit(api, two_a_minute):
    api.get("/api/v1/states/")
    api.get("/api/v1/states/")
    assert api.get("/api/v1/states/", {"format": "csv"}).status_code == 429


def test_signed_in_users_are_not_held_to_the_anonymous_rate(api, two_a_minute, django_user_model):
    api.force_authenticate(django_user_model.objects.create_user("reporter"))
    for _ in range(3):
        assert api.get("/api/v1/states/", {"page_size": 1}).status_code == 200


def test_signed_in_users_have_their_own_limit(api, django_user_model, monkeypatch):
    from core.api.throttles import SignedInRateThrottle

    monkeypatch.setattr(SignedInRateThrottle, "rate", "3/minute", raising=False)
    api.force_authenticate(django_user_model.objects.create_user("reporter"))
    answers = [api.get("/api/v1/states/", {"page_size": 1}) for _ in range(4)]
    assert [r.status_code for r in answers] == [200, 200, 200, 429]
    assert 0 < int(answers[-1]["Retry-After"]) <= 60
    # Counted per account: someone else signed in is not held back.
    api.force_authenticate(django_user_model.objects.create_user("other"))
    assert api.get("/api/v1/states/", {"page_size": 1}).status_code == 200
