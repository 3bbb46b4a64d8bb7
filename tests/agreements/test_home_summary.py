from django.template import Context, Template

TEMPLATE = Template('{% include "agreements/includes/_home_summary.html" %}')


def test_counts_and_chart(two_lists, django_assert_max_num_queries) -> None:
    # counts by model; latest snapshot; listings grouped by snapshot and model (cold cache)
    with django_assert_max_num_queries(3):
        html = TEMPLATE.render(Context())
    assert "<svg" in html
    assert "<polyline" in html
    # the table equivalent: 05-16 has Elko's JEM and 12 TFM; 05-23 has 13 TFM
    assert '<th scope="row">2025-05-16</th><td>1</td><td>12</td><td>0</td><td>13</td>' in html
    assert '<th scope="row">2025-05-23</th><td>0</td><td>13</td><td>0</td><td>13</td>' in html
    assert "Table of agreements by list" in html


def test_nothing_imported(db) -> None:
    assert "No ICE list has been imported yet" in TEMPLATE.render(Context())


def test_home_page_includes_the_summary(client, two_lists) -> None:
    assert "The 287(g) program today" in client.get("/").content.decode()
