from policies.models.policy import Policy, PolicyQuerySet, PolicyStatus
from policies.models.revision import PolicyRevision
from policies.models.source import Citation, DatePrecision, Source
from policies.models.state_laws import (
    AppliesTo,
    Confidence,
    StateLaw,
    StateLawEffect,
    StateLawKind,
    StateLawQuerySet,
    StateLawRevision,
    StateLawTopic,
    agency_kinds_bound,
)

__all__ = [
    "AppliesTo",
    "Citation",
    "Confidence",
    "DatePrecision",
    "Policy",
    "PolicyQuerySet",
    "PolicyRevision",
    "PolicyStatus",
    "Source",
    "StateLaw",
    "StateLawEffect",
    "StateLawKind",
    "StateLawQuerySet",
    "StateLawRevision",
    "StateLawTopic",
    "agency_kinds_bound",
]
