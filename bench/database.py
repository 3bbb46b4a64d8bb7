"""The benchmark's own database: `<name>_bench` beside DATABASE_URL's, or `directory_bench` embedded.

Never the site's database: everything the benchmark writes is generated, and it drops and recreates its
database on every full run.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict

EMBEDDED_NAME = "directory_bench"


@dataclass
class BenchDatabase:
    url: str  # a DATABASE_URL for the benchmark database
    name: str
    server: Any = None  # the pgserver handle when embedded; keeps the server up while referenced


def bench_url_for(url: str) -> tuple[str, str]:
    """The URL of `<name>_bench` on the same server as `url`, and that name."""
    parts = urlsplit(url)
    name = parts.path.lstrip("/") or "postgres"
    bench = f"{name}_bench"
    return urlunsplit(parts._replace(path=f"/{bench}")), bench


def resolve() -> BenchDatabase:
    """The benchmark database for this environment. Starts the embedded server when DATABASE_URL is unset."""
    url = os.environ.get("DATABASE_URL", "")
    if url:
        bench, name = bench_url_for(url)
        return BenchDatabase(url=bench, name=name)
    from config import embedded_postgres

    server = embedded_postgres.start()
    return BenchDatabase(url=str(server.get_uri(EMBEDDED_NAME)), name=EMBEDDED_NAME, server=server)


def _maintenance_connection(url: str) -> psycopg.Connection:
    params: dict[str, Any] = conninfo_to_dict(url)
    params["dbname"] = "postgres"
    return psycopg.connect(**params, autocommit=True)


def exists(db: BenchDatabase) -> bool:
    with _maintenance_connection(db.url) as conn:
        return conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db.name]).fetchone() is not None


def recreate(db: BenchDatabase) -> None:
    """Drop (closing other sessions) and create the benchmark database. Refuses any name not `*_bench`."""
    if not db.name.endswith("_bench"):
        raise ValueError(f"refusing to drop {db.name!r}: not a benchmark database")
    with _maintenance_connection(db.url) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(db.name)))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(db.name)))
