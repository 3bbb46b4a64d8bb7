"""Generated records requests and their event logs (100,000 requests, 500,000 events at full scale).

Each request gets a plausible sequence (sent → received → acknowledged → maybe a clarification, a fee or
an extension → an answer → maybe an appeal, with notes between), and its cached status and due date come
from the project's own `derive()` on that sequence, so the caches agree with the log. Rows go in by COPY.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.db import connection, models
from django.utils import timezone
from psycopg.types.json import Jsonb

from bench import names
from bench.bulk import bulk_load
from bench.generate import LAST_PUBLISHED, scaled
from jurisdictions.models import Agency
from records_requests.models import RecordsLaw, RecordsRequest, RequestEvent, RequestEventKind, Visibility
from records_requests.timeline import derive

REQUESTS = 100_000
EVENTS_PER_REQUEST = 5  # on average: 500,000 events at full scale
REQUESTERS = 2_000
FIRST_DAY = dt.date(2025, 1, 2)


@dataclass
class _Event:
    kind: str
    date: dt.date
    extended_to: dt.date | None = None
    text: str = ""


def copy_rows(model: type[models.Model], rows: Iterable[dict[str, Any]]) -> int:
    """COPY dicts into the model's table; fields left out take their model default. Returns the count."""
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    defaults = {f.attname: f.get_default() for f in fields}
    json_fields = {f.attname for f in fields if isinstance(f, models.JSONField)}
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    count = 0
    with bulk_load(), connection.cursor() as cursor:
        table = connection.ops.quote_name(model._meta.db_table)
        with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for row in rows:
                values = []
                for f in fields:
                    value = row.get(f.attname, defaults[f.attname])
                    values.append(Jsonb(value) if f.attname in json_fields else value)
                copy.write_row(values)
                count += 1
    return count


def requesters_generate(*, scale: float, rng: random.Random) -> list[int]:
    user_model = get_user_model()
    users = []
    for n in range(scaled(REQUESTERS, scale, 5)):
        first, last = rng.choice(names.FIRST_NAMES), rng.choice(names.LAST_NAMES)
        users.append(
            user_model(
                username=f"bench-{first.lower()}-{last.lower()}-{n}",
                first_name=first,
                last_name=last,
                email=f"{first.lower()}.{last.lower()}{n}@example.org",
                password="!",
            )
        )
    return [u.pk for u in user_model.objects.bulk_create(users, batch_size=2000)]


def _business_after(day: dt.date, days: int) -> dt.date:
    """`days` weekdays after `day` (holidays ignored: these are only the generated events' dates)."""
    if days <= 0:
        return day
    if day.weekday() > 4:  # counting from a weekend is counting from the Friday before it
        day -= dt.timedelta(days=day.weekday() - 4)
    weeks, rest = divmod(days, 5)
    day += dt.timedelta(weeks=weeks)
    while rest > 0:
        day += dt.timedelta(days=1)
        rest -= day.weekday() < 5
    return day


def _sequence(rng: random.Random, sent: dt.date, today: dt.date) -> list[_Event]:
    """A plausible log; stops at `today` (the rest has not happened yet)."""
    events = [_Event(RequestEventKind.SENT, sent)]
    day = sent

    def step(kind: str, lo: int, hi: int, **extra: Any) -> bool:
        nonlocal day
        day = _business_after(day, rng.randint(lo, hi))
        if day > today:
            return False
        events.append(_Event(kind, day, **extra))
        return True

    if rng.random() < 0.05:
        return []  # a draft, never sent
    if not step(RequestEventKind.RECEIVED, 0, 2):
        return events
    if rng.random() < 0.7 and not step(RequestEventKind.ACKNOWLEDGED, 1, 5):
        return events
    if rng.random() < 0.3 and not step(RequestEventKind.NOTE, 2, 10, text=rng.choice(names.NOTES)):
        return events
    # A pause: the agency asks for something, the requester answers.
    for chance, asked, answered in (
        (0.12, RequestEventKind.CLARIFICATION_ASKED, RequestEventKind.CLARIFICATION_ANSWERED),
        (0.1, RequestEventKind.FEE_REQUESTED, RequestEventKind.FEE_PAID),
    ):
        if rng.random() < chance and not (step(asked, 2, 10) and step(answered, 1, 12)):
            return events
    if rng.random() < 0.35:
        to = _business_after(day, rng.randint(15, 40))
        if not step(
            RequestEventKind.EXTENSION, 3, 10, extended_to=to, text="The agency asked for more time."
        ):
            return events
    if rng.random() < 0.2 and not step(RequestEventKind.PARTIAL_RELEASE, 5, 20):
        return events
    if rng.random() < 0.1:
        return events  # still waiting, whatever the law says
    answer = rng.choices(
        [
            RequestEventKind.RELEASED,
            RequestEventKind.DENIED,
            RequestEventKind.NO_RECORDS,
            RequestEventKind.WITHDRAWN,
        ],
        weights=[60, 20, 15, 5],
    )[0]
    if not step(answer, 5, 45):
        return events
    if (
        answer == RequestEventKind.DENIED
        and rng.random() < 0.4
        and step(RequestEventKind.APPEAL_FILED, 3, 20)
    ):
        step(RequestEventKind.APPEAL_DECIDED, 10, 40)
    while rng.random() < 0.45:
        if not step(RequestEventKind.NOTE, 1, 15, text=rng.choice(names.NOTES)):
            break
    return events


