from records_requests.models.alerts import AlertKind, RequestAlert
from records_requests.models.events import EventKind, RequestEvent
from records_requests.models.laws import (
    AppealKind,
    ClockStart,
    Confidence,
    DeadlineUnit,
    LastDayRule,
    RecordsLaw,
)
from records_requests.models.requests import (
    RecordsRequest,
    RecordsRequestQuerySet,
    RequestRevision,
    RequestStatus,
    Visibility,
)
from records_requests.models.sweeps import SweepAttempt, SweepRun

__all__ = [
    "AlertKind",
    "AppealKind",
    "ClockStart",
    "Confidence",
    "DeadlineUnit",
    "EventKind",
    "LastDayRule",
    "RecordsLaw",
    "RecordsRequest",
    "RecordsRequestQuerySet",
    "RequestAlert",
    "RequestEvent",
    "RequestRevision",
    "RequestStatus",
    "SweepAttempt",
    "SweepRun",
    "Visibility",
]
