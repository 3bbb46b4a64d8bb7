"""Records-law research we hold in English only is marked lang="en" on Spanish pages."""

from django.utils import translation


def test_records_law_rules_are_marked_english_on_spanish_pages(client, db):
    spanish = client.get("/es/requests/deadline/", {"state": "NV", "received": "2026-03-02"})
    assert spanish.status_code == 200
    assert '<span lang="en">' in spanish.text
    assert "lunes" in spanish.text or "martes" in spanish.text or "miércoles" in spanish.text
    translation.activate("en")
    english = client.get("/requests/deadline/", {"state": "NV", "received": "2026-03-02"})
    assert '<span lang="en">' not in english.text
