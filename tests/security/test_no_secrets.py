"""No credentials committed: scan every tracked text file for the usual secret shapes."""

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PATTERNS = {
    "private key": re.compile(rb"-----BEGIN (?:RSA |EC |DSA |OPENSSH |PGP )?PRIVATE KEY( BLOCK)?-----"),
    "AWS access key": re.compile(rb"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"),
    "GitHub token": re.compile(rb"\bgh[pousr]_[A-Za-z0-9]{36,}\b"),
    "Slack token": re.compile(rb"\bxox[abprs]-[A-Za-z0-9-]{10,}\b"),
    "Google API key": re.compile(rb"\bAIza[0-9A-Za-z_-]{35}\b"),
    "URL with password": re.compile(
        rb"\b(?:postgres(?:ql)?|redis|mysql|amqp|smtps?)://[^:/\s@]+:[^@\s/]{6,}@"
    ),
    "hard-coded secret": re.compile(
        rb"""(?i)\b(?:SECRET_KEY|PASSWORD|API_KEY|TOKEN)\s*[:=]\s*["'][^"'\s]{16,}["']"""
    ),
}
# Strings the patterns match on purpose: documented placeholders and tests' own throwaway passwords.
ALLOWED = [
    re.compile(rb"://user:password@"),
    re.compile(rb"pw-for-tests-only|correct horse battery|a-long-password-\d"),
]


def tracked_files() -> list[Path]:
    out = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    return [ROOT / name.decode() for name in out.split(b"\0") if name]


def findings(content: bytes) -> list[str]:
    found = []
    for label, pattern in PATTERNS.items():
        for match in pattern.finditer(content):
            if not any(allowed.search(match.group(0)) for allowed in ALLOWED):
                found.append(f"{label}: {match.group(0)[:40]!r}")
    return found


def test_no_secrets_in_tracked_files() -> None:
    problems = []
    files = tracked_files()
    assert len(files) > 50
    for path in files:
        if path == Path(__file__).resolve() or not path.is_file() or path.stat().st_size > 5_000_000:
            continue
        content = path.read_bytes()
        if b"\0" in content[:1024]:
            continue  # binary
        problems += [f"{path.relative_to(ROOT)}: {f}" for f in findings(content)]
    assert problems == []


@pytest.mark.parametrize(
    "sample",
    [
        b"-----BEGIN RSA PRIVATE KEY-----\nMIIE",
        b"aws_key = AKIAIOSFODNN7EXAMPLE",
        b"DATABASE_URL=postgres://app:s3cr3t-pass@db:5432/app",
        b'SECRET_KEY = "k#9x!2mvq8z0w4p7r1t6y3u5"',
        b"token ghp_" + b"a" * 36,
    ],
)
def test_the_patterns_catch_secrets(sample: bytes) -> None:
    assert findings(sample)


def test_settings_take_the_secret_key_from_the_environment() -> None:
    text = (ROOT / "config" / "settings.py").read_text()
    assert re.search(r"SECRET_KEY\s*=\s*.*environ|SECRET_KEY\s*=\s*env", text)
