"""The Spanish of the records laws' research texts (data/records_laws_es.json): complete, faithful to the
numbers and sections of the English, loaded with the laws and served on Spanish pages."""

import json
import re
from typing import Any

import pytest
from django.apps import apps
from django.utils import translation

from records_requests.apps import LAWS_ES_JSON, LAWS_JSON
from records_requests.models import RecordsLaw

# The research texts a reader sees (templates and the calculator's page, caveats included); law names
# and citations stay in English.
TEXT_FIELDS = (
    "initial_requires",
    "followon_deadline",
    "extension_rule",
    "deemed_denial_rule",
    "follow_up_rule",
    "last_day_note",
    "source_dates",
    "caveats",
)
STEP_FIELDS = ("who", "by_when")
ISO_DATE = re.compile(r"\b\d{4}-\d{2}(?:-\d{2})?(?:/\d{2})?\b")  # written out in words in Spanish
NUMBER = re.compile(r"\d+")
SECTION = re.compile(r"§+ ?[0-9][0-9A-Za-z.\-:()]*")

ENGLISH: list[dict[str, Any]] = json.loads(LAWS_JSON.read_text(encoding="utf-8"))
SPANISH: dict[str, dict[str, Any]] = json.loads(LAWS_ES_JSON.read_text(encoding="utf-8"))


def pairs() -> list[tuple[str, str, str, str]]:
    """(state, field, English, Spanish) for every non-empty English text."""
    found = []
    for law in ENGLISH:
        spanish = SPANISH.get(law["state"], {})
        for field in TEXT_FIELDS:
            if law[field]:
                found.append((law["state"], field, law[field], spanish.get(field, "")))
        steps = spanish.get("appeal_steps", [])
        for n, step in enumerate(law["appeal_steps"]):
            for field in STEP_FIELDS:
                if step.get(field):
                    es = steps[n].get(field, "") if n < len(steps) else ""
                    found.append((law["state"], f"appeal_steps[{n}].{field}", step[field], es))
    return found


def test_every_english_text_has_its_spanish() -> None:
    assert sorted(SPANISH) == sorted(law["state"] for law in ENGLISH)
    missing = [(state, field) for state, field, _en, es in pairs() if not es.strip()]
    assert missing == []
    for law in ENGLISH:
        spanish = SPANISH[law["state"]]
        assert len(spanish["appeal_steps"]) == len(law["appeal_steps"]), law["state"]
        assert set(spanish) <= {*TEXT_FIELDS, "appeal_steps"}, law["state"]
        assert all(not spanish.get(f) for f in TEXT_FIELDS if not law[f]), law["state"]  # none left stale


def test_the_spanish_keeps_every_number_and_section_of_the_english() -> None:
    """A cheap guard against a changed English text or a slip in translation: the day counts, years and
    statute sections all reappear (ISO dates are written out, so only their year and day must)."""
    wrong = []
    for state, field, en, es in pairs():
        numbers = set(NUMBER.findall(ISO_DATE.sub(" ", en))) - set(NUMBER.findall(es))
        sections = [s for s in SECTION.findall(en) if s not in es]
        if numbers or sections:
            wrong.append((state, field, sorted(numbers), sections))
    assert wrong == []


@pytest.mark.django_db
def test_the_loader_stores_the_spanish_and_a_reload_restores_it() -> None:
    law = RecordsLaw.objects.get(state__postal="NV")
    assert law.translations["es"] == SPANISH["NV"]
    RecordsLaw.objects.filter(pk=law.pk).update(translations={})
    summary = apps.get_app_config("records_requests").load_reference_data()  # type: ignore[attr-defined]
    assert "+0 new" in summary
    assert RecordsLaw.objects.get(pk=law.pk).translations == {"es": SPANISH["NV"]}


@pytest.mark.django_db
def test_localized_text_follows_the_active_language_and_falls_back_to_english() -> None:
    law = RecordsLaw.objects.get(state__postal="NV")
    with translation.override("es"):
        assert law.localized_text("initial_requires")[0].startswith("Antes del final del 5.º día hábil")
        assert law.localized_text("who", 0) == ("Tribunal de distrito (solicitud)", "es")
        assert law.localized_text("followon_deadline") == ("", "en")  # nothing to translate
        law.translations = {}
        assert law.localized_text("initial_requires") == (law.initial_requires, "en")
        assert law.localized_text("who", 0) == (law.appeal_steps[0]["who"], "en")
    with translation.override("en"):
        law.translations = {"es": SPANISH["NV"]}
        assert law.localized_text("initial_requires") == (law.initial_requires, "en")
