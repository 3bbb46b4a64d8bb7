from alerts.models.events import (
    AGREEMENT_KINDS,
    POLICY_KINDS,
    AlertKind,
    Checkpoint,
    Delivery,
    Event,
    EventQuerySet,
)
from alerts.models.subscriptions import Subscription, SubscriptionQuerySet

__all__ = [
    "AGREEMENT_KINDS",
    "POLICY_KINDS",
    "AlertKind",
    "Checkpoint",
    "Delivery",
    "Event",
    "EventQuerySet",
    "Subscription",
    "SubscriptionQuerySet",
]
