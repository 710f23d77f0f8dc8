"""The open-data API keeps its OpenAPI contract (roles/openapi.json), checked by schemathesis
against the live server; and answers in JSON whatever is asked."""

import json

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import positive_data_acceptance

pytestmark = pytest.mark.django_db  # the contract test is on the live server: transactional


@pytest.fixture
def api_schema(live_server, fixture_sheets, settings):
    settings.SITE_URL = live_server.url  # the document's server is the site itself
    return schemathesis.openapi.from_url(f"{live_server.url}/api/openapi.json")


def test_the_api_keeps_its_contract(api_schema):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert {operation.label for operation in operations} == {
        "GET /metiers/",
        "GET /metiers/{slug}/",
    }
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
        def keeps_the_contract(case):
            # Values the schema allows may still name nothing (an unknown family, a page past
            # the last): they answer a documented 400 or 404, so that check is left out.
            case.call_and_validate(excluded_checks=[positive_data_acceptance])

        keeps_the_contract()


def test_the_document_is_linked_from_the_open_data_page(client, fixture_sheets):
    html = client.get("/donnees-ouvertes/").content.decode()
    assert 'href="/api/openapi.json"' in html
    document = client.get("/api/openapi.json").json()
    assert document["openapi"].startswith("3.1") and document["servers"][0]["url"].endswith("/api")


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("url", ["/api/metiers/", "/api/metiers/coo/"])
def test_a_write_answers_a_json_405_with_allow(client, fixture_sheets, method, url):
    response = getattr(client, method)(url)
    assert response.status_code == 405 and response["Allow"] == "GET, HEAD, OPTIONS"
    assert response["Content-Type"] == "application/json" and "error" in response.json()


def test_a_cors_preflight_is_answered(client, fixture_sheets):
    response = client.options(
        "/api/metiers/coo/",
        HTTP_ORIGIN="https://data.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
    )
    assert response.status_code == 200 and response["Access-Control-Allow-Origin"] == "*"
    assert "GET" in response["Access-Control-Allow-Methods"]
    assert "If-None-Match" in response["Access-Control-Allow-Headers"]


def test_other_origins_can_read_the_validators(client, fixture_sheets):
    response = client.get("/api/metiers/coo/")
    assert response["ETag"] and response["Last-Modified"]
    assert response["Access-Control-Expose-Headers"] == "ETag, Last-Modified"


@pytest.mark.parametrize("url", ["/api/metiers/inconnu/", "/api/metiers/é%00/", "/api/autre/"])
def test_unknown_addresses_answer_a_json_404(client, fixture_sheets, url):
    response = client.get(url)
    assert response.status_code == 404 and "error" in json.loads(response.content)


@pytest.mark.parametrize("url", ["/api/metiers/?x=1", "/api/metiers/coo/?x=1"])
def test_list_and_detail_refuse_unknown_parameters_alike(client, fixture_sheets, url):
    response = client.get(url)
    assert response.status_code == 400 and response.json()["parameter"] == "x"
