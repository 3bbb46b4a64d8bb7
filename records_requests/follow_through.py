"""What an organizer does next on a request: the situation, and the letters that answer it.

`next_steps()` reads a request's derived deadline and its event log (no database); `letter_compose()`
writes a follow-up, a notice of deemed denial or an appeal in English or Spanish from the law's data and
the log (dates, tracking number). Letter text is a document, not site chrome, so both languages live
here, as in `letters.py`; event names come from the translation catalog in the letter's language.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from records_requests.deadlines import BUSINESS_DAYS, Deadline, add_days, compute_deadline
from records_requests.models import AppealKind, RecordsLaw, RecordsRequest, RequestEvent, RequestEventKind
from records_requests.timeline import CLOCK_RUNNING, Derived, RequestStatus

FOLLOW_UP = "follow-up"
DEEMED_DENIAL = "deemed-denial"
APPEAL = "appeal"
LETTER_KINDS: dict[str, Promise] = {
    FOLLOW_UP: _("Polite follow-up"),
    DEEMED_DENIAL: _("Notice of deemed denial"),
    APPEAL: _("Appeal"),
}
LETTER_LANGUAGES = ("en", "es")
ANSWERS = frozenset(
    {
        RequestEventKind.PARTIAL_RELEASE,
        RequestEventKind.RELEASED,
        RequestEventKind.DENIED,
        RequestEventKind.NO_RECORDS,
    }
)
MONTHS_ES = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
]
MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


@dataclass
class NextSteps:
    """Why the organizer should act now (messages to show) and which letters to offer, in order."""

    reasons: list[str | Promise] = field(default_factory=list)
    letters: list[str] = field(default_factory=list)

    def offer(self, reason: str | Promise, *kinds: str) -> None:
        self.reasons.append(reason)
        for kind in kinds:
            if kind not in self.letters:
                self.letters.append(kind)

    def __bool__(self) -> bool:
        return bool(self.letters)


def _extended_to(events: Sequence[RequestEvent]) -> date | None:
    dates = [e.extended_to for e in events if e.kind == RequestEventKind.EXTENSION and e.extended_to]
    return max(dates) if dates else None


def first_answer(events: Sequence[RequestEvent]) -> RequestEvent | None:
    return next((e for e in events if e.kind in ANSWERS), None)


def next_steps(
    derived: Derived,
    law: RecordsLaw | None,
    events: Sequence[RequestEvent],
    today: date,
    *,
    reminder_days: int = 2,
) -> NextSteps:
    """The situations the issue lists: due soon, overdue, no deadline and time to follow up, answered
    late, acknowledged late, extended past the statute, denied."""
    steps = NextSteps()
    deadline = derived.deadline
    if law is None or deadline is None:
        return steps
    silence = DEEMED_DENIAL if law.deemed_denial_citation else None
    appeal_kinds = [k for k in (silence, APPEAL) if k]
    running = derived.status in CLOCK_RUNNING
    due = derived.due
    if derived.status in (RequestStatus.DENIED, RequestStatus.NO_RECORDS):
        steps.offer(_("The agency denied the request: you can appeal."), APPEAL)
    if running and due is not None:
        horizon, _skipped = add_days(today, reminder_days, BUSINESS_DAYS, deadline.terms.state)
        if due < today:
            steps.offer(
                _(
                    "Overdue: the agency has not answered by the date the law sets. Send a follow-up, then appeal."
                ),
                FOLLOW_UP,
                *appeal_kinds,
            )
        elif horizon is not None and due <= horizon:
            steps.offer(
                _("Due soon: a polite follow-up is ready if you want to remind the agency."), FOLLOW_UP
            )
    follow_up = deadline.suggested_follow_up
    if running and not deadline.has_deadline and follow_up is not None and follow_up <= today:
        steps.offer(
            _("No statutory deadline, but the follow-up date has come: ask when the records will come."),
            FOLLOW_UP,
            *([DEEMED_DENIAL, APPEAL] if silence else []),
        )
    if deadline.acknowledged_late:
        steps.offer(
            _(
                "The agency acknowledged the request after the deadline: the missed deadline is a denial you can appeal."
            )
            if silence
            else _("The agency acknowledged the request after the deadline."),
            *(appeal_kinds or [FOLLOW_UP]),
        )
    answer = first_answer(events)
    if answer is not None and deadline.due is not None and answer.date > deadline.due:
        steps.offer(_("The agency answered after the deadline."), FOLLOW_UP, APPEAL)
    extended_to = _extended_to(events)
    if extended_to and deadline.extension_due and extended_to > deadline.extension_due:
        steps.offer(
            _(
                "The agency extended the deadline past what the law allows: object, and appeal if it persists."
            ),
            FOLLOW_UP,
            APPEAL,
        )
    return steps


def long_date(day: date, language: str) -> str:
    if language == "es":
        return f"{day.day} de {MONTHS_ES[day.month - 1]} de {day.year}"
    return f"{MONTHS_EN[day.month - 1]} {day.day}, {day.year}"


@dataclass(frozen=True)
class Letter:
    kind: str
    language: str
    subject: str
    text: str
    addressee: str


def _appeal_step(law: RecordsLaw) -> dict[str, str] | None:
    """The first non-court step (a letter can go there); None where the only route is a lawsuit."""
    return next((s for s in law.appeal_steps if s.get("kind") != AppealKind.COURT), None)


def _court_step(law: RecordsLaw) -> dict[str, str] | None:
    return next((s for s in law.appeal_steps if s.get("kind") == AppealKind.COURT), None)


def _timeline(events: Sequence[RequestEvent], language: str) -> str:
    with override(language):
        lines = []
        for event in events:
            line = f"- {long_date(event.date, language)}: {event.get_kind_display()}"
            if event.extended_to:
                line += (
                    f" ({'hasta el' if language == 'es' else 'to'} {long_date(event.extended_to, language)})"
                )
            lines.append(line)
    return "\n".join(lines)


def letter_compose(
    *,
    kind: str,
    language: str,
    records_request: RecordsRequest,
    law: RecordsLaw,
    derived: Derived,
    events: Sequence[RequestEvent],
    requester_name: str,
    today: date,
) -> Letter:
    """One letter, plain text, ready to send. Reads only what it is given (no query)."""
    es = language == "es"
    rr, deadline = records_request, derived.deadline
    agency = rr.agency
    sent = next((e.date for e in events if e.kind == RequestEventKind.SENT), None)
    received = derived.received
    due = deadline.due if deadline else None
    if deadline is not None and deadline.acknowledged_late and deadline.first is not None:
        due = deadline.first.due  # the deadline the agency missed, not the clock its late reply restarted

    def day(d: date) -> str:
        return long_date(d, language)

    ref = rr.title + (
        f" ({'n.º de seguimiento' if es else 'tracking no.'} {rr.tracking_number})"
        if rr.tracking_number
        else ""
    )
    step = _appeal_step(law)
    court = _court_step(law)
    addressee = f"{agency.name}\n{'Encargado de registros públicos' if es else 'Public Records Officer'}"
    if agency.records_postal_address:
        addressee += f"\n{agency.records_postal_address.strip()}"
    if kind == APPEAL and step is not None:
        addressee = step["who"].split(" (")[0]
    header = [
        "\n".join(p for p in [requester_name, rr.return_address.strip()] if p),
        day(today),
        addressee,
        f"{'Asunto' if es else 'Re'}: {_subject(kind, es)} — {ref}",
    ]
    facts = _facts(es, law, sent, received, due, day, deadline)
    timeline = _timeline(events, language)
    body = _body(kind, es, law, rr, agency.name, facts, timeline, step, court, derived, day)
    closing = f"{'Atentamente' if es else 'Sincerely'},\n{requester_name}"
    text = "\n\n".join(part for part in [*header, *body, closing] if part)
    return Letter(
        kind=kind,
        language=language,
        subject=f"{_subject(kind, es)}: {ref}",
        text=text,
        addressee=addressee.splitlines()[0],
    )


def _subject(kind: str, es: bool) -> str:
    if kind == FOLLOW_UP:
        return (
            "Seguimiento de solicitud de registros públicos"
            if es
            else "Follow-up on a public records request"
        )
    if kind == DEEMED_DENIAL:
        return "Aviso de denegación presunta" if es else "Notice of deemed denial"
    return "Apelación de solicitud de registros públicos" if es else "Appeal of a public records request"


def _facts(
    es: bool,
    law: RecordsLaw,
    sent: date | None,
    received: date | None,
    due: date | None,
    day: Callable[[date], str],
    deadline: Deadline | None,
) -> str:
    parts = []
    if sent:
        parts.append(f"Envié mi solicitud el {day(sent)}." if es else f"I sent my request on {day(sent)}.")
    if received and received != sent:
        parts.append(
            f"La agencia la recibió el {day(received)}."
            if es
            else f"The agency received it on {day(received)}."
        )
    if due is not None:
        parts.append(
            f"Conforme a {law.citation}, la respuesta vencía el {day(due)}."
            if es
            else f"Under {law.citation}, the response was due by {day(due)}."
        )
    elif deadline is not None and deadline.suggested_follow_up:
        parts.append(
            f"{law.law_name} exige una respuesta pronta ({law.citation})."
            if es
            else f"{law.law_name} requires a prompt response ({law.citation})."
        )
    first_due = deadline.first.due if deadline is not None and deadline.first is not None else None
    if deadline is not None and deadline.acknowledged_late and first_due and deadline.acknowledged:
        parts.append(
            f"El acuse de recibo llegó el {day(deadline.acknowledged)}, después del plazo del {day(first_due)}."
            if es
            else f"The acknowledgment came on {day(deadline.acknowledged)}, after the {day(first_due)} deadline."
        )
    if deadline is not None and deadline.extension_due and law.extension_citation:
        parts.append(
            f"La prórroga que permite la ley ({law.extension_citation}) llega como máximo al {day(deadline.extension_due)}."
            if es
            else f"The extension the law allows ({law.extension_citation}) runs to {day(deadline.extension_due)} at most."
        )
    return " ".join(parts)


def _body(
    kind: str,
    es: bool,
    law: RecordsLaw,
    rr: RecordsRequest,
    agency_name: str,
    facts: str,
    timeline: str,
    step: dict[str, str] | None,
    court: dict[str, str] | None,
    derived: Derived,
    day: Callable[[date], str],
) -> list[str]:
    greeting = "Estimado/a encargado/a de registros públicos:" if es else "Dear Public Records Officer:"
    sought = rr.records_sought.strip()
    record = (
        ("Historial de la solicitud:\n" if es else "History of the request:\n") + timeline if timeline else ""
    )
    if kind == FOLLOW_UP:
        return [
            greeting,
            (
                f"Le escribo sobre mi solicitud conforme a {law.law_name} de los siguientes registros:\n\n{sought}"
                if es
                else f"I am writing about my request under {law.law_name} for the following records:\n\n{sought}"
            ),
            facts,
            (
                "Le ruego que me indique en qué fecha recibiré los registros y que entregue ya los que estén listos. "
                "Si retiene alguna parte, cite la excepción legal específica."
                if es
                else "Please tell me when I can expect the records, and release any that are ready now. If you "
                "withhold any part, please cite the specific legal exemption."
            ),
            record,
        ]
    route = ""
    if step is not None:
        when = "" if step["by_when"] in ("None stated", "Not verified") else f" ({step['by_when']})"
        route = (
            f"{step['who']}, conforme a {step['citation']}{when}"
            if es
            else f"{step['who']}, under {step['citation']}{when}"
        )
    elif court is not None:
        route = f"{court['who']} ({court['citation']})"
    if kind == DEEMED_DENIAL:
        denied_on = derived.deadline.deemed_denied_on if derived.deadline else None
        since = (f" desde el {day(denied_on)}" if es else f" as of {day(denied_on)}") if denied_on else ""
        return [
            greeting,
            facts,
            (
                f"Conforme a {law.deemed_denial_citation}, la falta de respuesta equivale a una denegación. "
                f"Considero denegada mi solicitud{since}."
                if es
                else f"Under {law.deemed_denial_citation}, a failure to respond is a denial. I consider my request "
                f"denied{since}."
            ),
            (
                f"Preferiría recibir los registros sin tener que apelar. Si no los recibo, apelaré ante {route}."
                if es
                else f"I would rather receive the records than appeal. If I do not, I will appeal to {route}."
            )
            if route
            else "",
            record,
        ]
    if step is None:
        return [
            greeting,
            facts,
            (
                f"La ley no prevé una apelación administrativa. Si no recibo los registros en 10 días hábiles, "
                f"consideraré acudir a {route}."
                if es
                else f"The law provides no administrative appeal. If I do not receive the records within 10 business "
                f"days, I will consider going to {route}."
            ),
            record,
        ]
    return [
        "Estimado/a señor/a:" if es else "To whom it may concern:",
        (
            f"Apelo, conforme a {step['citation']}, la denegación de mi solicitud a {agency_name} de los siguientes "
            f"registros:\n\n{sought}"
            if es
            else f"Under {step['citation']}, I appeal the denial of my request to {agency_name} for the following "
            f"records:\n\n{sought}"
        ),
        facts,
        (
            f"{law.deemed_denial_citation} trata la falta de respuesta como una denegación."
            if es
            else f"{law.deemed_denial_citation} treats the failure to respond as a denial."
        )
        if law.deemed_denial_citation
        else "",
        (
            "Le ruego que ordene a la agencia entregar los registros sin más demora y que cite la excepción "
            "específica para cualquier parte que se retenga."
            if es
            else "I ask that you direct the agency to release the records without further delay, and to cite the "
            "specific exemption for any part withheld."
        ),
        record,
    ]


@dataclass(frozen=True)
class Action:
    """One line for the dashboard: what to do now, and the letter that does it."""

    label: str | Promise
    letter: str | None = None


def dashboard_action(rr: RecordsRequest, today: date, *, reminder_days: int = 2) -> Action | None:
    """From the request's cached columns and its state's law (selected with it): no query."""
    law: RecordsLaw | None = getattr(rr.agency.state, "records_law", None)
    if rr.status in (RequestStatus.DENIED, RequestStatus.NO_RECORDS):
        return Action(_("Denied: appeal"), APPEAL)
    if rr.status not in CLOCK_RUNNING or law is None:
        return None
    if rr.due_on is not None:
        if rr.due_on < today:
            if law.deemed_denial_citation:
                return Action(_("Overdue: send the follow-up, or the notice of deemed denial"), FOLLOW_UP)
            return Action(_("Overdue: send the follow-up, then appeal"), FOLLOW_UP)
        horizon, _skipped = add_days(today, reminder_days, BUSINESS_DAYS, rr.agency.state.postal)
        if horizon is not None and rr.due_on <= horizon:
            return Action(_("Due soon: a follow-up is ready"), FOLLOW_UP)
        return None
    if rr.received_on is not None and not law.has_deadline:
        follow_up = compute_deadline(law.terms(), rr.received_on).suggested_follow_up
        if follow_up is not None and follow_up <= today:
            return Action(_("Time to follow up (no statutory deadline)"), FOLLOW_UP)
    return None
