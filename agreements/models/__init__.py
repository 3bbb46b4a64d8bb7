"""Snapshots of ICE's lists, their rows (listings), the agreements derived from them, and merge records."""

from agreements.models.agreements import Agreement, AgreementQuerySet, AgreementStatus, SupportModel
from agreements.models.downloads import IceDownloadFailure
from agreements.models.merges import AgencyMerge, AgreementMerge
from agreements.models.reviews import AgencyReview
from agreements.models.snapshots import DateSource, Listing, Snapshot, SnapshotKind, SnapshotStatus

__all__ = [
    "AgencyMerge",
    "AgencyReview",
    "Agreement",
    "AgreementMerge",
    "AgreementQuerySet",
    "AgreementStatus",
    "DateSource",
    "IceDownloadFailure",
    "Listing",
    "Snapshot",
    "SnapshotKind",
    "SnapshotStatus",
    "SupportModel",
]
