"""Faults against a running server: database and Redis stopped and restarted, two servers.

Runs its own PostgreSQL cluster (initdb) and redis-server on other ports (tests/live_stack.py),
never the machine's shared ones, and gunicorn against them with the production settings.
"""

import json
import shutil
import subprocess

import psycopg2
import pytest

from .live_stack import (
    Gunicorn,
    OwnPostgres,
    OwnRedis,
    Visitor,
    manage,
    postgres_bin,
    production_env,
)
from .tools import require_tool
from .visitors import request_data

pytestmark = pytest.mark.faults


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    require_tool(postgres_bin("initdb") and shutil.which("redis-server"), "initdb, redis-server")
    postgres = OwnPostgres()
    redis = OwnRedis()
    env = production_env(
        postgres.url,
        redis.url,
        STATIC_ROOT=str(tmp_path_factory.mktemp("static")),
        CONTACT_RATE="2/h",
        DJANGO_SUPERUSER_PASSWORD="motdepasse-solide-42",
    )
    try:
        manage(env, "migrate", "-v0")
        manage(env, "load_initial_content", "-v0")
        manage(env, "collectstatic", "--noinput", "-v0")
        manage(
            env,
            "createsuperuser",
            "--noinput",
            "--username",
            "redaction",
            "--email",
            "redaction@example.com",
        )
        yield postgres, redis, env
    finally:
        redis.stop()
        postgres.remove()


@pytest.fixture(scope="module")
def site(stack):
    server = Gunicorn(stack[2])
    yield server
    server.stop()


def health(site):
    status, body, _ = Visitor().request(site.base + "/sante/")
    return status, json.loads(body)


def stored_requests(postgres):
    with psycopg2.connect(postgres.url) as connection, connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM roles_recruitmentrequest")
        return cursor.fetchone()[0]


def contact(visitor, site, **fields):
    hidden = visitor.form_fields(site.base + "/contact/")
    return visitor.request(site.base + "/contact/", request_data(**{**hidden, **fields}))


def test_database_outage_gives_503_then_recovers_without_restart(stack, site):
    postgres = stack[0]
    visitor = Visitor()
    assert visitor.request(site.base + "/")[0] == 200
    hidden = visitor.form_fields(site.base + "/contact/")
    before = stored_requests(postgres)
    postgres.stop()
    try:
        status, body, headers = visitor.request(site.base + "/metiers/")
        assert status == 503 and "Service temporairement indisponible" in body
        assert "Traceback" not in body and "psycopg2" not in body
        assert health(site) == (503, {"status": "unavailable", "database": "down", "cache": "ok"})
        status, body, _ = visitor.request(site.base + "/contact/", request_data(**hidden))
        assert status == 503 and "n’a pas été enregistré" in body  # never a false "merci"
    finally:
        postgres.start()
    assert visitor.request(site.base + "/metiers/")[0] == 200
    assert health(site) == (200, {"status": "ok", "database": "ok", "cache": "ok"})
    assert stored_requests(postgres) == before


def test_redis_outage_keeps_the_site_answering_from_the_database(stack, site):
    redis = stack[1]
    redis.stop()
    try:
        visitor = Visitor()
        for path in ("/", "/metiers/", "/metiers/coo/", "/recherche/?q=directeur"):
            assert visitor.request(site.base + path)[0] == 200, path
        assert health(site) == (200, {"status": "ok", "database": "ok", "cache": "down"})
        assert contact(visitor, site)[0] == 302  # stored: rate limits fail open
    finally:
        redis.start()
    assert health(site)[1]["cache"] == "ok"


def log_in(visitor, server):
    hidden = visitor.form_fields(server.base + "/admin/login/")
    credentials = {"username": "redaction", "password": "motdepasse-solide-42", **hidden}
    assert visitor.request(server.base + "/admin/login/", credentials)[0] == 302


def test_two_servers_share_sessions_content_and_rate_limits(stack, site):
    other = Gunicorn(stack[2])
    try:
        editor = Visitor()
        log_in(editor, site)
        # The session made on one server opens the admin on the other.
        assert editor.request(other.base + "/admin/")[0] == 200
        sheet = "/metiers/coo/"
        assert Visitor().request(other.base + sheet)[0] == 200
        with psycopg2.connect(stack[0].url) as connection, connection.cursor() as cursor:
            cursor.execute("SELECT id FROM roles_role WHERE slug = 'coo'")
            coo = cursor.fetchone()[0]
        hidden = editor.form_fields(site.base + "/admin/roles/role/")
        action = {**hidden, "action": "unpublish", "_selected_action": [coo]}
        assert editor.request(site.base + "/admin/roles/role/", action)[0] == 302
        assert Visitor().request(other.base + sheet)[0] == 404  # at once, on the other server
        # Rate limits count across both servers (2 an hour for this test).
        visitor = Visitor()
        flush = subprocess.run(["redis-cli", "-p", str(stack[1].port), "FLUSHALL"], check=True)
        assert flush.returncode == 0
        assert contact(visitor, site)[0] == 302
        assert contact(visitor, other)[0] == 302
        assert contact(visitor, site)[0] == 429
        assert contact(visitor, other)[0] == 429
    finally:
        other.stop()
