"""Records-law research texts are in Spanish on Spanish pages (records_laws_es.json); law names, citations
and any text not yet translated stay in English, marked lang="en"."""

from django.utils import translation

from records_requests.models import RecordsLaw

NEVADA_ES = "Antes del final del 5.º día hábil: permitir la consulta o entregar una copia"
NEVADA_EN = "By end of 5th business day: allow inspection/provide copy"


def test_the_spanish_calculator_gives_the_law_in_spanish(client, db):
    spanish = client.get("/es/requests/deadline/", {"state": "NV", "received": "2026-03-02"})
    assert spanish.status_code == 200
    assert NEVADA_ES in spanish.text
    assert "Tribunal de distrito (solicitud)" in spanish.text  # the appeal step
    assert '(<span lang="en">NRS 239.011</span>)' in spanish.text  # its citation stays English
    assert NEVADA_EN not in spanish.text
    assert '<span lang="en">Nevada Public Records Act' in spanish.text  # the law's name stays English
    assert "lunes" in spanish.text or "martes" in spanish.text or "miércoles" in spanish.text
    translation.activate("en")
    english = client.get("/requests/deadline/", {"state": "NV", "received": "2026-03-02"})
    assert NEVADA_EN in english.text
    assert NEVADA_ES not in english.text
    assert '<span lang="en">' not in english.text


def test_the_spanish_state_page_gives_the_law_in_spanish(client, db):
    spanish = client.get("/es/states/nv/")
    assert spanish.status_code == 200
    assert NEVADA_ES in spanish.text
    assert "NRS revisados al 29 de junio de 2024" in spanish.text
    translation.activate("en")
    english = client.get("/states/nv/")
    assert NEVADA_EN in english.text
    assert "NRS rev. 2024-06-29" in english.text
    assert NEVADA_ES not in english.text


def test_a_text_without_its_spanish_stays_english_and_is_marked(client, db):
    RecordsLaw.objects.filter(state__postal="NV").update(translations={})
    spanish = client.get("/es/requests/deadline/", {"state": "NV", "received": "2026-03-02"})
    assert f'<span lang="en">{NEVADA_EN}' in spanish.text


def test_the_caveat_of_an_unconfirmed_law_is_in_spanish(client, db):
    spanish = client.get("/es/requests/deadline/", {"state": "AZ", "received": "2026-03-02"})
    assert "Solo fuentes secundarias (resúmenes, agregadores, páginas locales) respaldan" in spanish.text
    assert "Only secondary sources" not in spanish.text
    assert "días hábiles son una sugerencia de este sitio, no la ley" in spanish.text  # the follow-up rule
