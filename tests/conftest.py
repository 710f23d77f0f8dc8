import os

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import TransactionTestCase

from roles.models import Family, Role

from . import database

# The SMTP servers' fixtures (mail_server, mail_server_down, mail_server_hanging), for every test.
pytest_plugins = ["tests.mail_servers"]


def pytest_terminal_summary(terminalreporter):
    """Where the browser tests left their screenshots (here: xdist's main process loads it)."""
    from .browser.conftest import SCREENSHOTS

    if SCREENSHOTS.exists():
        terminalreporter.write_line(f"Screenshots of every page type: {SCREENSHOTS}")


def pytest_collection_modifyitems(config, items):
    """Tests that run once, in the suite on PostgreSQL.

    The fault and stack tests start their own servers on a PostgreSQL of their own, not the
    test database, whatever DATABASE_URL says. The browser tests too when
    BROWSER_TESTS_ON_POSTGRESQL_ONLY is set: CI runs both suites, and what a person sees is
    checked once, on the production database (a plain `make test` on SQLite runs them).
    """
    if connection.vendor == "postgresql":
        return
    only_there = {"faults", "stack"}
    if os.environ.get("BROWSER_TESTS_ON_POSTGRESQL_ONLY"):
        only_there.add("browser")
    skip = pytest.mark.skip(reason="runs in the suite on PostgreSQL")
    for item in items:
        if only_there & set(item.keywords):
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Rate limits count in the cache: each test starts with none spent."""
    cache.clear()


@pytest.fixture(autouse=True)
def no_lockout_by_default(settings):
    """Client.login() authenticates without a request, which django-axes refuses.

    tests/test_login_protection.py turns it back on.
    """
    settings.AXES_ENABLED = False


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Each process's new test database, remembered as migrated (tests/database.py): a test
    that commits gets the tables it wrote to put back as migrated, not every table emptied."""
    with django_db_blocker.unblock():
        database.remember_migrated()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(TransactionTestCase, "_fixture_setup", database.fixture_setup)
        patch.setattr(TransactionTestCase, "_fixture_teardown", database.fixture_teardown)
        yield


@pytest.fixture
def referentials(db):
    """The official lists, which migrations load and every test starts with."""


@pytest.fixture(scope="session")
def fixture_sheet_rows(django_db_setup, django_db_blocker):
    """What `load_initial_content` writes into a new database, loaded once per process."""
    with django_db_blocker.unblock():
        return database.load_fixture_sheets()


@pytest.fixture
def fixture_sheets(fixture_sheet_rows, referentials):
    """The sheets shipped in fixtures/, as `make run` loads them (into a database without
    sheets): the rows the command wrote once, written again in this test's database."""
    if not (Role.objects.exists() or Family.objects.exists()):
        database.put_back(fixture_sheet_rows, list(fixture_sheet_rows))
    return Role.objects.published()


@pytest.fixture
def editor(db, django_user_model):
    return django_user_model.objects.create_superuser(
        username="redaction", email="redaction@example.com", password="motdepasse-solide"
    )


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client
