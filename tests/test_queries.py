"""Query budgets: a page's query count does not grow with its content."""

import pytest
from django.db import DataError, connection, transaction
from django.test.utils import CaptureQueriesContext

from roles.models.prepared import execute_prepared

from .factories import fill_sheet, make_family, make_role

pytestmark = pytest.mark.django_db

# An anonymous visitor's sheet through the whole middleware stack: 1 for the content version
# behind its ETag (roles/caching.py), 1 for the sheet with its parts (missions, skills,
# training, career moves both ways, salaries, sectors, tags, related sheets), its official
# codes and its approved comments, 1 for "métiers proches", and 1 when the introduction links
# to other sheets (which of them are public).
SHEET_QUERY_BUDGET = 4


def queries_to_render(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("size", [1, 30])
def test_sheet_page_stays_within_budget(client, size):
    role = fill_sheet(make_role(), size=size)
    assert queries_to_render(client, role.get_absolute_url()) <= SHEET_QUERY_BUDGET


def test_a_sheet_with_every_part_and_links_in_its_introduction_stays_within_budget(client):
    other = make_role()
    role = fill_sheet(make_role(introduction=f"Voir [{other.title}]({other.get_absolute_url()})."))
    assert queries_to_render(client, role.get_absolute_url()) <= SHEET_QUERY_BUDGET


def test_links_to_sheets_in_the_introduction_cost_one_query_whatever_their_number(client):
    others = [make_role() for _ in range(5)]
    links = " ".join(f"[{other.title}]({other.get_absolute_url()})" for other in others)
    plain, linked = make_role(), make_role(introduction=links)
    base = queries_to_render(client, plain.get_absolute_url())
    assert queries_to_render(client, linked.get_absolute_url()) == base + 1 <= SHEET_QUERY_BUDGET


def test_sheet_page_query_count_does_not_depend_on_its_size(client):
    small, large = fill_sheet(make_role(), size=1), fill_sheet(make_role(), size=30)
    assert queries_to_render(client, small.get_absolute_url()) == queries_to_render(
        client, large.get_absolute_url()
    )


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/metiers/",
        "/metiers/?ordre=alpha",
        "/familles/",
        "/competences/",
        "/secteurs/",
        "/recherche/?q=a",
        "/metiers/?famille=famille-test&niveau=bac5&salaire=50k-70k",
    ],
)
def test_list_pages_do_not_grow_with_the_number_of_sheets(client, url):
    family = make_family(slug="famille-test")
    for _ in range(3):
        fill_sheet(make_role(family=family, is_featured=True))
    few = queries_to_render(client, url)
    for _ in range(20):
        fill_sheet(make_role(family=family, is_featured=True))
    assert queries_to_render(client, url) == few


def test_group_pages_do_not_grow_with_the_number_of_sheets(client):
    family = make_family(slug="famille-test")
    make_role(family=family)
    few = queries_to_render(client, family.get_absolute_url())
    for _ in range(20):
        make_role(family=family)
    assert queries_to_render(client, family.get_absolute_url()) == few


@pytest.mark.skipif(connection.vendor != "postgresql", reason="prepared statements: PostgreSQL")
@pytest.mark.django_db(transaction=True)  # so that the test may close its connection
def test_the_sheet_query_is_parsed_and_planned_once_per_database_connection(client):
    role = fill_sheet(make_role())
    connection.close()  # a new connection, as a worker opens one
    with CaptureQueriesContext(connection) as first:
        assert client.get(role.get_absolute_url()).status_code == 200
    with CaptureQueriesContext(connection) as second:
        assert client.get(role.get_absolute_url()).status_code == 200
    first_sql = [query["sql"] for query in first]
    second_sql = [query["sql"] for query in second]
    assert len(first_sql) == len(second_sql)  # the PREPARE rides with the first EXECUTE
    assert any(sql.startswith("PREPARE compiled_") for sql in first_sql)
    assert not any("PREPARE" in sql for sql in second_sql)
    assert any(sql.startswith("EXECUTE compiled_") for sql in second_sql)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="prepared statements: PostgreSQL")
def test_a_statement_whose_first_run_failed_runs_again():
    with connection.cursor() as cursor:
        with pytest.raises(DataError), transaction.atomic():
            execute_prepared(connection, cursor, "SELECT 1 / %s", [0])
        execute_prepared(connection, cursor, "SELECT 1 / %s", [1])
        assert cursor.fetchone() == (1,)
        execute_prepared(connection, cursor, "SELECT 1 / %s", [1])  # now as EXECUTE alone
        assert cursor.fetchone() == (1,)
        for _ in range(2):  # no parameter at all: prepared, then executed alone
            execute_prepared(connection, cursor, "SELECT '100%%'", [])
            assert cursor.fetchone() == ("100%",)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="prepared statements: PostgreSQL")
def test_a_prepared_statement_takes_named_parameters_in_any_order():
    sql = "SELECT %(a)s::int - %(b)s::int, %(a)s::int, '100%%'"
    with connection.cursor() as cursor:
        for values in [{"a": 5, "b": 2}, {"b": 1, "a": 9}]:  # prepared, then executed alone
            execute_prepared(connection, cursor, sql, values)
            assert cursor.fetchone() == (values["a"] - values["b"], values["a"], "100%")
