import datetime as dt

import pytest
from django.db import IntegrityError
from django.utils import timezone

from alerts.models import Subscription
from alerts.subscriptions import subscriptions_purge_unconfirmed
from tests.alerts.factories import subscribe


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


def test_unconfirmed_requests_are_forgotten_after_30_days(agency, nevada):
    old = subscribe(agency, "old@example.org", confirmed=False)
    Subscription.objects.filter(pk=old.pk).update(created_at=timezone.now() - dt.timedelta(days=31))
    recent = subscribe(agency, "recent@example.org", confirmed=False)
    confirmed = subscribe(nevada)
    Subscription.objects.filter(pk=confirmed.pk).update(created_at=timezone.now() - dt.timedelta(days=90))
    assert subscriptions_purge_unconfirmed() == 1
    assert set(Subscription.objects.all()) == {recent, confirmed}
