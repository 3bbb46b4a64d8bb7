"""The printed table and the load rows of results.json."""

from __future__ import annotations

from typing import Any

from bench.measure import Result


def _ms(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:,.0f}" if value >= 1000 else f"{value:.1f}"


def _met(value: bool | None) -> str:
    return {True: "yes", False: "NO", None: "—"}[value]


def table(results: list[Result], load_rows: list[dict[str, Any]], facts: dict[str, Any]) -> str:
    lines = []
    generated = facts.get("generated")
    head = f"Benchmark database {facts['database']}, scale {facts['scale']}"
    if generated:
        head += ": " + ", ".join(f"{v:,} {k}" for k, v in generated.items())
    lines += [
        head,
        f"Machine load average: {facts.get('load_average', '?')}",
        f"CPU reference (a fixed pure-Python loop; compare runs by it): {facts.get('cpu_reference', '?')}",
        "cpu ms: median CPU time of the benchmark process per request (excludes waiting for a core and "
        "the database's own time)",
        "",
    ]
    width = max(len(r.name) for r in results) + 2
    lines.append(
        f"{'measure':<{width}}{'median ms':>10}{'p95 ms':>10}{'target':>10}{'queries':>9}{'met':>5}{'cpu ms':>9}"
    )
    lines.append("-" * (width + 53))
    for r in results:
        queries = "—" if r.queries is None else str(r.queries)
        lines.append(
            f"{r.name:<{width}}{_ms(r.median_ms):>10}{_ms(r.p95_ms):>10}{_ms(r.target_ms):>10}"
            f"{queries:>9}{_met(r.met):>5}{_ms(r.extra.get('cpu_median_ms')):>9}"
        )
        if r.note and (r.met is False or r.median_ms is None):
            lines.append(f"{'':<4}{r.note}")
    if load_rows:
        lines += ["", "Load from a second process over loopback (gunicorn, connection per request)", ""]
        lwidth = max(len(r["name"]) for r in load_rows) + 2
        lines.append(
            f"{'configuration':<{lwidth}}{'req/s':>9}{'median ms':>11}{'p95 ms':>9}{'vs static':>11}"
            f"{'target':>8}{'met':>5}{'errors':>8}"
        )
        lines.append("-" * (lwidth + 61))
        for row in load_rows:
            if "error" in row:
                lines.append(f"{row['name']:<{lwidth}} failed: {row['error']}")
                continue
            bad = row["errors"] + sum(v for k, v in row["statuses"].items() if k != "200")
            ratio = row.get("ratio_to_static")
            target = row.get("target_ratio_to_static")
            lines.append(
                f"{row['name']:<{lwidth}}{row['rps']:>9,.1f}{_ms(row['median_ms']):>11}{_ms(row['p95_ms']):>9}"
                f"{(f'{ratio:.1%}' if ratio is not None else '—'):>11}"
                f"{(f'≥{target:.0%}' if target is not None else '—'):>8}{_met(row.get('met')):>5}{bad:>8}"
            )
    return "\n".join(lines)


def load_json(row: dict[str, Any]) -> dict[str, Any]:
    """A load configuration as a results.json object (same keys as the others, plus rps and the ratio)."""
    return {
        "name": row["name"],
        "median_ms": row.get("median_ms"),
        "p95_ms": row.get("p95_ms"),
        "target_ms": None,
        "queries": None,
        "met": row.get("met"),
        **{k: v for k, v in row.items() if k not in {"name", "median_ms", "p95_ms", "met"}},
    }
