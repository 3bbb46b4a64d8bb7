"""Fixtures shared by the whole suite. Factories are plain functions in tests/<app>/factories.py."""

from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation
from rest_framework.test import APIClient

SHARED_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


@pytest.fixture(autouse=True)
def _plain_static_storage(settings) -> None:
    # Production uses a manifest storage filled by collectstatic; tests render pages without running it.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path) -> None:
    # Uploaded and fetched documents go to a folder of the test's own, never the site's .data/media.
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _no_page_cache(settings) -> None:
    # Query budgets measure real rendering; tests/project/test_page_cache.py turns the cache back on.
    settings.PAGE_CACHE_ENABLED = False


@pytest.fixture(autouse=True)
def _english_to_start_with():
    # A request to /es/ leaves Spanish active in this thread, and reverse() would then build /es/ URLs.
    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _clear_cache() -> None:
    # Throttling and page caches live in the cache, which is Redis when REDIS_URL is set.
    cache.clear()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the real reference data (states, counties, places, ZIP codes, records laws) once per run."""
    with django_db_blocker.unblock():
        call_command("load_reference_data", verbosity=0)


@pytest.fixture
def shared_data() -> Path:
    """The real ICE sheets, MOAs and records laws in ../shared/data; skips the test where absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(
            f"real data not found at {SHARED_DATA} (it lives beside the project on dev machines and CI)"
        )
    return SHARED_DATA


@pytest.fixture
def api() -> APIClient:
    """An anonymous API client (`api.force_authenticate(user)` to act as someone)."""
    return APIClient()
