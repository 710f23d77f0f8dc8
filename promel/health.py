"""Operations: the health check that load balancers call."""

import uuid

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


def database_answers():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        return False


def cache_answers():
    # The cache ignores its own outages (IGNORE_EXCEPTIONS): only a read-back tells.
    token = uuid.uuid4().hex
    try:
        cache.set("health-check", token, timeout=10)
        return cache.get("health-check") == token
    except Exception:  # any cache backend error means "down", never a failed check
        return False


@never_cache
@require_safe
def health(request):
    """200 while the database answers, 503 when it does not; a cache outage alone is reported.

    A server whose cache is down still serves every page from the database, so it stays in
    the load balancer.
    """
    database = database_answers()
    body = {
        "status": "ok" if database else "unavailable",
        "database": "ok" if database else "down",
        "cache": "ok" if cache_answers() else "down",
    }
    return JsonResponse(body, status=200 if database else 503)
