from records_requests.models.events import RequestEvent, RequestEventKind
from records_requests.models.laws import (
    AppealKind,
    ClockStart,
    Confidence,
    DeadlineUnit,
    LastDayRule,
    RecordsLaw,
)
from records_requests.models.reminders import ReminderKind, RequestReminder
from records_requests.models.requests import (
    RecordsRequest,
    RecordsRequestQuerySet,
    RequestRevision,
    RequestStatus,
    Visibility,
)
from records_requests.models.sweeps import SweepAttempt, SweepRun

__all__ = [
    "AppealKind",
    "ClockStart",
    "Confidence",
    "DeadlineUnit",
    "LastDayRule",
    "RecordsLaw",
    "RecordsRequest",
    "RecordsRequestQuerySet",
    "ReminderKind",
    "RequestEvent",
    "RequestEventKind",
    "RequestReminder",
    "RequestRevision",
    "RequestStatus",
    "SweepAttempt",
    "SweepRun",
    "Visibility",
]
