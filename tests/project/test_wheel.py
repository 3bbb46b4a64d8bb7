"""The wheel holds every app: built from a copy of the source, unpacked, and each app in INSTALLED_APPS is
imported from it (every module, every template compiled) in a clean interpreter that cannot see the source
tree. Slow: it builds the wheel with pip (a few seconds, more on a busy machine)."""

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.slow

ROOT = Path(settings.BASE_DIR)
SKIP = shutil.ignore_patterns(
    ".git", ".venv", ".data", "build", "*.egg-info", "__pycache__", ".*_cache", ".hypothesis", "staticfiles",
    "media", "backups", "node_modules",
)  # fmt: skip
PACKAGE_DATA_DIRS = ("templates", "static", "data")

# Runs in the clean interpreter: argv[1] is the unpacked wheel, argv[2] the project's apps as JSON.
CHECK = """
import importlib, json, pkgutil, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import django
django.setup()
from django.apps import apps
from django.template.loader import get_template
report = {}
for name in json.loads(sys.argv[2]):
    config = apps.get_app_config(name.rpartition(".")[2])
    package = importlib.import_module(config.name)
    files = [package.__file__]
    for module in pkgutil.walk_packages(package.__path__, f"{config.name}."):
        files.append(importlib.import_module(module.name).__file__)
    templates = Path(config.path) / "templates"
    for template in templates.rglob("*.*"):
        get_template(str(template.relative_to(templates)))  # compiles it: syntax and {% load %} libraries
    report[config.name] = {"files": files, "templates": len(list(templates.rglob("*.*")))}
print(json.dumps(report))
"""


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    shutil.copytree(ROOT, work / "src", ignore=SKIP)
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", str(work / "src"), "-w", str(work)],
        check=True,
        capture_output=True,
    )
    (wheel,) = work.glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(work / "site")
    return work / "site"


def project_apps() -> list[str]:
    return [app for app in settings.INSTALLED_APPS if (ROOT / app.split(".")[0] / "__init__.py").exists()]


def test_every_project_package_is_in_the_wheel(unpacked: Path) -> None:
    packages = {p.parent.name for p in ROOT.glob("*/__init__.py")} - {"tests", "bench", "e2e", "scripts"}
    missing = sorted(p for p in packages if not (unpacked / p / "__init__.py").exists())
    assert not missing, f"pyproject.toml [tool.setuptools.packages.find] leaves out {missing}"


def test_every_template_static_and_data_file_is_in_the_wheel(unpacked: Path) -> None:
    expected = [
        path.relative_to(ROOT)
        for app in project_apps()
        for folder in PACKAGE_DATA_DIRS
        for path in (ROOT / app / folder).rglob("*")
        if path.is_file() and path.suffix not in {".py", ".pyc", ".md"} and "__pycache__" not in path.parts
    ]
    missing = [str(path) for path in expected if not (unpacked / path).exists()]
    assert expected
    assert not missing, f"pyproject.toml [tool.setuptools.package-data] leaves out {missing}"


def test_each_app_imports_from_the_wheel(unpacked: Path, tmp_path: Path) -> None:
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "SECRET_KEY": "wheel-test",
        "DEBUG": "false",
        "DATABASE_URL": "postgres://wheel@127.0.0.1:1/unused",  # never opened
    }
    result = subprocess.run(
        [sys.executable, "-I", "-c", CHECK, str(unpacked), json.dumps(project_apps())],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert sorted(report) == sorted(project_apps())
    for app, found in report.items():
        outside = [f for f in found["files"] if not Path(f).resolve().is_relative_to(unpacked.resolve())]
        assert not outside, f"{app} was imported from outside the wheel: {outside[:3]}"
        if (ROOT / app / "templates").is_dir():
            assert found["templates"], f"{app} has templates in the source but none in the wheel"
