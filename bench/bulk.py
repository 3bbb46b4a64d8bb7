"""Bulk writes without per-row foreign-key checks, where the database role allows it.

Django's foreign keys are DEFERRABLE INITIALLY DEFERRED: every inserted row queues one trigger per key,
all fired at COMMIT. For the generator's millions of rows, whose ids all come from joins on existing
rows, that is minutes of checks proving nothing. A superuser (the embedded server's `postgres`, a
development server's) may skip them for one transaction with `session_replication_role = replica`;
any other role simply pays for the checks.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import DatabaseError, connection, transaction


@contextmanager
def bulk_load() -> Iterator[bool]:
    """A transaction in which foreign-key triggers are off if permitted; yields whether they are."""
    with transaction.atomic():
        try:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("SET LOCAL session_replication_role = replica")
            skipped = True
        except DatabaseError:
            skipped = False
        yield skipped
