"""Back up and restore the site's database with pg_dump / pg_restore (custom format).

    python scripts/backup.py dump            # writes backups/<UTC timestamp>.dump, prints its path
    python scripts/backup.py restore FILE    # pg_restore --clean --if-exists into the same database

The database is the one in DATABASE_URL or, when it is unset, the embedded PostgreSQL (pgserver), which this
process starts and holds for the duration (stop `make run` first if you restore into it: pg_restore drops
tables the site is reading). BACKUP_DIR overrides the output folder.

Client tools: pgserver's bundled pg_dump/pg_restore (16) come first because every install has them; a
client older than the server is refused by pg_dump, so the first candidate (bundled, then PATH) whose
major version is at least the server's is used.
"""

import argparse
import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BACKUP_DIR = ROOT / "backups"


def database_url() -> str:
    """DATABASE_URL, or the embedded server's URL (starts it: about a second, and it stays up until exit)."""
    url = os.environ.get("DATABASE_URL")
    if url:
        return url
    sys.path.insert(0, str(ROOT))
    from config import embedded_postgres

    return embedded_postgres.url()


def _major_version(tool: Path) -> int:
    out = subprocess.run([str(tool), "--version"], capture_output=True, text=True, check=True).stdout
    match = re.search(r"(\d+)(?:\.\d+)?", out)
    if not match:
        raise RuntimeError(f"cannot read the version of {tool}: {out!r}")
    return int(match.group(1))


def _server_major_version(url: str) -> int:
    import psycopg

    try:
        with psycopg.connect(url, connect_timeout=10) as conn:
            row = conn.execute("SHOW server_version_num").fetchone()
    except psycopg.OperationalError as exc:
        raise RuntimeError(f"cannot connect to the database: {exc}".strip()) from exc
    assert row is not None
    return int(row[0]) // 10000


def _candidates(name: str) -> list[Path]:
    found = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # platformdirs warns about XDG_RUNTIME_DIR on import
            from pgserver._commands import POSTGRES_BIN_PATH

        found.append(Path(POSTGRES_BIN_PATH) / name)
    except ImportError:
        pass
    on_path = shutil.which(name)
    if on_path:
        found.append(Path(on_path))
    return [path for path in found if path.is_file() and os.access(path, os.X_OK)]


def client_tool(name: str, url: str) -> Path:
    """The first pg_dump/pg_restore at least as new as the server; raises with what it saw otherwise."""
    server = _server_major_version(url)
    seen = []
    for tool in _candidates(name):
        version = _major_version(tool)
        if version >= server:
            return tool
        seen.append(f"{tool} ({version})")
    raise RuntimeError(
        f"no {name} of version {server} or newer found (server is PostgreSQL {server}; saw: "
        f"{', '.join(seen) or 'none'}). Install postgresql-client-{server}."
    )


def _libpq_url(url: str) -> str:
    # dj-database-url accepts postgres:// and postgresql://; libpq accepts both too, but not "pgsql://".
    return re.sub(r"^pgsql://", "postgresql://", url)


def dump(output_dir: Path) -> Path:
    """Write a custom-format dump named for the UTC time; the folder gets a .gitignore so dumps stay local."""
    url = _libpq_url(database_url())
    output_dir.mkdir(parents=True, exist_ok=True)
    ignore = output_dir / ".gitignore"
    if not ignore.exists():
        ignore.write_text(
            "# Database dumps hold personal data from records requests: never commit them.\n*\n"
        )
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = output_dir / f"{stamp}.dump"
    partial = target.with_suffix(".dump.partial")
    subprocess.run(
        [str(client_tool("pg_dump", url)), "--format=custom", "--no-owner", "--file", str(partial), url],
        check=True,
    )
    partial.rename(target)
    return target


def restore(dump_file: Path) -> None:
    """Replace every object in the dump (drop then create); objects not in the dump are left alone."""
    if not dump_file.is_file():
        raise FileNotFoundError(f"no such dump: {dump_file}")
    url = _libpq_url(database_url())
    subprocess.run(
        [
            str(client_tool("pg_restore", url)),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            "--dbname",
            url,
            str(dump_file),
        ],
        check=True,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("dump", help="write backups/<timestamp>.dump")
    restore_parser = commands.add_parser("restore", help="restore a dump into the same database")
    restore_parser.add_argument("file", type=Path)
    args = parser.parse_args(argv)
    try:
        if args.command == "dump":
            backup_dir = Path(os.environ.get("BACKUP_DIR") or DEFAULT_BACKUP_DIR)
            print(dump(backup_dir))
        else:
            restore(args.file)
            print(f"restored {args.file}")
    except (RuntimeError, FileNotFoundError, subprocess.CalledProcessError) as exc:
        print(f"{parser.prog}: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
