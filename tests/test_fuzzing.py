"""Whatever a visitor or a robot sends, the answer is never a server error.

Property-based (hypothesis): arbitrary text, huge values, NUL bytes, invalid UTF-8 and wrong
methods on every form and query parameter of the public pages.
"""

from urllib.parse import quote_from_bytes

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .visitors import comment_data, request_data

pytestmark = pytest.mark.django_db

ACCEPTABLE = {200, 301, 302, 400, 404, 405, 429}
fuzz = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

nasty = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        [
            "",
            "\x00",
            "a\x00b",
            "x" * 100_000,
            "0",
            "-1",
            "1e309",
            "99999999999999999999999",
            "%",
            "%%00",
            "'; DROP TABLE roles_role; --",
            '<script>alert("x")</script>',
            "../../etc/passwd",
            "\u202e\ufeff",
            "😀" * 500,
        ]
    ),
)
PARAMETERS = {
    "/recherche/": ["q", "page", "comparer"],
    "/metiers/": ["famille", "secteur", "tag", "niveau", "salaire", "ordre", "page"],
    "/comparer/": ["metiers", "comparer"],
    "/salaires/": ["tri", "sens"],
    "/parcours/": ["famille"],
    "/api/metiers/": ["family", "sector", "tag", "page"],
    "/api/metiers/coo/": ["format"],
    "/metiers/coo/offre-d-emploi/": ["format"],
    "/familles/direction-generale/": ["page"],
    "/competences/negociation-commerciale/": ["page"],
    "/tags/negociation/": ["page"],
    "/contact/": ["metier"],
    "/metiers/coo/": ["reponse_a"],
    "/": ["q"],
}
pages = st.sampled_from(sorted(PARAMETERS))


def assert_no_server_error(response):
    assert response.status_code in ACCEPTABLE, response.status_code


@fuzz
@given(page=pages, values=st.lists(nasty, min_size=1, max_size=4))
def test_query_parameters(client, fixture_sheets, page, values):
    names = PARAMETERS[page]
    params = {names[i % len(names)]: value for i, value in enumerate(values)}
    assert_no_server_error(client.get(page, params))


@fuzz
@given(page=pages, raw=st.binary(max_size=200))
def test_invalid_utf8_in_query_strings_and_paths(client, fixture_sheets, page, raw):
    name = PARAMETERS[page][0]
    encoded = quote_from_bytes(raw)
    assert_no_server_error(client.get(f"{page}?{name}={encoded}"))
    assert_no_server_error(client.get(f"/metiers/{encoded}/"))
    assert_no_server_error(client.get(f"/recherche/{encoded}"))


@fuzz
@given(
    method=st.sampled_from(["post", "put", "patch", "delete", "options", "head"]),
    page=st.sampled_from([*PARAMETERS, "/metiers/coo/commentaires/", "/sante/"]),
)
def test_wrong_methods(client, fixture_sheets, method, page):
    assert_no_server_error(getattr(client, method)(page))


CONTACT_FIELDS = ["kind", "name", "company", "job_title", "email", "phone", "role", "message"]
COMMENT_FIELDS = ["name", "email", "text", "parent"]


@fuzz
@given(fields=st.dictionaries(st.sampled_from([*CONTACT_FIELDS, "consent"]), nasty))
def test_contact_form(client, fixture_sheets, fields):
    assert_no_server_error(client.post("/contact/", request_data(**fields)))


@fuzz
@given(fields=st.dictionaries(st.sampled_from(COMMENT_FIELDS), nasty))
def test_comment_form(client, fixture_sheets, fields):
    response = client.post("/metiers/coo/commentaires/", comment_data(**fields))
    assert_no_server_error(response)
