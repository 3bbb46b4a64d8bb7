"""Bounded fuzz of every read endpoint from the OpenAPI schema, in-process against the WSGI app.

schemathesis generates parameters (valid and invalid) from /api/schema/ and checks each answer: no 5xx,
and, for the endpoints in config/ and the apps' `api/` packages that this suite owns, status code, content
type and body exactly as the schema documents them (a schema-valid request must not be a 400). Other
endpoints (deadline, policies) are held to "no 5xx" here; their own suites check their details. A few
examples per operation keeps the fuzz itself well under a minute on a 2-core machine.

The examples are derandomized, so every run (and CI) sends the same requests and a failure reproduces;
`FUZZ_RANDOM=1` draws new ones each run, for exploring (it found `?agency=²` and NUL characters in `q`).
"""

import os
import time
from datetime import date

import pytest
import schemathesis
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.core.result import Ok
from schemathesis.specs.openapi.checks import ignored_auth, positive_data_acceptance

from config.wsgi import application
from tests.agreements.factories import make_agreement, make_listing, make_snapshot
from tests.jurisdictions import factories

pytestmark = [pytest.mark.django_db, pytest.mark.fuzz]

EXAMPLES_PER_OPERATION = 8
FUZZ_BUDGET_SECONDS = 60
FULLY_CHECKED = (
    "/api/v1/states/",
    "/api/v1/counties/",
    "/api/v1/agencies/",
    "/api/v1/agreements/",
    "/api/v1/snapshots/",
    "/api/v1/records-requests/",
)


@pytest.fixture
def keep_connection():
    """Like Django's test client: the WSGI handler must not close the connection holding the test's
    transaction at the end of each request."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def some_data() -> None:
    sheriff = factories.agency("Clark County Sheriff")
    agreement = make_agreement(sheriff, signed=date(2025, 2, 1))
    make_listing(make_snapshot(date(2025, 5, 16)), agreement)


def read_operations():
    schema = schemathesis.openapi.from_wsgi("/api/schema/", application, config=SchemathesisConfig())
    for result in schema.get_all_operations():
        assert isinstance(result, Ok), f"unusable operation in the schema: {result}"
        operation = result.ok()
        if operation.method.upper() == "GET":
            yield operation


def fuzz(operation) -> None:
    fully_checked = operation.path.startswith(FULLY_CHECKED)

    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        database=None,
        derandomize=not os.environ.get("FUZZ_RANDOM"),
        phases=[Phase.explicit, Phase.generate, Phase.shrink],
        suppress_health_check=list(HealthCheck),
    )
    def check(case) -> None:
        cache.clear()  # the anonymous throttle would otherwise answer 429 after 120 requests
        # In-process WSGI calls are not decompressed: ask for the plain body (GZipMiddleware is on).
        headers = {"Accept-Encoding": "identity"}
        if fully_checked:
            case.call_and_validate(headers=headers)
        else:
            case.call_and_validate(headers=headers, checks=[not_a_server_error])

    check()


def test_fuzz_read_endpoints(some_data, keep_connection):
    operations = list(read_operations())
    assert len(operations) >= 14
    started = time.monotonic()
    for operation in operations:
        fuzz(operation)
    assert time.monotonic() - started < FUZZ_BUDGET_SECONDS * 2, "fuzz too slow: lower EXAMPLES_PER_OPERATION"


@pytest.fixture
def organizer_token(db) -> str:
    from django.contrib.auth.models import User

    from api_tokens.tokens import token_create

    organizer = User.objects.create_user("fuzzer", "fuzzer@example.org")
    return token_create(user=organizer, days=1)[1]


def test_stateful_phase_on_the_records_requests_api(some_data, keep_connection, organizer_token):
    """schemathesis' stateful phase: it chains operations through the links it infers from the schema
    (create a request, then read it, change it, log an event on it) as a signed-in organizer, and checks
    every answer against the schema. The token endpoints are left out: rotating or revoking the token
    would sign the machine out halfway."""
    # Valid data only: negative cases (an empty `?format=`, `?page=` with CSV, which ignores pages) find
    # leniencies, not faults; the read fuzz above and tests/api check 400s one by one.
    config = SchemathesisConfig.from_dict({"generation": {"mode": "positive"}})
    full = schemathesis.openapi.from_wsgi("/api/schema/", application, config=config)
    base = full.include(path_regex="^/api/v1/(records-requests|agencies|deadline)").as_state_machine()
    agency_pk = factories.agency("Washoe County Sheriff").pk

    class Organizer(base):  # type: ignore[valid-type, misc]
        def setup(self) -> None:
            cache.clear()  # throttles

        def before_call(self, case) -> None:
            # A real agency, so that creating a request succeeds and the links from it are followed.
            # Only an id already drawn as an integer is replaced, so a negative case stays negative.
            body = case.body
            creating = case.method.upper() == "POST" and case.path == "/api/v1/records-requests/"
            if creating and isinstance(body, dict) and type(body.get("agency")) is int:
                body["agency"] = agency_pk

        def get_call_kwargs(self, case) -> dict:
            return {"headers": {"Authorization": f"Token {organizer_token}", "Accept-Encoding": "identity"}}

        def validate_response(self, response, case, additional_checks=None, **kwargs) -> None:
            # Every check but two. "A schema-valid request is accepted": an agency id that exists nowhere, or
            # `null` sent for a date in a form body (forms cannot say null), is rightly a 400 here. "Invalid
            # auth is refused": this machine signs every call in (tests/security covers 401s).
            case.validate_response(
                response, excluded_checks=[positive_data_acceptance, ignored_auth], transport_kwargs=kwargs
            )

    Organizer.run(
        settings=settings(
            max_examples=40,  # enough runs that the machine reliably reaches the create call
            stateful_step_count=6,
            deadline=None,
            database=None,
            derandomize=not os.environ.get("FUZZ_RANDOM"),
            suppress_health_check=list(HealthCheck),
        )
    )
    from records_requests.models import RecordsRequest

    created = RecordsRequest.objects.filter(requester__username="fuzzer")
    assert created.exists(), "the machine never created a request: its links were not exercised"
