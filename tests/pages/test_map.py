import importlib.util
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from django.template.loader import render_to_string

from jurisdictions.models import County
from jurisdictions.shapes import DATA_FILE, KNOWN_MISSING_COUNTIES, TERRITORY_FIPS, load_shapes
from pages.map import county_map_context, county_statuses, render_county_map

SVG = "{http://www.w3.org/2000/svg}"
NEVADA = {"32001", "32003", "32005", "32007", "32009", "32011", "32013", "32015", "32017", "32019"}
NEVADA |= {"32021", "32023", "32027", "32029", "32031", "32033", "32510"}


def _build_script():
    path = Path(__file__).resolve().parents[2] / "scripts" / "build_county_map.py"
    spec = importlib.util.spec_from_file_location("build_county_map", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _render(**kwargs: object) -> ET.Element:
    """Render, and parse as XML: a malformed SVG fails here."""
    defaults: dict[str, object] = {"fills": {}, "links": {}, "labels": {}, "title": "Counties"}
    return ET.fromstring(str(render_county_map(**{**defaults, **kwargs})))  # type: ignore[arg-type]


def _links(svg: ET.Element) -> dict[str, ET.Element]:
    return {a.attrib["href"]: a for a in svg.iter(f"{SVG}a")}


def test_every_county_in_the_database_has_a_shape_or_is_known_missing(db) -> None:
    in_db = set(County.objects.values_list("fips", flat=True))
    missing = in_db - load_shapes().county_fips
    assert {f for f in missing if f[:2] not in TERRITORY_FIPS} == KNOWN_MISSING_COUNTIES
    assert len([f for f in missing if f[:2] in TERRITORY_FIPS]) == 91  # PR 78, AS 5, MP 4, VI 3, GU 1


def test_every_shape_is_a_county_in_the_database(db) -> None:
    in_db = set(County.objects.values_list("fips", flat=True))
    assert load_shapes().county_fips - in_db == set()


def test_fills_become_status_classes_and_links_wrap_the_shape() -> None:
    svg = _render(
        fills={"32003": "active", "32031": "pending"},
        links={"32003": "/states/nv/clark-county/"},
        labels={"32003": "Clark County, Nevada: 287(g) agreement in force"},
    )
    clark = _links(svg)["/states/nv/clark-county/"]
    assert clark.find(f"{SVG}title").text == "Clark County, Nevada: 287(g) agreement in force"  # type: ignore[union-attr]
    assert clark.find(f"{SVG}path").attrib["class"] == "s-active"  # type: ignore[union-attr]
    classes = [p.attrib.get("class") for p in svg.find(f"{SVG}g").iter(f"{SVG}path")]  # type: ignore[union-attr]
    assert classes.count("s-active") == 1 and classes.count("s-pending") == 1
    assert classes.count(None) == 3142 - 2  # drawn in the group's `s-none` fill


def test_a_status_the_map_does_not_know_is_drawn_as_unknown() -> None:
    svg = _render(fills={"32003": "maybe"})
    classes = [p.attrib.get("class") for p in svg.iter(f"{SVG}path")]
    assert classes.count("s-unknown") == 1


def test_counties_without_a_link_are_plain_shapes_not_links() -> None:
    svg = _render(links={"32003": "/x/"}, labels={"32031": "Washoe County"})
    assert list(_links(svg)) == ["/x/"]
    washoe = [p for p in svg.iter(f"{SVG}path") if p.find(f"{SVG}title") is not None]
    assert [p.find(f"{SVG}title").text for p in washoe] == ["Washoe County"]  # type: ignore[union-attr]


def test_names_and_urls_are_escaped() -> None:
    html = str(
        render_county_map(
            fills={},
            links={"32003": '/a?x=1&y="2"'},
            labels={"32003": "<script>alert(1)</script> & Co"},
            title="Title <b>",
        )
    )
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in html
    assert 'href="/a?x=1&amp;y=&quot;2&quot;"' in html


def test_the_svg_is_a_named_group_not_an_image() -> None:
    svg = _render(title="287(g) by county", description="Shaded by status.", map_id="m1")
    assert svg.attrib["role"] == "group"  # role="img" would hide the county links from screen readers
    assert svg.attrib["aria-labelledby"] == "m1-title"
    assert svg.find(f"{SVG}title").text == "287(g) by county"  # type: ignore[union-attr]
    assert svg.attrib["aria-describedby"] == "m1-desc"
    assert svg.find(f"{SVG}desc").text == "Shaded by status."  # type: ignore[union-attr]


def test_no_description_no_dangling_reference() -> None:
    svg = _render(title="287(g) by county")
    assert "aria-describedby" not in svg.attrib and svg.find(f"{SVG}desc") is None


def test_state_crop_draws_only_that_states_counties(db) -> None:
    every_county = {fips: f"/c/{fips}/" for fips in County.objects.values_list("fips", flat=True)}
    svg = _render(links=every_county, state_postal="nv")
    assert set(_links(svg)) == {f"/c/{fips}/" for fips in NEVADA}
    assert svg.attrib["viewBox"] != "0 0 975 610"
    x, y, width, height = map(float, svg.attrib["viewBox"].split())
    assert x > 0 and y > 0 and width < 200 and height < 200


def test_whole_country_links_every_county_it_has_a_shape_for(db) -> None:
    every_county = {fips: f"/c/{fips}/" for fips in County.objects.values_list("fips", flat=True)}
    assert len(_links(_render(links=every_county))) == 3142


def test_unknown_fips_codes_are_ignored() -> None:
    svg = _render(
        fills={"09110": "active", "99999": "active", "": "active"},
        links={"09110": "/ct-region/", "02066": "/copper-river/"},
        labels={"99999": "Nowhere"},
    )
    assert _links(svg) == {}
    assert "s-active" not in ET.tostring(svg, encoding="unicode")


@pytest.mark.parametrize("postal", ["PR", "GU", "ZZ"])
def test_a_state_without_shapes_renders_nothing(postal: str) -> None:
    assert render_county_map(fills={}, links={}, labels={}, title="t", state_postal=postal) == ""


def test_strongest_agreement_status_wins_per_county() -> None:
    pairs = [
        ("32003", "ended"),
        ("32003", "active"),
        ("32003", "pending"),
        ("32031", "superseded"),
        ("32031", "pending"),
        ("32510", "missing"),
        ("32001", "superseded"),
        (None, "active"),
        ("32005", "no-such-status"),
    ]
    assert county_statuses(pairs) == {
        "32003": "active",
        "32031": "pending",
        "32510": "active",
        "32001": "ended",
    }


def test_context_for_a_state_in_one_query(db, django_assert_num_queries) -> None:
    counties = County.objects.filter(state__postal="NV")
    # One query: the state's counties with their state's name and slug (values_list, no model instances).
    with django_assert_num_queries(1):
        context = county_map_context(
            counties=counties, statuses={"32003": "active"}, title="t", state_postal="NV"
        )
    rows = context["county_map_rows"]
    assert len(rows) == 17  # type: ignore[arg-type]
    clark = next(r for r in rows if r.fips == "32003")  # type: ignore[attr-defined]
    assert (clark.name, clark.state_name, clark.status, clark.url) == (
        "Clark County",
        "Nevada",
        "active",
        County.objects.get(fips="32003").get_absolute_url(),
    )
    assert "Clark County, Nevada: 287(g) agreement in force" in context["county_map_svg"]  # type: ignore[operator]


def test_home_table_lists_only_counties_with_a_status(db) -> None:
    context = county_map_context(
        counties=County.objects.all(),
        statuses={"32003": "active", "06037": "ended"},
        title="t",
        table_every_county=False,
    )
    assert [r.fips for r in context["county_map_rows"]] == ["06037", "32003"]  # type: ignore[attr-defined]
    html = render_to_string("includes/_county_map_table.html", context)
    assert "Every county not in this table has no 287(g) agreement listed." in html


def test_home_table_says_so_when_no_county_has_an_agreement(db) -> None:
    context = county_map_context(
        counties=County.objects.all(), statuses={}, title="t", table_every_county=False
    )
    html = render_to_string("includes/_county_map_table.html", context)
    assert "No county has a 287(g) agreement listed." in html
    assert 'scope="row"' not in html


def test_templates_render_map_legend_skip_link_and_accessible_table(db) -> None:
    context = county_map_context(
        counties=County.objects.filter(state__postal="NV"), statuses={}, title="Nevada", state_postal="NV"
    )
    map_html = render_to_string("includes/_county_map.html", context)
    table_html = render_to_string("includes/_county_map_table.html", context)
    assert 'href="#county-map-table"' in map_html and 'id="county-map-table"' in table_html
    assert map_html.count('class="county-map-swatch') == 5
    assert "No 287(g) agreement listed" in map_html
    assert "<caption>" in table_html and table_html.count('scope="col"') == 3
    assert table_html.count('<th scope="row"><a href="/states/nv/') == 17
    assert "Every county not in this table" not in table_html


def test_map_template_is_empty_for_a_territory(db) -> None:
    context = county_map_context(
        counties=County.objects.filter(state__postal="PR"), statuses={}, title="PR", state_postal="PR"
    )
    assert "county-map-legend" not in render_to_string("includes/_county_map.html", context)
    assert render_to_string("includes/_county_map_table.html", context).count('scope="row"') == 78


def test_data_file_stays_small() -> None:
    assert DATA_FILE.stat().st_size < 800_000  # 0.51 MB when built; the whole map is inlined in the home page


def test_build_writes_numbers_svg_reads_back() -> None:
    build = _build_script()
    values = [0, 5, -5, 10, -10, 123, -123, 7, 4, -1, 20, 3, 3]
    text = build.join_numbers(values)
    tokens = re.findall(r"-?(?:\d+\.?\d*|\.\d+)", text)  # the SVG path number grammar
    assert [round(float(t) * 10) for t in tokens] == values


def test_build_decodes_shared_and_reversed_arcs() -> None:
    build = _build_script()
    # Two unit squares side by side sharing arc 0 (x=1, y 0→1); the right square walks it reversed (~0).
    topology = {
        "transform": {"scale": [1, 1], "translate": [0, 0]},
        "arcs": [[[1, 0], [0, 1]], [[1, 1], [-1, 0], [0, -1], [1, 0]], [[1, 0], [1, 0], [0, 1], [-1, 0]]],
        "objects": {
            "counties": {
                "geometries": [
                    {"type": "Polygon", "arcs": [[0, 1]], "id": "32001"},
                    {"type": "Polygon", "arcs": [[2, -1]], "id": "32003"},
                    {"type": None, "id": "32005"},
                ]
            },
            "states": {"geometries": [{"type": "Polygon", "arcs": [[1, 2]], "id": "32"}]},
        },
    }
    data = build.build(topology)
    assert data["counties"]["32001"] == "M1 0l0 1-1 0 0-1z"
    assert data["counties"]["32003"] == "M1 0l1 0 0 1-1 0z"
    assert "32005" not in data["counties"]
    assert data["states"]["32"]["postal"] == "NV"
    assert data["states"]["32"]["bbox"] == [0, 0, 2, 1]
