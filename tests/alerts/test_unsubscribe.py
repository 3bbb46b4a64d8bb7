from django.urls import reverse

from alerts.digests import digests_send
from alerts.models import Subscription
from alerts.tokens import unsubscribe_token
from tests.alerts.factories import event, subscribe


def path(subscription: Subscription, *, everything: bool = False) -> str:
    token = unsubscribe_token(subscription_id=subscription.pk, everything=everything)
    return reverse("alerts:unsubscribe", kwargs={"token": token})


def test_get_asks_and_changes_nothing(client, agency):
    subscription = subscribe(agency)
    response = client.get(path(subscription))
    assert response.status_code == 200
    assert b"Alerts Test Sheriff" in response.content
    assert b'<button type="submit">' in response.content
    subscription.refresh_from_db()
    assert subscription.unsubscribed_at is None


def test_post_unsubscribes_and_stops_mail(client, agency, mailoutbox):
    subscription = subscribe(agency)
    assert client.post(path(subscription)).status_code == 200
    subscription.refresh_from_db()
    assert subscription.unsubscribed_at is not None
    event(agency)
    assert digests_send().sent == 0
    assert mailoutbox == []


def test_one_click_post_without_csrf_token(agency):
    from django.test import Client

    subscription = subscribe(agency)
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        path(subscription), "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    subscription.refresh_from_db()
    assert subscription.unsubscribed_at is not None


def test_unsubscribing_twice_is_harmless(client, agency):
    subscription = subscribe(agency)
    client.post(path(subscription))
    again = client.post(path(subscription))
    assert again.status_code == 200
    assert b"You will not receive these alerts any more." in again.content


def test_unsubscribe_one_keeps_the_others(client, agency, nevada):
    mine = subscribe(agency)
    other = subscribe(nevada)
    client.post(path(mine))
    assert list(Subscription.objects.active()) == [other]


def test_unsubscribe_everything_covers_the_address_only(client, agency, nevada):
    mine = subscribe(agency)
    subscribe(nevada)
    someone_else = subscribe(nevada, "bo@example.org")
    response = client.get(path(mine, everything=True))
    assert b"Nevada" in response.content
    client.post(path(mine, everything=True))
    assert list(Subscription.objects.active()) == [someone_else]


def test_tampered_token_is_a_clear_400(client, agency):
    subscription = subscribe(agency)
    tampered = path(subscription).replace(":", ":x", 1)
    response = client.post(tampered)
    assert response.status_code == 400
    assert b"incomplete or was changed" in response.content
    subscription.refresh_from_db()
    assert subscription.unsubscribed_at is None


def test_confirm_token_does_not_unsubscribe(client, agency):
    from alerts.tokens import confirm_token

    subscription = subscribe(agency, confirmed=False)
    token = confirm_token(subscription_id=subscription.pk, nonce=subscription.confirm_nonce)
    assert client.post(reverse("alerts:unsubscribe", kwargs={"token": token})).status_code == 400
