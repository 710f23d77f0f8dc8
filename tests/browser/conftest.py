"""A real Chromium (Debian's package) driven by Playwright against Django's live server."""

import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from playwright.sync_api import sync_playwright

# Playwright's sync API runs an event loop in this thread; Django's ORM calls made by the
# tests themselves (fixtures, assertions) are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(
    os.environ.get("SCREENSHOT_DIR", Path(__file__).resolve().parents[2] / "artifacts/screenshots")
)  # printed at the end of the run by tests/conftest.py


def pytest_collection_modifyitems(config, items):
    if Path(CHROMIUM).exists():
        return
    if os.environ.get("REQUIRE_TOOLS"):
        raise pytest.UsageError(f"REQUIRE_TOOLS is set but there is no Chromium at {CHROMIUM}")
    skip = pytest.mark.skip(reason="Chromium is not installed (apt-get install -y chromium)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(
        locale="fr-FR", viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def site(live_server, fixture_sheets):
    """The live server's address, with the fixture sheets loaded."""
    return live_server.url


def save_screenshot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)


def session_cookie(user, site):
    """A browser cookie logging `user` in, as after the admin's log-in form."""
    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    return {"name": settings.SESSION_COOKIE_NAME, "value": session, "url": site}


@pytest.fixture
def editor_page(page, site):
    """A desktop browser signed in as an editor (a superuser), on the live site."""
    editor = get_user_model().objects.create_superuser("redaction", "r@example.com", "mdp-solide-1")
    page.context.add_cookies([session_cookie(editor, site)])
    page.set_viewport_size({"width": 1440, "height": 900})
    page.set_default_timeout(10_000)
    return page
