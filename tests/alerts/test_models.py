import pytest
from django.db import IntegrityError
from django.utils import timezone

from alerts.models import Subscription
from tests.alerts.helpers import subscribe


def test_exactly_one_target(agency, nevada):
    with pytest.raises(IntegrityError):
        Subscription.objects.create(email="a@example.org", agency=agency, state=nevada)


def test_no_target_is_refused():
    with pytest.raises(IntegrityError):
        Subscription.objects.create(email="a@example.org")


def test_one_active_subscription_per_address_and_place(agency):
    subscribe(agency)
    with pytest.raises(IntegrityError):
        subscribe(agency)


def test_resubscribing_after_unsubscribing_is_allowed(agency):
    first = subscribe(agency)
    first.unsubscribed_at = timezone.now()
    first.save()
    assert subscribe(agency).pk != first.pk
