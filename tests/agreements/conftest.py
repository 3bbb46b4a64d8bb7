import datetime as dt

import pytest

from agreements.models import Snapshot
from tests.agreements.helpers import import_list
from tests.agreements.sheets import Link, row

MOA = Link("https://www.ice.gov/doclib/287gMOA/ClarkCoNV_TFM_MOA.pdf")


@pytest.fixture
def two_lists(db: None) -> list[Snapshot]:
    """A pending list and two participating lists: one added, one renewed, one dropped, one corrected."""
    import_list([row("Nye County Sheriff's Office", county="Nye County")], "2025-05-15", kind="pending")
    import_list(
        [
            row(signed=dt.datetime(2025, 1, 2), moa=MOA),
            row("Elko County Sheriff's Office", county="Elko County", model="Jail Enforcement Model"),
            row("Lyon County Sheriff's Office", county="Lyon County", signed=dt.datetime(2025, 4, 15)),
        ],
        "2025-05-16",
    )
    import_list(
        [
            row(signed=dt.datetime(2025, 5, 20), moa=MOA),
            row("Nye County Sheriff's Office", county="Nye County"),
            row("Lyon County Sheriff's Office", county="Lyon County", signed=dt.datetime(2025, 4, 14)),
        ],
        "2025-05-23",
    )
    return list(Snapshot.objects.in_order())
