from policies.models.policy import Policy, PolicyQuerySet, PolicyStatus
from policies.models.revision import PolicyRevision
from policies.models.source import Citation, DatePrecision, Source

__all__ = [
    "Citation",
    "DatePrecision",
    "Policy",
    "PolicyQuerySet",
    "PolicyRevision",
    "PolicyStatus",
    "Source",
]
