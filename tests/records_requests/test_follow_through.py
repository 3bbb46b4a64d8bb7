"""Next steps on a request and the letters that answer them, in English and Spanish (no HTTP here)."""

import io
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.contrib.auth.models import User
from pypdf import PdfReader

from records_requests.follow_through import (
    APPEAL,
    DEEMED_DENIAL,
    FOLLOW_UP,
    Letter,
    NextSteps,
    dashboard_action,
    letter_compose,
    long_date,
    next_steps,
)
from records_requests.letter_pdf import letter_pdf
from records_requests.models import RecordsLaw, RecordsRequest, RequestEvent
from records_requests.services import event_add
from records_requests.timeline import Derived

pytestmark = pytest.mark.django_db
MakeRequest = Callable[..., RecordsRequest]
TODAY = date(2025, 12, 20)


def situation(
    rr: RecordsRequest, today: date = TODAY
) -> tuple[RecordsRequest, RecordsLaw, list[RequestEvent], Derived, NextSteps]:
    rr = RecordsRequest.objects.select_related("agency__state__records_law").get(pk=rr.pk)
    events = sorted(rr.events.all(), key=lambda e: (e.date, e.pk))
    derived = rr.derive(today)
    law = rr.agency.state.records_law
    return rr, law, events, derived, next_steps(derived, law, events, today)


def compose(rr: RecordsRequest, kind: str, language: str, today: date = TODAY) -> Letter:
    rr, law, events, derived, _steps = situation(rr, today)
    return letter_compose(
        kind=kind,
        language=language,
        records_request=rr,
        law=law,
        derived=derived,
        events=events,
        requester_name="Ana Pérez",
        today=today,
    )


def test_overdue_in_nevada_offers_follow_up_then_appeal(make_request: MakeRequest) -> None:
    rr = make_request("NV", sent_on=date(2025, 11, 21))  # due 2025-12-02
    *_rest, steps = situation(rr)
    assert steps.letters == [FOLLOW_UP, APPEAL]  # Nevada's law makes no silence a denial
    assert any("Overdue" in str(r) for r in steps.reasons)


def test_overdue_in_pennsylvania_adds_the_deemed_denial_notice(make_request: MakeRequest) -> None:
    rr = make_request("PA", sent_on=date(2025, 11, 24))  # due 2025-12-03
    *_rest, steps = situation(rr)
    assert steps.letters == [FOLLOW_UP, DEEMED_DENIAL, APPEAL]


def test_due_soon_offers_only_a_polite_follow_up(make_request: MakeRequest) -> None:
    rr = make_request("NV", sent_on=date(2025, 11, 21))
    *_rest, steps = situation(rr, today=date(2025, 12, 1))  # due tomorrow
    assert steps.letters == [FOLLOW_UP]
    *_rest, steps = situation(rr, today=date(2025, 11, 24))  # a week out: nothing to do
    assert not steps


def test_denied_offers_the_appeal(make_request: MakeRequest, organizer: User) -> None:
    rr = make_request("NV", sent_on=date(2025, 11, 21))
    event_add(records_request=rr, kind="denied", date=date(2025, 11, 28), author=organizer)
    *_rest, steps = situation(rr)
    assert steps.letters == [APPEAL]


def test_new_york_late_acknowledgment_offers_the_appeal(make_request: MakeRequest, organizer: User) -> None:
    rr = make_request("NY", sent_on=date(2025, 11, 3))  # first deadline 2025-11-12 (Veterans Day skipped)
    event_add(records_request=rr, kind="acknowledged", date=date(2025, 11, 17), author=organizer)
    _rr, _law, _events, derived, steps = situation(rr)
    assert derived.deadline is not None and derived.deadline.acknowledged_late
    assert DEEMED_DENIAL in steps.letters and APPEAL in steps.letters
    letter = compose(rr, APPEAL, "en")
    assert letter.addressee == "The agency's head or appeals officer"
    assert "§ 89(4)(a)" in letter.text
    assert (
        "The acknowledgment came on November 17, 2025, after the November 12, 2025 deadline." in letter.text
    )
    assert "the response was due by November 12, 2025" in letter.text
    assert derived.deadline.deemed_denied_on == date(2025, 11, 13)


def test_arizona_after_the_follow_up_date(make_request: MakeRequest) -> None:
    rr = make_request("AZ", sent_on=date(2025, 11, 24))  # follow up 2025-12-09
    *_rest, steps = situation(rr, today=date(2025, 12, 8))
    assert not steps
    *_rest, steps = situation(rr, today=date(2025, 12, 9))
    assert steps.letters == [FOLLOW_UP, DEEMED_DENIAL, APPEAL]


