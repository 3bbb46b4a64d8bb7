"""`import_ice_sheets --from-ice` when ice.gov fails: a clear non-zero exit, and nothing imported."""

import io
import logging
import urllib.error
import urllib.request
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from agreements.management.commands.import_ice_sheets import Command
from agreements.models import IceDownloadFailure, Snapshot

pytestmark = pytest.mark.django_db
PAGE = "https://www.ice.gov/identify-and-arrest/287g"


class FakeResponse(io.BytesIO):
    def __enter__(self) -> "FakeResponse":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def refuse(*args: Any, **kwargs: Any) -> Any:
    raise urllib.error.URLError("[Errno 111] Connection refused")


def server_error(*args: Any, **kwargs: Any) -> Any:
    raise urllib.error.HTTPError(PAGE, 500, "Internal Server Error", {}, None)  # type: ignore[arg-type]


def page_without_links(*args: Any, **kwargs: Any) -> Any:
    return FakeResponse(b"<html><body><p>Site maintenance</p><a href='/news'>news</a></body></html>")


@pytest.fixture(autouse=True)
def page_url(settings: Any) -> None:
    settings.ICE_287G_PAGE_URL = PAGE


@pytest.mark.parametrize(
    ("urlopen", "expected"),
    [
        (refuse, "Connection refused"),
        (server_error, "HTTP Error 500"),
        (page_without_links, "no participating or pending .xlsx link"),
    ],
)
def test_command_fails_with_a_clear_message(
    monkeypatch: pytest.MonkeyPatch, urlopen: Any, expected: str
) -> None:
    monkeypatch.setattr(urllib.request, "urlopen", urlopen)
    with pytest.raises(CommandError) as failure:
        call_command("import_ice_sheets", "--from-ice")
    assert str(failure.value).startswith("download failed:")
    assert expected in str(failure.value)
    assert PAGE in str(failure.value)
    assert not Snapshot.objects.exists()


def test_command_exit_status_is_non_zero(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    command = Command(stdout=io.StringIO(), stderr=io.StringIO())
    with pytest.raises(SystemExit) as exit_:
        command.run_from_argv(["manage.py", "import_ice_sheets", "--from-ice"])
    assert exit_.value.code == 1


def test_the_task_retries_on_download_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    from agreements import ice_download
    from agreements.tasks import import_current_ice_lists

    monkeypatch.setattr(urllib.request, "urlopen", server_error)
    assert ice_download.DownloadError in import_current_ice_lists.autoretry_for
    with pytest.raises(ice_download.DownloadError):
        import_current_ice_lists.run()


def test_failure_is_logged_and_shown_to_editors(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    with caplog.at_level(logging.WARNING), pytest.raises(CommandError):
        call_command("import_ice_sheets", "--from-ice")
    assert any(
        r.name.startswith("agreements") and "Connection refused" in r.getMessage() for r in caplog.records
    )
    failure = IceDownloadFailure.objects.get()
    assert "Connection refused" in failure.message
    assert not failure.resolved
