import re

import pytest
from django.urls import reverse

from alerts import throttle
from alerts.models import Subscription
from tests.alerts.factories import subscribe


def url(agency) -> str:
    return reverse("alerts:subscribe_agency", kwargs={"slug": agency.slug})


def test_form_page_has_a_labelled_email_field(client, agency, django_assert_max_num_queries):
    # the agency with its state (1)
    with django_assert_max_num_queries(1):
        response = client.get(url(agency))
    assert response.status_code == 200
    assert b'<label for="id_email">' in response.content
    assert b"Alerts Test Sheriff&#x27;s Office" in response.content


def test_subscribing_sends_only_the_confirmation(client, agency, mailoutbox):
    response = client.post(url(agency), {"email": " Ana@Example.org "})
    assert response.status_code == 302
    assert response["Location"] == reverse("alerts:subscribe_sent")
    subscription = Subscription.objects.get()
    assert (subscription.email, subscription.agency, subscription.confirmed_at) == (
        "ana@example.org",
        agency,
        None,
    )
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["ana@example.org"]
    assert re.search(r"https://directory\.example/alerts/confirm/[^/\s]+/", mailoutbox[0].body)


def test_check_your_email_page(client):
    response = client.get(reverse("alerts:subscribe_sent"))
    assert response.status_code == 200
    assert b"Check your email" in response.content


def test_county_and_state_targets(client, county, nevada, mailoutbox):
    client.post(
        reverse("alerts:subscribe_county", kwargs={"state": "nv", "county": county.slug}),
        {"email": "a@example.org"},
    )
    client.post(reverse("alerts:subscribe_state", kwargs={"state": "nv"}), {"email": "a@example.org"})
    assert {(s.county, s.state) for s in Subscription.objects.all()} == {(county, None), (None, nevada)}
    assert len(mailoutbox) == 2


def test_invalid_email_is_a_form_error(client, agency, mailoutbox):
    response = client.post(url(agency), {"email": "not-an-address"})
    assert response.status_code == 400
    assert b'aria-invalid="true"' in response.content
    assert b"Enter a valid email address." in response.content
    assert not Subscription.objects.exists()
    assert mailoutbox == []


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("alerts:subscribe_agency", {"slug": "no-such-agency"}),
        ("alerts:subscribe_county", {"state": "nv", "county": "no-such-county"}),
        ("alerts:subscribe_county", {"state": "no-such-state", "county": "clark"}),
        ("alerts:subscribe_state", {"state": "no-such-state"}),
    ],
)
def test_unknown_target_is_404(client, name, kwargs):
    assert client.post(reverse(name, kwargs=kwargs), {"email": "a@example.org"}).status_code == 404


def test_confirmed_address_gets_the_same_answer_and_no_mail(client, agency, mailoutbox):
    subscribe(agency, "ana@example.org")
    response = client.post(url(agency), {"email": "ana@example.org"})
    assert (response.status_code, response["Location"]) == (302, reverse("alerts:subscribe_sent"))
    assert mailoutbox == []
    assert Subscription.objects.count() == 1


def test_unconfirmed_address_gets_the_confirmation_again(client, agency, mailoutbox):
    client.post(url(agency), {"email": "ana@example.org"})
    client.post(url(agency), {"email": "ana@example.org"})
    assert Subscription.objects.count() == 1
    assert len(mailoutbox) == 2


def test_spanish_page_makes_a_spanish_subscription(client, agency, mailoutbox):
    client.post("/es" + url(agency), {"email": "ana@example.org"})
    assert Subscription.objects.get().language == "es"
    assert "https://directory.example/es/alerts/confirm/" in mailoutbox[0].body


def test_attempts_are_throttled_per_email(client, agency, mailoutbox, monkeypatch):
    monkeypatch.setattr(throttle, "PER_EMAIL", 2)
    statuses = [client.post(url(agency), {"email": "ana@example.org"}).status_code for _ in range(3)]
    assert statuses == [302, 302, 429]
    assert len(mailoutbox) == 2


def test_attempts_are_throttled_per_ip(client, agency, mailoutbox, monkeypatch):
    monkeypatch.setattr(throttle, "PER_IP", 2)
    statuses = [client.post(url(agency), {"email": f"a{n}@example.org"}).status_code for n in range(3)]
    assert statuses == [302, 302, 429]
    assert Subscription.objects.count() == 2


def test_get_and_post_only(client, agency):
    assert client.put(url(agency)).status_code == 405


def test_spanish_form_page(client, agency):
    response = client.get("/es" + url(agency))
    assert response.status_code == 200
    assert b'<html lang="es">' in response.content
    assert f'action="/es/alerts/subscribe/agency/{agency.slug}/"'.encode() in response.content


def test_confirmation_email_can_be_cancelled(client, agency, mailoutbox):
    client.post(url(agency), {"email": "ana@example.org"})
    message = mailoutbox[0]
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    cancel = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert cancel in message.body
    client.post(cancel.removeprefix("https://directory.example"))
    assert not Subscription.objects.active().exists()
