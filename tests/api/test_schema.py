import pytest
import yaml
from django.core.management import call_command

MY_PATHS = (
    "/api/v1/states/",
    "/api/v1/counties/",
    "/api/v1/agencies/",
    "/api/v1/agreements/",
    "/api/v1/snapshots/",
    "/api/v1/records-requests/",
)


@pytest.fixture(scope="module")
def schema(tmp_path_factory) -> dict:
    """The schema as `manage.py spectacular --validate --fail-on-warn` writes it; that command raises on
    any warning (unresolvable field, enum name collision) or OpenAPI validation error."""
    out = tmp_path_factory.mktemp("schema") / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(out))
    return yaml.safe_load(out.read_text())


def test_every_list_and_detail_endpoint_is_documented(schema):
    for path in MY_PATHS:
        assert path in schema["paths"], path
        detail = [p for p in schema["paths"] if p.startswith(path) and p.endswith("}/")]
        assert detail, f"no detail endpoint under {path}"


def test_every_query_parameter_is_described(schema):
    for path in MY_PATHS:
        for parameter in schema["paths"][path]["get"]["parameters"]:
            assert parameter.get("description"), f"{path} ?{parameter['name']} has no description"


def test_every_field_is_typed(schema):
    for name, component in schema["components"]["schemas"].items():
        for field, spec in component.get("properties", {}).items():
            assert spec.get("type") or spec.get("$ref") or spec.get("allOf") or spec.get("oneOf"), (
                name,
                field,
            )


def test_throttling_and_csv_are_documented(schema):
    agreements = schema["paths"]["/api/v1/agreements/"]["get"]
    assert "Retry-After" in agreements["responses"]["429"]["headers"]
    assert agreements["responses"]["200"]["content"]["text/csv"]["schema"]["type"] == "string"
    assert "400" in agreements["responses"]
    fmt = next(p for p in agreements["parameters"] if p["name"] == "format")
    assert "csv" in fmt["schema"]["enum"]


def test_schema_endpoint_serves_it(client, db):
    response = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200


def test_schema_stays_in_english_for_a_spanish_reader(client, db):
    """Help texts are translatable for the Data page; the schema itself is always served in English."""
    response = client.get(
        "/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json", HTTP_ACCEPT_LANGUAGE="es"
    )
    signed = response.json()["components"]["schemas"]["Agreement"]["properties"]["signed"]
    assert signed["description"] == "Signature date as ICE lists it; null when ICE gives none (pending)."


def test_an_unknown_api_url_is_a_json_404(client, db):
    response = client.get("/api/v1/no-such-thing/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "Not found."}
    assert client.get("/no-such-page/")["Content-Type"].startswith("text/html")


def test_writes_without_credentials_are_401_with_a_challenge(client, db):
    response = client.post("/api/v1/records-requests/", {})
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert response["Content-Type"] == "application/json"


def test_the_schema_documents_401_403_and_nullable_due_on(api):
    schema = api.get("/api/schema/", {"format": "json"}).json()
    create = schema["paths"]["/api/v1/records-requests/"]["post"]["responses"]
    assert {"401", "403"} <= create.keys()
    assert "401" in schema["paths"]["/api/v1/agreements/"]["get"]["responses"]
    assert schema["components"]["schemas"]["RecordsRequest"]["properties"]["due_on"]["nullable"] is True
    assert "/api/v1/auth-tokens/rotate/" in schema["paths"]


def test_page_and_page_size_must_be_integers(api, db):
    for params in ({"page": ""}, {"page": "abc"}, {"page_size": "x"}):
        response = api.get("/api/v1/states/", params)
        assert response.status_code == 400, params
        assert list(response.json()) == list(params)
    assert api.get("/api/v1/states/", {"page": "last"}).status_code == 200
    assert api.get("/api/v1/states/", {"page": "999"}).status_code == 404
