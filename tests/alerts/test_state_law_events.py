import datetime as dt

from django.utils import timezone, translation

from alerts.events import alerts_for_state_laws, events_collect
from alerts.models import AlertKind, Event
from policies.models import StateLaw
from tests.jurisdictions import factories


def soon() -> dt.datetime:
    return timezone.now() + dt.timedelta(seconds=1)


def law(postal: str = "NV", **fields: object) -> StateLaw:
    values: dict[str, object] = {
        "name": "Test Act (2026): detainers",
        "citation": "Test Code § 1",
        "kind": "statute",
        "effective": dt.date(2026, 7, 1),
        "topic": "detainer_holds",
        "effect": "prohibits",
        "applies_to": "all_local_law_enforcement",
        "summary_en": "Police may not hold people for ICE.",
        "summary_es": "La policía no puede retener personas para ICE.",
        "source_url": "https://example.org/test-act",
        "confidence": "high",
    }
    values.update(fields)
    return StateLaw.objects.create(state=factories.state(postal), **values)


def test_a_new_law_is_news_for_its_whole_state():
    added = law()
    assert alerts_for_state_laws(until=soon()) == 1
    event = Event.objects.get()
    assert (event.kind, event.state, event.statewide, event.agency, event.county) == (
        AlertKind.STATE_LAW_ADDED,
        added.state,
        True,
        None,
        None,
    )
    assert event.title() == "Nevada: state law added: Test Code § 1"
    assert event.description() == "Police may not hold people for ICE."
    with translation.override("es"):
        assert event.description() == "La policía no puede retener personas para ICE."
    assert event.get_absolute_url() == f"/states/nv/#state-law-{added.pk}"
    # Followers of any county or agency of the state see it too.
    assert Event.objects.for_county(factories.county("32003")).filter(pk=event.pk).exists()
    assert Event.objects.for_agency(factories.agency()).filter(pk=event.pk).exists()


def test_scanning_twice_records_once():
    law()
    alerts_for_state_laws(until=soon())
    assert alerts_for_state_laws(until=soon()) == 0


def test_a_change_to_what_it_says_is_news_a_recheck_is_not():
    changed = law()
    alerts_for_state_laws(until=soon())
    changed.checked = dt.date(2027, 1, 5)
    changed.save()
    assert alerts_for_state_laws(until=soon()) == 0
    changed.ended = dt.date(2026, 9, 1)
    changed.status_note = "Enjoined."
    changed.save()
    assert alerts_for_state_laws(until=soon()) == 1
    event = Event.objects.latest("pk")
    assert event.kind == AlertKind.STATE_LAW_CHANGED
    assert event.title() == "Nevada: state law blocked or ended: Test Code § 1"


def test_none_found_markers_are_not_news():
    law(topic="none_found", effect="", applies_to="", kind="", citation="")
    assert alerts_for_state_laws(until=soon()) == 0


def test_collect_includes_state_laws():
    law()
    assert events_collect(now=timezone.now() + dt.timedelta(minutes=10)) == 1
