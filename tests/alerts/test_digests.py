import datetime as dt
from email.utils import parseaddr

from django.core import mail
from django.utils import timezone

from alerts.digests import digests_send
from alerts.models import AlertKind, Delivery
from tests.alerts.factories import event, subscribe
from tests.jurisdictions import factories


def test_one_digest_per_address_with_every_event(agency, county, nevada, mailoutbox):
    subscribe(agency)
    subscribe(county)
    subscribe(nevada, "bo@example.org")
    event(agency)
    event(agency, kind=AlertKind.AGREEMENT_ENDED)
    result = digests_send()
    assert result.sent == 2
    by_address = {m.to[0]: m for m in mailoutbox}
    assert set(by_address) == {"ana@example.org", "bo@example.org"}
    # Ana follows the agency and its county: each event once, under the agency.
    body = by_address["ana@example.org"].body
    assert body.count("new 287(g) agreement (TFM)") == 1
    assert body.count("287(g) agreement ended (TFM)") == 1
    assert Delivery.objects.count() == 2 * 2 + 2


def test_nothing_for_unconfirmed_or_unsubscribed(agency, mailoutbox):
    subscribe(agency, "new@example.org", confirmed=False)
    gone = subscribe(agency, "gone@example.org")
    gone.unsubscribed_at = timezone.now()
    gone.save()
    event(agency)
    assert digests_send().sent == 0
    assert mailoutbox == []


def test_events_before_confirmation_are_not_sent(agency, mailoutbox):
    subscription = subscribe(agency)
    event(agency, key="old")
    subscription.confirmed_at = timezone.now() + dt.timedelta(seconds=1)
    subscription.save()
    assert digests_send().sent == 0


def test_running_twice_sends_once(agency, mailoutbox):
    subscribe(agency)
    event(agency)
    digests_send()
    digests_send()
    assert len(mailoutbox) == 1


def test_new_event_after_a_run_is_sent_alone(agency, mailoutbox):
    subscribe(agency)
    event(agency)
    digests_send()
    event(agency, kind=AlertKind.AGREEMENT_ENDED)
    digests_send()
    assert len(mailoutbox) == 2
    assert "agreement ended" in mailoutbox[1].body
    assert "new 287(g) agreement" not in mailoutbox[1].body


def test_other_places_are_not_sent(agency, mailoutbox):
    subscribe(agency)
    event(factories.agency(county_fips="32031"))  # Washoe County, same state
    event(state=factories.state("CA"), kind=AlertKind.POLICY_PUBLISHED)
    assert digests_send().sent == 0


def test_state_wide_policy_reaches_agency_county_and_state(agency, county, nevada, mailoutbox):
    subscribe(agency, "a@example.org")
    subscribe(county, "c@example.org")
    subscribe(nevada, "s@example.org")
    event(state=nevada, kind=AlertKind.POLICY_PUBLISHED)
    assert digests_send().sent == 3


def test_one_click_unsubscribe_headers(agency, mailoutbox):
    subscribe(agency)
    event(agency)
    digests_send()
    headers = mailoutbox[0].extra_headers
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = headers["List-Unsubscribe"].strip("<>")
    assert link.startswith("https://directory.example/alerts/unsubscribe/")
    assert link in mailoutbox[0].body


def test_links_are_absolute(agency, mailoutbox):
    subscribe(agency)
    e = event(agency)
    digests_send()
    assert f"https://directory.example{agency.get_absolute_url()}" in mailoutbox[0].body
    assert e.title() in mailoutbox[0].body


def test_spanish_subscriber_gets_spanish(agency, mailoutbox):
    subscribe(agency, language="es")
    event(agency)
    digests_send()
    body = mailoutbox[0].body
    assert "2 de enero de 2025" in body  # the signed date, written the Spanish way
    assert "https://directory.example/es/agencies/" in body
    assert "https://directory.example/es/alerts/unsubscribe/" in body
    assert "January" not in body


def test_english_subscriber_gets_english_dates(agency, mailoutbox):
    subscribe(agency)
    event(agency)
    digests_send()
    assert "Jan. 2, 2025" in mailoutbox[0].body or "January 2, 2025" in mailoutbox[0].body


def test_a_refused_address_does_not_block_the_others(agency, mailoutbox, monkeypatch):
    subscribe(agency, "bad@example.org")
    subscribe(agency, "good@example.org")
    event(agency)
    real_send = mail.EmailMessage.send

    def send(self, fail_silently=False):
        if self.to == ["bad@example.org"]:
            raise ConnectionRefusedError
        return real_send(self, fail_silently)

    monkeypatch.setattr(mail.EmailMessage, "send", send)
    result = digests_send()
    assert (result.sent, result.failed) == (1, 1)
    assert [parseaddr(m.to[0])[1] for m in mailoutbox] == ["good@example.org"]
    # Nothing was recorded for the refused address, so the next run tries it again.
    assert Delivery.objects.filter(subscription__email="bad@example.org").count() == 0


def test_query_count_does_not_grow_with_subscribers(agency, django_assert_max_num_queries):
    for n in range(20):
        subscribe(agency, f"s{n}@example.org")
    event(agency)
    # events (1), subscriptions with their places (1), deliveries already made (1), then per address:
    # savepoint/insert of its deliveries (1 insert + 2 savepoint statements).
    with django_assert_max_num_queries(3 + 20 * 3):
        assert digests_send().sent == 20
