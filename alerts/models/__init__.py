from alerts.models.events import (
    AGREEMENT_KINDS,
    POLICY_KINDS,
    Checkpoint,
    Delivery,
    Event,
    EventKind,
    EventQuerySet,
)
from alerts.models.subscriptions import Subscription, SubscriptionQuerySet

__all__ = [
    "AGREEMENT_KINDS",
    "POLICY_KINDS",
    "Checkpoint",
    "Delivery",
    "Event",
    "EventKind",
    "EventQuerySet",
    "Subscription",
    "SubscriptionQuerySet",
]
