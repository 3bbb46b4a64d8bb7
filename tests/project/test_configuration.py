"""The deployable pieces: environment documentation, docker-compose, production settings."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent.parent


def _documented_variables() -> set[str]:
    text = (ROOT / ".env.example").read_text()
    return set(re.findall(r"^([A-Z_]+)=", text, re.MULTILINE))


def test_every_variable_the_settings_read_is_documented():
    source = (ROOT / "config" / "settings.py").read_text()
    read = set(re.findall(r'env_\w+\("([A-Z_]+)"', source)) | set(
        re.findall(r'os\.environ(?:\.get)?[\(\[]"([A-Z_]+)"', source)
    )
    assert read, "the settings read no variables?"
    assert read - _documented_variables() == set()


def test_readme_lists_every_documented_variable():
    readme = (ROOT / "README.md").read_text()
    missing = {name for name in _documented_variables() if f"`{name}`" not in readme}
    assert missing == set()


def test_compose_runs_the_production_stack():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    services = compose["services"]
    assert {"postgres", "redis", "web", "worker", "beat"} <= set(services)
    assert "gunicorn" in services["web"]["command"]
    assert "worker" in services["worker"]["command"]
    assert "beat" in services["beat"]["command"]
    for name in ("web", "worker", "beat"):
        env = services[name]["environment"]
        assert env["DATABASE_URL"].startswith("postgres://")
        assert env["REDIS_URL"].startswith("redis://")


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("docker-compose") is None, reason="docker-compose is not installed here")
def test_docker_compose_accepts_the_file(tmp_path):
    env = {**os.environ, "POSTGRES_PASSWORD": "example", "SECRET_KEY": "example"}
    result = subprocess.run(
        ["docker-compose", "-f", str(ROOT / "docker-compose.yml"), "config", "-q"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.slow
def test_production_settings_pass_the_deploy_check():
    env = {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": "a-long-random-production-key-" + "x" * 40,
        "ALLOWED_HOSTS": "directory.example.org",
        "SECURE_SSL_REDIRECT": "true",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_production_refuses_to_start_without_a_secret_key():
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"} | {"DEBUG": "false"}
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='config.settings'; django.setup()",
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
