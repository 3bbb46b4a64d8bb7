"""Imports run one way (docs/architecture.md): core at the bottom, then jurisdictions, then the apps that use
it, then pages and api; config wires them. Each test parses the source (nothing is imported) and names the
module, the line and the import that breaks a rule."""

import ast
from collections.abc import Iterator
from pathlib import Path

from django.apps import apps
from django.conf import settings

from agreements.models import AgreementStatus

ROOT = Path(settings.BASE_DIR)
NOT_APPS = {"tests", "bench", "e2e", "scripts"}
PACKAGES = sorted(p.parent.name for p in ROOT.glob("*/__init__.py") if p.parent.name not in NOT_APPS)
TOP = {"pages", "api"}
CONFIG_MAY_IMPORT_APPS = {"urls.py", "settings.py", "celery_app.py"}


def modules(package: str) -> Iterator[Path]:
    yield from sorted((ROOT / package).rglob("*.py"))


def project_imports(path: Path) -> Iterator[tuple[int, str]]:
    """(line, module) for every import of a project package in `path`, at any depth (function bodies too)."""
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        for name in names:
            if name.split(".")[0] in PACKAGES:
                yield node.lineno, name


def breaches(package: str, allowed: set[str]) -> list[str]:
    return [
        f"{path.relative_to(ROOT)}:{line} imports {name}"
        for path in modules(package)
        for line, name in project_imports(path)
        if name.split(".")[0] not in {package, *allowed}
    ]


def test_the_packages_are_found() -> None:
    assert {"core", "config", "jurisdictions", "agreements", "pages", "api"} <= set(PACKAGES)


def test_jurisdictions_imports_no_other_app() -> None:
    found = breaches("jurisdictions", {"core"})
    assert not found, (
        "jurisdictions is the reference layer: it may import only itself, core, Django and third-party "
        "packages. Apps above it register what they add (jurisdictions/extensions.py):\n" + "\n".join(found)
    )


def test_core_imports_no_app() -> None:
    found = breaches("core", set())
    assert not found, "core is shared plumbing and imports no app:\n" + "\n".join(found)


def test_only_urls_settings_and_celery_in_config_import_apps() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{line} imports {name}"
        for path in modules("config")
        if path.name not in CONFIG_MAY_IMPORT_APPS
        for line, name in project_imports(path)
        if name.split(".")[0] != "config"
    ]
    assert not found, (
        f"config/ wires settings, URLs and Celery; only {sorted(CONFIG_MAY_IMPORT_APPS)} import apps:\n"
        + "\n".join(found)
    )


def test_nothing_below_the_top_imports_pages_or_api() -> None:
    found = [
        breach
        for package in PACKAGES
        if package not in TOP | {"config"}
        for breach in breaches(package, set(PACKAGES) - TOP)
    ]
    assert not found, "pages and api are the top of the stack; only config includes them:\n" + "\n".join(
        found
    )


def test_apps_do_not_import_each_other_in_a_cycle() -> None:
    edges = {
        package: {name.split(".")[0] for path in modules(package) for _line, name in project_imports(path)}
        - {package}
        for package in PACKAGES
    }

    def path_back(start: str, to: str, seen: tuple[str, ...]) -> tuple[str, ...] | None:
        for step in sorted(edges[start]):
            if step == to:
                return (*seen, step)
            if step not in seen:
                found = path_back(step, to, (*seen, step))
                if found:
                    return found
        return None

    cycles: dict[frozenset[str], str] = {}
    for package in PACKAGES:
        if cycle := path_back(package, package, (package,)):
            cycles.setdefault(frozenset(cycle), " → ".join(cycle))
    assert not cycles, "apps import each other in a cycle:\n" + "\n".join(cycles.values())


def upper_lookups() -> set[str]:
    """Names by which a jurisdictions model reaches a model of another app (reverse relations)."""
    return {
        relation.field.related_query_name()
        for model in apps.get_app_config("jurisdictions").get_models()
        for relation in model._meta.related_objects
        if relation.related_model._meta.app_label != "jurisdictions"  # type: ignore[union-attr]
    }


def test_jurisdictions_does_not_reach_up_through_strings() -> None:
    lookups = upper_lookups()
    statuses = set(AgreementStatus.values)
    found = []
    for path in modules("jurisdictions"):
        if "migrations" in path.parts:
            continue
        tree = ast.parse(path.read_text(), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                head = node.value.split("__")[0]
                if head in lookups and (node.value == head or node.value.startswith(f"{head}__")):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno} looks up {node.value!r}")
            if isinstance(node, ast.keyword) and node.arg and node.arg.split("__")[0] in lookups:
                found.append(f"{path.relative_to(ROOT)}:{node.value.lineno} looks up {node.arg}=…")
            if isinstance(node, ast.keyword) and node.arg and "status" in node.arg:
                for value in ast.walk(node.value):
                    if isinstance(value, ast.Constant) and value.value in statuses:
                        found.append(
                            f"{path.relative_to(ROOT)}:{value.lineno} hard-codes the agreement status "
                            f"{value.value!r} ({node.arg}=…)"
                        )
    assert not found, (
        "jurisdictions names other apps' relations or statuses; move the query to the app that owns "
        "them (or pages/directory.py) or register it in jurisdictions/extensions.py:\n" + "\n".join(found)
    )
