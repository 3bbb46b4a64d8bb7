"""Typed readers for environment variables. Each fails loudly on a value it cannot read."""

import os
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import dj_email_url
from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str | None = None) -> str:
    value = os.environ.get(name)
    if value is None:
        if default is None:
            raise ImproperlyConfigured(f"Set the environment variable {name} (see .env.example).")
        return default
    return value


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={value!r} is not a boolean; use true or false.")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name}={value!r} is not an integer.") from exc


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_path(name: str) -> Path | None:
    value = os.environ.get(name)
    if not value:
        return None
    return Path(value).expanduser()


# This project's earlier scheme names, still documented in the README and used by docker-compose.
_EMAIL_ALIASES = {"consolemail": "console", "memorymail": "memory", "smtp+tls": "submission"}


def email_settings(url: str) -> dict[str, Any]:
    """Django's EMAIL_* settings for an `EMAIL_URL`, read by dj-email-url, with the README's meanings kept:
    `consolemail://`, `memorymail://` and `filemail:///absolute/folder` name the console, memory and file
    backends; `smtps://` is implicit TLS (SSL, port 465 unless given); `smtp://` defaults to port 587, where
    it uses STARTTLS. dj-email-url's own schemes work too: `console://`, `submission://`, `?ssl=true`…"""
    scheme, separator, rest = url.partition("://")
    if not separator:
        raise ImproperlyConfigured(f"EMAIL_URL={url!r} is not a URL such as smtp://user:password@host:587.")
    scheme = _EMAIL_ALIASES.get(scheme, scheme)
    if scheme in {"file", "filemail"}:
        # dj-email-url drops the path's first slash (file:///a/b → a/b); keep the folder absolute.
        scheme, rest = "file", "/" + rest
    ssl = scheme == "smtps"
    if ssl:
        scheme = "smtp"  # dj-email-url reads smtps as STARTTLS and warns that the name is deprecated
    if scheme not in dj_email_url.SCHEMES:
        raise ImproperlyConfigured(
            f"EMAIL_URL scheme {scheme!r} is unknown; use one of {sorted({*dj_email_url.SCHEMES, 'filemail'})}."
        )
    conf: dict[str, Any] = dj_email_url.parse(f"{scheme}://{rest}")
    if scheme == "smtp":
        conf["EMAIL_HOST_USER"] = conf["EMAIL_HOST_USER"] or ""
        conf["EMAIL_HOST_PASSWORD"] = conf["EMAIL_HOST_PASSWORD"] or ""
        if urlsplit(url).port is None:
            conf["EMAIL_PORT"] = 465 if ssl else 587  # dj-email-url would say 25
        if ssl:
            conf.update(EMAIL_USE_SSL=True, EMAIL_USE_TLS=False)
        elif conf["EMAIL_PORT"] == 587 and not conf["EMAIL_USE_SSL"]:
            conf["EMAIL_USE_TLS"] = True
    if scheme != "file":
        conf.pop("EMAIL_FILE_PATH")
    return {key: value for key, value in conf.items() if value is not None}
