from datetime import date

import pytest

from agreements import ice_download
from agreements.models import Snapshot
from agreements.tasks import import_current_ice_lists
from tests.agreements.sheets import row, xlsx

pytestmark = pytest.mark.django_db


def test_task_imports_the_current_lists_once(monkeypatch: pytest.MonkeyPatch) -> None:
    url = "https://www.ice.gov/doclib/about/offices/ero/287g/participatingAgencies07092025am.xlsx"
    data = xlsx([row()])  # built once: the workbook's own timestamps would make each build differ
    found = ice_download.Downloaded(
        url, data, url.rsplit("/", 1)[-1], "participating", None, date(2025, 7, 10)
    )
    monkeypatch.setattr(ice_download, "current_lists", lambda: [found])
    first = import_current_ice_lists.run()
    second = import_current_ice_lists.run()
    assert first == ["participatingAgencies07092025am.xlsx: accepted"]
    assert second[0].startswith("participatingAgencies07092025am.xlsx: unchanged")
    assert Snapshot.objects.count() == 1


def test_task_retries_on_network_errors() -> None:
    assert ice_download.DownloadError in import_current_ice_lists.autoretry_for