def test_extension_past_the_statute(make_request: MakeRequest, organizer: User) -> None:
    rr = make_request("CA", sent_on=date(2025, 11, 24))  # due 12-04, statutory extension to 12-18
    event_add(
        records_request=rr,
        kind="extension",
        date=date(2025, 12, 1),
        extended_to=date(2026, 2, 1),
        author=organizer,
    )
    *_rest, steps = situation(rr)
    assert any("past what the law allows" in str(r) for r in steps.reasons)
    letter = compose(rr, FOLLOW_UP, "en")
    assert "runs to December 18, 2025 at most" in letter.text


def test_follow_up_letter_in_english(make_request: MakeRequest) -> None:
    rr = make_request("NV", sent_on=date(2025, 11, 21))
    RecordsRequest.objects.filter(pk=rr.pk).update(
        tracking_number="LVMPD-2025-118", return_address="12 Main St\nLas Vegas, NV 89101"
    )
    letter = compose(rr, FOLLOW_UP, "en")
    text = letter.text
    assert text.startswith("Ana Pérez\n12 Main St\nLas Vegas, NV 89101\n\nDecember 20, 2025")
    assert "tracking no. LVMPD-2025-118" in text
    assert "I sent my request on November 21, 2025." in text
    assert "Under NRS 239.0107(1), the response was due by December 2, 2025." in text
    assert "- November 21, 2025: sent" in text
    assert text.endswith("Sincerely,\nAna Pérez")


def test_follow_up_letter_in_spanish(make_request: MakeRequest) -> None:
    rr = make_request("NV", sent_on=date(2025, 11, 21))
    RecordsRequest.objects.filter(pk=rr.pk).update(tracking_number="LVMPD-2025-118")
    text = compose(rr, FOLLOW_UP, "es").text
    assert "20 de diciembre de 2025" in text
    assert "Asunto: Seguimiento de solicitud de registros públicos" in text
    assert "n.º de seguimiento LVMPD-2025-118" in text
    assert "Envié mi solicitud el 21 de noviembre de 2025." in text
    assert "la respuesta vencía el 2 de diciembre de 2025" in text
    assert "- 21 de noviembre de 2025: enviada" in text or "- 21 de noviembre de 2025: " in text
    assert text.endswith("Atentamente,\nAna Pérez")


def test_deemed_denial_and_appeal_letters_in_pennsylvania(make_request: MakeRequest) -> None:
    rr = make_request("PA", sent_on=date(2025, 11, 24))
    notice = compose(rr, DEEMED_DENIAL, "en").text
    assert "Under 65 P.S. § 67.901, a failure to respond is a denial." in notice
    assert "denied as of December 4, 2025" in notice
    assert "Office of Open Records" in notice and "15 business days" in notice
    appeal = compose(rr, APPEAL, "es")
    assert appeal.addressee.startswith("Office of Open Records")
    assert "Apelo, conforme a 65 P.S. § 67.1101(a)" in appeal.text


def test_appeal_where_the_only_route_is_court(make_request: MakeRequest) -> None:
    rr = make_request("NV", sent_on=date(2025, 11, 21))
    letter = compose(rr, APPEAL, "en")
    assert "no administrative appeal" in letter.text
    assert "District court (application) (NRS 239.011)" in letter.text


def test_pdf_parses_and_keeps_the_spanish_text(make_request: MakeRequest) -> None:
    rr = make_request("PA", sent_on=date(2025, 11, 24))
    letter = compose(rr, APPEAL, "es")
    pdf = letter_pdf(letter.text, title=letter.subject)
    assert pdf.startswith(b"%PDF")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Apelación de solicitud de registros públicos" in text
    assert "24 de noviembre de 2025" in text
    assert "§ 67.1101(a)" in text


def test_long_dates() -> None:
    assert long_date(date(2026, 1, 2), "en") == "January 2, 2026"
    assert long_date(date(2026, 1, 2), "es") == "2 de enero de 2026"


def test_dashboard_action_reads_cached_columns(
    make_request: MakeRequest, django_assert_num_queries: Any
) -> None:
    make_request("PA", sent_on=date(2025, 11, 24))
    rr = RecordsRequest.objects.select_related("agency__state__records_law").get()
    with django_assert_num_queries(0):
        action = dashboard_action(rr, TODAY)
    assert action is not None and action.letter == FOLLOW_UP
    assert "deemed denial" in str(action.label)