def requests_generate(
    *, scale: float, rng: random.Random, agencies: list[Agency], requester_ids: list[int]
) -> tuple[int, int]:
    """Requests spread over agencies (busier where there is an agreement), with their logs."""
    today = LAST_PUBLISHED
    total = scaled(REQUESTS, scale, 20)
    laws = {law.state_id: law.terms() for law in RecordsLaw.objects.select_related("state")}
    with_agreements = list(
        Agency.objects.filter(agreements__isnull=False).distinct().values_list("pk", "state_id")
    )
    everyone = [(a.pk, a.state_id) for a in agencies]
    # A few agencies draw many requests (large sheriffs), most draw a handful.
    hot = with_agreements[: max(1, len(with_agreements) // 20)]
    span = (today - FIRST_DAY).days
    tz = timezone.get_current_timezone()
    logs: list[tuple[int, list[_Event]]] = []

    def request_rows() -> Iterator[dict[str, Any]]:
        for number in range(total):
            roll = rng.random()
            pool = hot if roll < 0.15 else with_agreements if roll < 0.6 else everyone
            agency_id, state_id = rng.choice(pool)
            sent = FIRST_DAY + dt.timedelta(days=int(span * rng.random() ** 0.7))
            events = _sequence(rng, sent, today)
            # The deadline arithmetic (state holidays) is the costly part: only open requests need it.
            derived = derive(events, None, today=today)
            if derived.is_open:
                derived = derive(events, laws.get(state_id), today=today)
            due = derived.due
            visibility = rng.choices(list(Visibility), weights=[85, 10, 5])[0]
            created = dt.datetime.combine(
                sent - dt.timedelta(days=rng.randint(0, 3)), dt.time(9 + number % 9), tz
            )
            logs.append((number, events))
            year = sent.year - rng.randint(0, 2)
            yield {
                "agency_id": agency_id,
                "requester_id": rng.choice(requester_ids),
                "title": rng.choice(names.REQUEST_TITLES).format(year=year),
                "records_sought": names.SOUGHT.format(topic=rng.choice(names.TOPICS), year=year),
                "letter": "",
                "visibility": visibility,
                "embargo_until": sent + dt.timedelta(days=rng.randint(30, 400))
                if visibility == Visibility.EMBARGOED
                else None,
                "tracking_number": f"R{sent:%y}-{rng.randrange(10**6):06d}" if rng.random() < 0.5 else "",
                "created_at": created,
                "updated_at": created,
                "status": derived.status,
                "received_on": derived.received,
                "due_on": due,
            }

    with connection.cursor() as cursor:
        cursor.execute("SELECT COALESCE(max(id), 0) FROM records_requests_recordsrequest")
        first_id = cursor.fetchone()[0] + 1
    requests = copy_rows(RecordsRequest, request_rows())
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id FROM records_requests_recordsrequest WHERE id >= %s ORDER BY id", [first_id]
        )
        ids = [row[0] for row in cursor.fetchall()]

    def event_rows() -> Iterator[dict[str, Any]]:
        for number, events in logs:
            for event in events:
                yield {
                    "request_id": ids[number],
                    "kind": event.kind,
                    "date": event.date,
                    "text": event.text,
                    "extended_to": event.extended_to,
                    "document": "",
                    "author_id": None,
                    "created_at": dt.datetime.combine(event.date, dt.time(12), tz),
                }

    events = copy_rows(RequestEvent, event_rows())
    return requests, events
