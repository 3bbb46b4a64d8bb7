"""Browser tests: Debian's Chromium, driven by Playwright, against the site served by a live Django server.

Why not pytest-django's `live_server` fixture as is: it pulls in `transactional_db`, whose teardown
truncates every table, so the reference data (3,235 counties, 41,076 ZIP codes) would have to be loaded again
for every test. Here one server (pytest-django's own LiveServer class) runs for the session over the test
database that `django_db_setup` filled once; each test runs with the database unblocked and autocommitting,
so the server thread sees its rows, and `make_agency` deletes what it created.
"""

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db.backends.base.creation import TEST_DATABASE_PREFIX

from e2e.browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    PHONE,
    Browser,
    BrowserContext,
    Page,
    Viewport,
    missing_requirement,
)
from jurisdictions.models import Agency, ZipCode
from tests.jurisdictions import factories


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    reason = missing_requirement()
    if reason is None:
        return
    here = config.rootpath / "e2e"
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.skip(reason=f"browser tests skipped: {reason}"))


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, django_db_keepdb, request):
    """The test database with the reference data, made here when pytest-django did not make it.

    pytest-django creates the test database only when some collected test is marked django_db or asks for a
    db fixture, and these tests do neither (see the module docstring): run alone, they would otherwise
    talk to the real database in DATABASE_URL.
    """
    from django.db import connection
    from django.test.utils import setup_databases, teardown_databases

    made_here = None
    with django_db_blocker.unblock():
        if not _is_test_database(connection.settings_dict):
            made_here = setup_databases(
                verbosity=request.config.option.verbose,
                interactive=False,
                keepdb=django_db_keepdb,
                aliases={"default": False},
            )
        if not ZipCode.objects.filter(code="89101").exists():
            call_command("load_reference_data", verbosity=0)
    yield
    with django_db_blocker.unblock():
        _end_other_sessions()  # whoever drops the test database next, it must be free
        if made_here is not None and not django_db_keepdb:
            teardown_databases(made_here, verbosity=request.config.option.verbose)


def _is_test_database(db: dict[str, Any]) -> bool:
    return db["NAME"] == db["TEST"].get("NAME") or str(db["NAME"]).startswith(TEST_DATABASE_PREFIX)


def _end_other_sessions() -> None:
    """End connections to the test database that Django lost track of, so DROP DATABASE can run.

    ORM calls made while Playwright's loop ran may have used a connection Django's registry no longer
    reaches from here; the test database belongs to this run alone, so ending them is safe.
    """
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
    connection.close()


@pytest.fixture(autouse=True)
def _committed_db(django_db_setup, django_db_blocker) -> Iterator[None]:
    # The server thread reads with its own connection: rows must be committed, not held in a test transaction.
    from django.db import connections

    with django_db_blocker.unblock():
        yield
        # Calls made while Playwright's loop runs get their own connection (Django keys connections by
        # context); close it here or it outlives the run and blocks DROP DATABASE.
        connections.close_all()


@pytest.fixture(autouse=True)
def _plain_static_storage(settings) -> None:
    # As in tests/conftest.py: pages render without collectstatic's manifest. Settings are process-wide,
    # so the server thread sees this too.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _clear_cache() -> None:
    cache.clear()


@pytest.fixture(scope="session")
def site_url(django_db_setup) -> Iterator[str]:
    """The live server's base URL (http://localhost:<free port>), for the whole session."""
    from django.conf import settings
    from pytest_django.live_server_helper import LiveServer

    # Chromium keeps connections alive, so a request thread (and a persistent database connection in it)
    # can outlive the browser by a moment, and DROP DATABASE at the end of the run would find it there.
    database = settings.DATABASES["default"]
    conn_max_age = database.get("CONN_MAX_AGE", 0)
    database["CONN_MAX_AGE"] = 0
    server = LiveServer("localhost")
    server._live_server_modified_settings.enable()
    try:
        yield server.url
    finally:
        server._live_server_modified_settings.disable()
        server.stop()
        database["CONN_MAX_AGE"] = conn_max_age


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """One Chromium per module (about a second to start).

    Playwright's sync API keeps an asyncio loop running in this thread, and Django refuses ORM calls while
    a loop runs; the calls here are ordinary synchronous ones, so they are allowed for as long as the browser
    lives, and no longer: module scope keeps that from leaking into tests that run after.
    """
    from playwright.sync_api import sync_playwright

    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def viewport() -> Viewport:
    """Phone-sized unless a test parametrizes `viewport`."""
    return PHONE


@pytest.fixture
def offsite_requests() -> list[str]:
    """URLs the page tried to fetch from anywhere but the live server (they are blocked)."""
    return []


@pytest.fixture
def context(
    browser: Browser, site_url: str, viewport: Viewport, offsite_requests: list[str]
) -> Iterator[BrowserContext]:
    ctx = browser.new_context(
        base_url=site_url,
        viewport={"width": viewport.width, "height": viewport.height},
        is_mobile=viewport.is_mobile,
        has_touch=viewport.is_mobile,
        locale="en-US",
    )
    ctx.set_default_timeout(10_000)

    def only_the_live_server(route: Any) -> None:
        url = route.request.url
        if url.startswith(site_url) or url.startswith("data:"):
            route.continue_()
        else:
            offsite_requests.append(url)
            route.abort()

    ctx.route("**/*", only_the_live_server)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()


@pytest.fixture
def make_agency() -> Iterator[Callable[..., Agency]]:
    """tests.jurisdictions.factories.agency, committed; every agency made is deleted after the test."""
    made: list[Agency] = []

    def make(*args: Any, **kwargs: Any) -> Agency:
        agency = factories.agency(*args, **kwargs)
        made.append(agency)
        return agency

    yield make
    Agency.objects.filter(pk__in=[agency.pk for agency in made]).delete()


@pytest.fixture
def make_agreement(make_agency: Callable[..., Agency]) -> Iterator[Callable[..., Any]]:
    """An active JEM agreement (signed 2025-02-01) for a new agency; deleted after the test, before it."""
    from agreements.models import Agreement

    made: list[Agreement] = []

    def make(agency_name: str, **fields: Any) -> Agreement:
        values: dict[str, Any] = {"model": "JEM", "status": "active", "signed": date(2025, 2, 1), **fields}
        agreement = Agreement.objects.create(agency=make_agency(agency_name), **values)
        made.append(agreement)
        return agreement

    yield make
    Agreement.objects.filter(pk__in=[agreement.pk for agreement in made]).delete()


@pytest.fixture
def make_request(make_agency: Callable[..., Agency]) -> Iterator[Callable[..., Any]]:
    """A public records request sent on 2026-03-02 by a new organizer (password "pw-for-e2e-only")."""
    from django.contrib.auth.models import User

    from records_requests.models import RecordsRequest
    from records_requests.services import request_create

    requests: list[RecordsRequest] = []
    users: list[User] = []

    def make(username: str, agency_name: str, **fields: Any) -> RecordsRequest:
        user = User.objects.create_user(
            username=username, email=f"{username}@example.org", password="pw-for-e2e-only"
        )
        users.append(user)
        fields.setdefault("title", "287(g) agreement and ICE communications")
        fields.setdefault("records_sought", "The 287(g) MOA and all emails with ICE since 2025.")
        fields.setdefault("sent_on", date(2026, 3, 2))
        records_request = request_create(requester=user, agency=make_agency(agency_name), **fields)
        requests.append(records_request)
        return records_request

    yield make
    RecordsRequest.objects.filter(pk__in=[r.pk for r in requests]).delete()
    User.objects.filter(pk__in=[u.pk for u in users]).delete()
