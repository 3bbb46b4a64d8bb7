"""The database going away in the middle of an ICE list import: nothing half-written, a retry works.

The failure is injected in `history_recompute`, the last step, after the Snapshot, the Listings and any
new agencies were written in the import's transaction.
"""

import threading
from typing import Any

import psycopg
import pytest
from django.db import InterfaceError, OperationalError, connection, connections

from agreements import services
from agreements.models import Agreement, Listing, Snapshot
from jurisdictions.models import Agency
from tests.agreements.helpers import day
from tests.agreements.sheets import row, xlsx

pytestmark = pytest.mark.django_db
ROWS = [row(f"Fault Town {n} Police Department", type="Municipality", county="#N/A") for n in range(12)]
DATA = xlsx(ROWS, marker="fault test")


def run_import() -> services.ImportResult:
    return services.snapshot_import(
        data=DATA, file_name="participatingAgencies.xlsx", published=day("2026-01-05")
    )


def assert_nothing_written(agencies_before: int) -> None:
    assert not Snapshot.objects.exists()
    assert not Listing.objects.exists()
    assert not Agreement.objects.exists()
    assert Agency.objects.count() == agencies_before


def test_operational_error_rolls_back_the_whole_import(monkeypatch: pytest.MonkeyPatch) -> None:
    agencies_before = Agency.objects.count()

    def gone(**kwargs: Any) -> None:
        assert Listing.objects.count() == 12  # the failure really comes after the writes
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(services, "history_recompute", gone)
    with pytest.raises(OperationalError):
        run_import()
    assert_nothing_written(agencies_before)
    monkeypatch.undo()
    result = run_import()
    assert result.status == "accepted"
    assert Listing.objects.count() == 12
    assert Agreement.objects.count() == 12


def test_backend_terminated_mid_import(monkeypatch: pytest.MonkeyPatch) -> None:
    """The import runs in a thread, on its own connection outside the test's transaction, so that its
    backend can be killed with pg_terminate_backend from a second connection, as a server restart would."""
    agencies_before = Agency.objects.count()
    original = services.history_recompute
    params = connection.get_connection_params()
    errors: list[BaseException] = []

    def kill_my_backend(**kwargs: Any) -> None:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            pid = cursor.fetchone()[0]
        with psycopg.connect(**params, autocommit=True) as killer:
            killer.execute("SELECT pg_terminate_backend(%s)", [pid])
        original(**kwargs)

    def importer() -> None:
        try:
            run_import()
        except BaseException as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    monkeypatch.setattr(services, "history_recompute", kill_my_backend)
    thread = threading.Thread(target=importer)
    thread.start()
    thread.join(timeout=60)
    assert not thread.is_alive()
    assert len(errors) == 1 and isinstance(errors[0], OperationalError | InterfaceError)
    # Read from the test's own connection: the killed transaction's rows were never committed.
    assert_nothing_written(agencies_before)
    monkeypatch.undo()
    assert run_import().status == "accepted"
    assert Listing.objects.count() == 12
