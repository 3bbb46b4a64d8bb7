"""Fixtures shared by the whole suite. Factories are plain functions in tests/<app>/factories.py."""

import hashlib
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.utils import translation
from rest_framework.test import APIClient

PROJECT = Path(__file__).resolve().parent.parent
SHARED_DATA = PROJECT.parent / "shared" / "data"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings) -> None:
    # Django's default PBKDF2 (a million iterations, ~0.3 s a hash here) is for real passwords; the suite
    # creates and logs in hundreds of users. What hashing a password must do is Django's to test, not ours.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


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


# What load_reference_data reads: the apps that load reference data, their code and data files.
REFERENCE_APPS = ("jurisdictions", "records_requests", "policies")


def _reference_fingerprint() -> str:
    digest = hashlib.sha256()
    for app in REFERENCE_APPS:
        for path in sorted((PROJECT / app).rglob("*")):
            if (
                path.is_file()
                and (path.suffix == ".py" or "data" in path.parts)
                and "tests" not in path.parts
            ):
                digest.update(str(path.relative_to(PROJECT)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the real reference data (states, counties, places, ZIP codes, laws, seeds) once per run.

    A database kept with --reuse-db remembers (in its PostgreSQL comment) the fingerprint of the code and
    files it was loaded from, and is loaded again only when they changed: a few seconds saved per run
    and per xdist worker.
    """
    fingerprint = _reference_fingerprint()
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = current_database()"
        )
        (loaded,) = cursor.fetchone()
        cursor.execute("SELECT EXISTS (SELECT 1 FROM jurisdictions_state)")
        (has_states,) = cursor.fetchone()
        if loaded != f"reference-data {fingerprint}" or not has_states:
            call_command("load_reference_data", verbosity=0)
            name = connection.ops.quote_name(connection.settings_dict["NAME"])
            cursor.execute(f"COMMENT ON DATABASE {name} IS 'reference-data {fingerprint}'")


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
