"""Build jurisdictions/data/us_counties_albers.json, the county shapes the server-rendered map draws.

Source: the npm package `us-atlas` version 3.0.1 (ISC licence, © Michael Bostock), file
`counties-albers-10m.json`: the Census Bureau's 2017 cartographic county boundaries (1:10m), simplified,
quantized, and projected with d3.geoAlbersUsa to a 975×610 viewport (Alaska and Hawaii as insets).

Regenerate (needs npm once, on a developer machine; `make run` and the tests only read the committed JSON):

    cd /tmp && npm pack us-atlas@3.0.1 && tar xzf us-atlas-3.0.1.tgz
    .venv/bin/python scripts/build_county_map.py /tmp/package/counties-albers-10m.json

The TopoJSON is decoded here in plain Python (no topojson dependency): arcs are delta-encoded integers
mapped to pixels by `transform`; a geometry lists arc indexes, where a negative index ~i means arc i reversed.
Coordinates are rounded to 0.1 px *before* paths are written, so neighbouring counties share exactly the
same rounded borders, and each path is written with relative moves (`l`), which roughly halves the size.

Output, keyed by FIPS code:
    counties: {"32003": "M…z", …}            one SVG path `d` per county
    states:   {"32": {"postal": "NV", "name": "Nevada", "bbox": [x0, y0, x1, y1], "d": "M…z"}, …}
    borders:  "M…"                            every state border once (interior and coast), for the US map
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

import us

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "jurisdictions" / "data" / "us_counties_albers.json"
SOURCE = "us-atlas@3.0.1 counties-albers-10m.json (Census cartographic boundaries 2017, 1:10m)"
WIDTH, HEIGHT = 975, 610

Point = tuple[int, int]  # tenths of a pixel


def decode_arcs(topology: dict) -> list[list[Point]]:
    """Absolute arc coordinates in tenths of a pixel, consecutive duplicates (after rounding) dropped."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs: list[list[Point]] = []
    for arc in topology["arcs"]:
        x = y = 0
        points: list[Point] = []
        for dx, dy in arc:
            x += dx
            y += dy
            point = (round((x * sx + tx) * 10), round((y * sy + ty) * 10))
            if not points or point != points[-1]:
                points.append(point)
        if len(points) == 1:  # an arc shorter than the rounding: keep both ends so rings still close
            points.append(points[0])
        arcs.append(points)
    return arcs


def ring_points(ring: Sequence[int], arcs: list[list[Point]]) -> list[Point]:
    points: list[Point] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def polygons(geometry: dict) -> list[list[list[int]]]:
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return list(geometry["arcs"])
    return []  # null geometry


def number(tenths: int) -> str:
    """`123` → `12.3`, `-3` → `-.3`, `120` → `12`: the shortest text SVG parses back to the same value."""
    sign = "-" if tenths < 0 else ""
    whole, tenth = divmod(abs(tenths), 10)
    if not tenth:
        return f"{sign}{whole}"
    return f"{sign}{whole or ''}.{tenth}"


def join_numbers(values: Iterable[int]) -> str:
    out: list[str] = []
    previous = ""
    for value in values:
        text = number(value)
        # A separator is needed only where the next number could be read as part of the previous one.
        if out and not text.startswith("-") and not (text.startswith(".") and "." in previous):
            out.append(" ")
        out.append(text)
        previous = text
    return "".join(out)


def ring_path(points: list[Point]) -> str:
    if len(points) > 1 and points[0] == points[-1]:
        points = points[:-1]  # `z` closes the ring
    if len(points) < 3:
        return ""
    deltas: list[int] = []
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        deltas += [x1 - x0, y1 - y0]
    return f"M{join_numbers(points[0])}l{join_numbers(deltas)}z"


def line_path(points: list[Point]) -> str:
    deltas: list[int] = []
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        deltas += [x1 - x0, y1 - y0]
    return f"M{join_numbers(points[0])}l{join_numbers(deltas)}" if deltas else ""


def geometry_path(geometry: dict, arcs: list[list[Point]]) -> tuple[str, list[Point]]:
    parts: list[str] = []
    every_point: list[Point] = []
    for polygon in polygons(geometry):
        for ring in polygon:
            points = ring_points(ring, arcs)
            parts.append(ring_path(points))
            every_point += points
    return "".join(parts), every_point


def marker_path(points: list[Point]) -> str:
    """A 0.8 px diamond for a county smaller than the rounding (three Virginia independent cities), so it
    still has a shape to point at and to focus."""
    x = round(sum(p[0] for p in points) / len(points))
    y = round(sum(p[1] for p in points) / len(points))
    return ring_path([(x, y - 4), (x + 4, y), (x, y + 4), (x - 4, y)])


def bbox(points: list[Point]) -> list[float]:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return [min(xs) / 10, min(ys) / 10, max(xs) / 10, max(ys) / 10]


def state_borders(states: list[dict], arcs: list[list[Point]]) -> str:
    """Each arc used by any state once: shared borders are not drawn twice."""
    used: dict[int, None] = {}
    for geometry in states:
        for polygon in polygons(geometry):
            for ring in polygon:
                for index in ring:
                    used.setdefault(index if index >= 0 else ~index)
    return "".join(line_path(arcs[index]) for index in used)


def build(topology: dict) -> dict:
    arcs = decode_arcs(topology)
    counties: dict[str, str] = {}
    for geometry in topology["objects"]["counties"]["geometries"]:
        path, points = geometry_path(geometry, arcs)
        if points:  # a null geometry has none
            counties[geometry["id"]] = path or marker_path(points)
    states: dict[str, dict] = {}
    for geometry in topology["objects"]["states"]["geometries"]:
        path, points = geometry_path(geometry, arcs)
        state = us.states.lookup(geometry["id"])
        if state is None:
            raise ValueError(f"unknown state FIPS {geometry['id']!r} in the source")
        states[geometry["id"]] = {
            "postal": state.abbr,
            "name": state.name,
            "bbox": bbox(points),
            "d": path,
        }
    return {
        "source": SOURCE,
        "width": WIDTH,
        "height": HEIGHT,
        "counties": dict(sorted(counties.items())),
        "states": dict(sorted(states.items())),
        "borders": state_borders(topology["objects"]["states"]["geometries"], arcs),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("topojson", type=Path, help="counties-albers-10m.json from us-atlas@3.0.1")
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    data = build(json.loads(args.topojson.read_text()))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(data, separators=(",", ":"), ensure_ascii=False) + "\n")
    print(
        f"{len(data['counties'])} counties, {len(data['states'])} states, "
        f"{args.output.stat().st_size:,} bytes → {args.output}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
