import io

import pytest
from django.core.cache import cache
from django.core.management import call_command

from roles.models import Role
from roles.referentials.models import RomeCode

# The SMTP servers' fixtures (mail_server, mail_server_down, mail_server_hanging), for every test.
pytest_plugins = ["tests.mail_servers"]


def pytest_terminal_summary(terminalreporter):
    """Where the browser tests left their screenshots (here: xdist's main process loads it)."""
    from .browser.conftest import SCREENSHOTS

    if SCREENSHOTS.exists():
        terminalreporter.write_line(f"Screenshots of every page type: {SCREENSHOTS}")


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


@pytest.fixture
def referentials(db):
    """The official lists. Migrations load them into each test database once; a test on
    `transactional_db` (the browser tests) empties every table when it ends, so then again."""
    if not RomeCode.objects.exists():
        call_command("load_referentials", stdout=io.StringIO())


@pytest.fixture
def fixture_sheets(referentials):
    """The sheets shipped in fixtures/, loaded as `make run` loads them."""
    call_command("load_initial_content", verbosity=0)
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
