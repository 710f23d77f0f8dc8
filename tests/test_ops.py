"""Health check, database outages, structured logs and the workers' garbage collection."""

import json
import logging
import subprocess
import sys

import pytest
from django.db import OperationalError

from promel import health
from promel.jsonlog import JsonFormatter
from roles.views.home import HomeView
from roles.views.search import SearchView
from roles.visitors.models import RecruitmentRequest

from .visitors import request_data

pytestmark = pytest.mark.django_db

REDIS_NOWHERE = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.2},
    }
}


def test_health_reports_database_and_cache(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        response = client.get("/sante/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"] and not response.cookies


def test_a_cache_outage_alone_keeps_the_server_in_service(client, settings):
    settings.CACHES = REDIS_NOWHERE
    response = client.get("/sante/")
    assert response.status_code == 200
    assert response.json()["cache"] == "down"
    assert client.get("/").status_code == 200  # pages come from the database


def test_health_says_503_when_the_database_does_not_answer(client, monkeypatch):
    monkeypatch.setattr(health, "database_answers", lambda: False)
    response = client.get("/sante/")
    assert response.status_code == 503
    assert response.json()["database"] == "down"


def database_down(*args, **kwargs):
    raise OperationalError("connection to server at db.internal.example failed: Connection refused")


def test_a_database_outage_gives_a_french_503_page(client, monkeypatch):
    monkeypatch.setattr(HomeView, "get_context_data", database_down)
    response = client.get("/")
    assert response.status_code == 503
    body = response.content.decode()
    assert "Service temporairement indisponible" in body
    assert "Traceback" not in body and "db.internal.example" not in body
    assert response["Retry-After"]


def test_a_form_never_reports_a_success_it_did_not_have(client, monkeypatch):
    monkeypatch.setattr(RecruitmentRequest, "save", database_down)
    response = client.post("/contact/", request_data())
    assert response.status_code == 503
    assert "n’a pas été enregistré" in response.content.decode()


def test_errors_are_logged_as_json_with_path_and_request_id(client, monkeypatch, caplog):
    monkeypatch.setattr(RecruitmentRequest, "save", database_down)
    with caplog.at_level(logging.ERROR):
        response = client.post(
            "/contact/", request_data(message="Corps secret du message", email="moi@secret.example")
        )
    lines = [json.loads(JsonFormatter().format(record)) for record in caplog.records]
    entry = next(line for line in lines if line["message"] == "Database unavailable")
    assert entry["path"] == "/contact/" and entry["method"] == "POST"
    assert entry["request_id"] == response["X-Request-ID"]
    assert "OperationalError" in entry["exception"]
    assert all("secret" not in json.dumps(line) for line in lines)


def test_server_errors_are_logged_without_what_the_visitor_typed(client, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise RuntimeError("bug")

    monkeypatch.setattr(SearchView, "get_queryset", broken)
    client.raise_request_exception = False
    with caplog.at_level(logging.ERROR):
        response = client.get("/recherche/", {"q": "motdepasse-tres-secret"})
    assert response.status_code == 500
    lines = [JsonFormatter().format(record) for record in caplog.records]
    assert any('"path": "/recherche/"' in line and "RuntimeError" in line for line in lines)
    assert not any("motdepasse-tres-secret" in line for line in lines)


def test_a_worker_leaves_what_it_loaded_out_of_garbage_collections():
    loaded = "import gc, promel.wsgi; print(gc.get_freeze_count())"
    frozen = subprocess.run(
        [sys.executable, "-c", loaded], capture_output=True, text=True, check=True
    )
    assert int(frozen.stdout) > 10_000  # Django, the apps and their models
