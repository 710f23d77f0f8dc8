"""Per-client limits on what costs the server, and the French 429 page saying when to retry."""

import math

from django.conf import settings
from django.shortcuts import render
from django_ratelimit.core import _split_rate


def client_ip(group, request):
    """The visitor's address: REMOTE_ADDR, or the entry the trusted proxies added.

    Each trusted proxy appends the address it received from to X-Forwarded-For, so with N
    of them the client is the N-th entry from the right; entries further left are whatever
    the client chose to send and are ignored.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    addresses = [part.strip() for part in forwarded.split(",") if part.strip()]
    if proxies and len(addresses) >= proxies:
        return addresses[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def retry_seconds(rate):
    """The longest wait before a limit of this rate ("5/10m") lets the client in again."""
    return _split_rate(rate)[1]


def too_many_requests(request, rate, template="429.html"):
    seconds = retry_seconds(rate)
    context = {"retry_minutes": max(1, math.ceil(seconds / 60))}
    response = render(request, template, context, status=429)
    response["Retry-After"] = str(seconds)
    response["Cache-Control"] = "private, no-store"  # one client's answer, never shared
    return response
