"""Defences of the visitors' forms that need no third-party service.

A honeypot field, a signed minimum fill time and a per-IP rate limit (django-ratelimit).
"""

import time

from django.conf import settings
from django.core import signing
from django_ratelimit.core import is_ratelimited

STARTED_SALT = "roles.form-started"
CONFIRMED_SALT = "roles.form-confirmed"


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


def over_rate(request, group, rate_setting):
    """Count this submission and say whether its sender went over the limit."""
    rate = getattr(settings, rate_setting)
    return is_ratelimited(
        request, group=group, key=client_ip, rate=rate, method="POST", increment=True
    )


def start_token(now=None):
    """A signed record of when the form was shown."""
    return signing.dumps(int(now if now is not None else time.time()), salt=STARTED_SALT)


def seconds_since(token):
    """Seconds since `start_token` made the token; None when it is missing or forged."""
    try:
        started = signing.loads(token or "", salt=STARTED_SALT, max_age=7 * 24 * 3600)
    except signing.BadSignature:
        return None
    return time.time() - started


def confirmation_token():
    return signing.dumps("confirmed", salt=CONFIRMED_SALT)


def is_confirmation(token):
    try:
        return signing.loads(token or "", salt=CONFIRMED_SALT, max_age=24 * 3600) == "confirmed"
    except signing.BadSignature:
        return False
