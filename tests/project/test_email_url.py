"""EMAIL_URL, read by dj-email-url through config.env.email_settings: every scheme the README documents."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.env import email_settings

SMTP = "django.core.mail.backends.smtp.EmailBackend"


@pytest.mark.parametrize(
    ("url", "backend"),
    [
        ("consolemail://", "django.core.mail.backends.console.EmailBackend"),
        ("console://", "django.core.mail.backends.console.EmailBackend"),
        ("memorymail://", "django.core.mail.backends.locmem.EmailBackend"),
        ("memory://", "django.core.mail.backends.locmem.EmailBackend"),
        ("dummy://", "django.core.mail.backends.dummy.EmailBackend"),
    ],
)
def test_local_backends(url, backend):
    assert email_settings(url)["EMAIL_BACKEND"] == backend
    assert "EMAIL_HOST" not in email_settings(url)


@pytest.mark.parametrize("url", ["filemail:///var/mail/directory", "file:///var/mail/directory"])
def test_file_backend_keeps_the_folder_absolute(url):
    settings = email_settings(url)
    assert settings["EMAIL_BACKEND"] == "django.core.mail.backends.filebased.EmailBackend"
    assert settings["EMAIL_FILE_PATH"] == "/var/mail/directory"


def test_smtp_on_587_uses_starttls_and_unquotes_the_credentials():
    settings = email_settings("smtp://alerts%40example.org:pw-for-tests-only%40%2F@mail.example.org:587")
    assert settings == {
        "EMAIL_BACKEND": SMTP,
        "EMAIL_HOST": "mail.example.org",
        "EMAIL_PORT": 587,
        "EMAIL_HOST_USER": "alerts@example.org",
        "EMAIL_HOST_PASSWORD": "pw-for-tests-only@/",
        "EMAIL_USE_TLS": True,
        "EMAIL_USE_SSL": False,
    }


def test_smtp_without_a_port_is_587_with_starttls():
    settings = email_settings("smtp://mail.example.org")
    assert (settings["EMAIL_PORT"], settings["EMAIL_USE_TLS"], settings["EMAIL_HOST_USER"]) == (587, True, "")


def test_smtp_on_25_is_plain():
    settings = email_settings("smtp://relay.internal:25")
    assert (settings["EMAIL_PORT"], settings["EMAIL_USE_TLS"], settings["EMAIL_USE_SSL"]) == (
        25,
        False,
        False,
    )


def test_smtps_is_implicit_tls_on_465():
    settings = email_settings("smtps://user:password@mail.example.org")
    assert settings["EMAIL_BACKEND"] == SMTP
    assert (settings["EMAIL_PORT"], settings["EMAIL_USE_SSL"], settings["EMAIL_USE_TLS"]) == (
        465,
        True,
        False,
    )


@pytest.mark.parametrize(
    "url", ["submission://user:password@mail.example.org", "smtp+tls://user:password@mail.example.org"]
)
def test_submission_is_starttls_on_587(url):
    settings = email_settings(url)
    assert (settings["EMAIL_PORT"], settings["EMAIL_USE_TLS"], settings["EMAIL_USE_SSL"]) == (
        587,
        True,
        False,
    )


def test_query_options_are_read():
    settings = email_settings("smtp://mail.example.org:2465?ssl=true&timeout=10")
    assert (settings["EMAIL_USE_SSL"], settings["EMAIL_USE_TLS"], settings["EMAIL_TIMEOUT"]) == (
        True,
        False,
        10,
    )


@pytest.mark.parametrize("url", ["mail.example.org", "pigeon://coop"])
def test_an_unreadable_url_fails_loudly(url):
    with pytest.raises(ImproperlyConfigured, match="EMAIL_URL"):
        email_settings(url)


def test_the_default_is_the_console(settings):
    assert settings.EMAIL_BACKEND.endswith(("console.EmailBackend", "locmem.EmailBackend"))
