"""The agency table's rows (pages.directory.agency_rows_html), as the state and county pages show them."""

import pytest
from django.utils import translation

from agreements.models import AgreementStatus
from jurisdictions.models import Agency
from pages.directory import agency_rows_html, with_summary
from tests.agreements.factories import make_agreement
from tests.jurisdictions import factories


def _rows(*agencies: Agency) -> str:
    return agency_rows_html(
        with_summary(Agency.objects.filter(pk__in=[a.pk for a in agencies])).order_by("name")
    )


@pytest.mark.django_db
def test_each_row_links_the_agency_and_labels_every_cell_for_the_phone_layout():
    sheriff = factories.agency("Elko County Sheriff's Office", county_fips="32007")
    make_agreement(sheriff, model="JEM", status=AgreementStatus.ACTIVE)
    html = _rows(sheriff)
    assert f'<a href="{sheriff.get_absolute_url()}">Elko County Sheriff&#x27;s Office</a>' in html
    assert '<td data-label="County">Elko County</td>' in html
    assert '<td class="status-cell" data-label="287(g) agreements in force">JEM</td>' in html
    assert '<td data-label="Questions answered">None yet</td>' in html


@pytest.mark.django_db
def test_pending_statewide_and_unlisted_agencies_say_so_in_spanish():
    patrol = factories.agency("Nevada Highway Patrol", county_fips=None)
    waiting = factories.agency("Lyon County Sheriff", county_fips="32019")
    make_agreement(waiting, model="WSO", status=AgreementStatus.PENDING)
    with translation.override("es"):
        html = _rows(patrol, waiting)
    assert '<td data-label="Condado">Todo el estado</td>' in html
    assert "Ninguno en las listas de ICE" in html
    assert ">Pendiente</td>" in html


@pytest.mark.django_db
def test_a_name_is_text_never_markup():
    odd = factories.agency('<script>alert("x")</script> Police', county_fips="32003")
    html = _rows(odd)
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Police" in html
