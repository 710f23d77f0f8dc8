"""Production is chosen explicitly and refuses to start without what it needs."""

import os
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "DJANGO_ENV": "production",
    "SECRET_KEY": "a-long-random-production-key-used-only-by-this-test-0123456789abcdef",
    "ALLOWED_HOSTS": "www.example.fr",
    "DATABASE_URL": "sqlite:////tmp/promel-settings-test.sqlite3",
    "SITE_URL": "https://www.example.fr",
    "EMAIL_HOST": "smtp.example.fr",
    "REDIS_URL": "redis://127.0.0.1:6379/15",
}


def manage(*args, **env):
    # The browser tests' DJANGO_ALLOW_ASYNC_UNSAFE must not leak into a production check.
    ignored = {*PRODUCTION_ENV, "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean_env = {k: v for k, v in os.environ.items() if k not in ignored}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT,
        env={**clean_env, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_refuses_to_start_without_its_settings():
    result = manage("check", DJANGO_ENV="production")
    assert result.returncode != 0
    assert (
        "SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL, REDIS_URL, SITE_URL, EMAIL_HOST" in result.stderr
    )


def test_production_settings_pass_the_deployment_checklist():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr


def production_setting(expression, **env):
    """The value of a settings expression as production computes it."""
    code = f"from django.conf import settings; print(repr({expression}))"
    result = manage("shell", "-c", code, **{**PRODUCTION_ENV, **env})
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_production_keeps_no_state_in_the_application_server():
    assert "django_redis.cache.RedisCache" in production_setting("settings.CACHES['default']")
    assert production_setting("settings.SESSION_ENGINE") == repr(
        "django.contrib.sessions.backends.cached_db"
    )
    assert production_setting("settings.CACHES['default']['OPTIONS']['IGNORE_EXCEPTIONS']") == (
        "True"
    )


def test_production_cookies_are_secure_httponly_and_lax():
    values = production_setting(
        "(settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE,"
        " settings.SESSION_COOKIE_HTTPONLY, settings.SESSION_COOKIE_SAMESITE,"
        " settings.CSRF_COOKIE_SAMESITE, settings.CSRF_COOKIE_HTTPONLY,"
        " settings.SECURE_HSTS_SECONDS >= 31536000,"
        " settings.SECURE_HSTS_INCLUDE_SUBDOMAINS, settings.DEBUG)"
    )
    assert values == "(True, True, True, 'Lax', 'Lax', True, True, True, False)"


def test_production_recovers_when_the_database_returns():
    assert production_setting("settings.DATABASES['default']['CONN_HEALTH_CHECKS']") == "True"


def test_the_admin_path_is_configurable():
    reverse = "__import__('django.urls', fromlist=['reverse']).reverse('admin:index')"
    assert production_setting(reverse, ADMIN_URL="gestion-7f3a") == "'/gestion-7f3a/'"
