from datetime import date

import pytest

from records_requests.letters import QUESTIONS, letter_compose, records_sought
from records_requests.models import RecordsLaw
from tests.jurisdictions import factories

pytestmark = pytest.mark.django_db


def test_eight_questions_from_the_guide() -> None:
    assert len(QUESTIONS) == 8


def test_records_sought_numbers_items_in_the_chosen_language() -> None:
    english = records_sought(["program_287g", "detainers"], "Jail booking logs.")
    assert english.startswith("1. Any 287(g) memorandum")
    assert english.splitlines()[-1] == "3. Jail booking logs."
    assert records_sought(["program_287g"], language="es").startswith("1. Todo memorando")


def test_spanish_letter_calls_detainers_by_the_site_glossary_term() -> None:
    spanish = records_sought(list(QUESTIONS), language="es")
    assert spanish.count("órdenes de detención (detainers)") == 2
    assert "retención" not in spanish


def test_unknown_question_keys_are_ignored() -> None:
    assert records_sought(["nope"]) == ""


def test_nevada_letter_cites_the_law_and_deadline() -> None:
    law = RecordsLaw.objects.select_related("state").get(state__postal="NV")
    letter = letter_compose(
        agency=factories.agency("Clark County Sheriff"),
        law=law,
        sought="1. The MOA.",
        requester_name="Ana Pérez",
        today=date(2026, 11, 20),
    )
    assert letter.startswith("Ana Pérez\n\nNovember 20, 2026")
    assert law.citation in letter
    assert "within 5 business days" in letter
    assert letter.rstrip().endswith("Ana Pérez")


def test_spanish_letter() -> None:
    law = RecordsLaw.objects.select_related("state").get(state__postal="NV")
    letter = letter_compose(
        agency=factories.agency(), law=law, sought="1. El MOA.", requester_name="Ana", language="es"
    )
    assert "5 días hábiles" in letter
    assert "Atentamente" in letter


def test_arizona_letter_asks_for_a_prompt_answer() -> None:
    law = RecordsLaw.objects.select_related("state").get(state__postal="AZ")
    letter = letter_compose(
        agency=factories.agency(county_fips="04013"), law=law, sought="1. x", requester_name="A"
    )
    assert "please respond promptly" in letter
