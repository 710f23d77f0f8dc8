"""Defences of the visitors' forms that need no third-party service and no per-visitor value
in the page: a honeypot field (roles.forms.visitors) and a per-IP rate limit (django-ratelimit).
"""

from django.conf import settings
from django_ratelimit.core import is_ratelimited


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
