"""Accept-Language on the first visit, the language switch kept in a cookie (pages/language.py)."""

from pages.language import path_in, preferred_language


def test_preferred_language_reads_the_header():
    assert preferred_language("es-MX,es;q=0.9,en;q=0.8") == "es"
    assert preferred_language("en-US,en;q=0.9,es;q=0.5") == "en"
    assert preferred_language("fr-FR,de;q=0.9") == ""
    assert preferred_language("") == ""


def test_path_in_each_language():
    assert path_in("es", "/states/nv/") == "/es/states/nv/"
    assert path_in("en", "/es/states/nv/") == "/states/nv/"
    assert path_in("es", "/es/") == "/es/"


def test_a_spanish_browser_gets_spanish_at_the_root(client, db):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="es-MX,es;q=0.9")
    assert response.status_code == 302
    assert response["Location"] == "/es/"
    assert "Accept-Language" in response["Vary"]
    spanish = client.get("/", HTTP_ACCEPT_LANGUAGE="es-MX,es;q=0.9", follow=True)
    assert '<html lang="es">' in spanish.text


def test_an_english_browser_stays_in_english(client, db):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.status_code == 200
    assert '<html lang="en">' in response.text
    assert "Accept-Language" in response["Vary"]


def test_the_switch_to_english_is_kept_for_a_spanish_browser(client, db):
    response = client.get("/es/states/nv/?lang=en", HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 302
    assert response["Location"] == "/states/nv/"
    assert response.cookies["django_language"].value == "en"
    again = client.get("/", HTTP_ACCEPT_LANGUAGE="es")
    assert again.status_code == 200
    assert '<html lang="en">' in again.text


def test_the_switch_to_spanish_is_kept(client, db):
    response = client.get("/states/nv/?lang=es&page=2")
    assert response["Location"] == "/es/states/nv/?page=2"
    assert client.get("/states/nv/")["Location"] == "/es/states/nv/"


def test_the_page_cache_never_serves_english_to_a_spanish_browser(client, db, settings):
    settings.PAGE_CACHE_ENABLED = True
    assert client.get("/").status_code == 200  # cached in English
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="es")["Location"] == "/es/"


def test_the_api_is_left_alone(client, db):
    response = client.get("/api/v1/", HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 200
