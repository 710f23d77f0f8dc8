"""Addresses: reverse() remembered (a page links to dozens of sheets, skills and sectors, and
their addresses only change with the URL configuration), and absolute ones for feeds and data."""

import contextvars
import functools

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf, reverse


@functools.lru_cache(maxsize=20_000)
def _reverse(urlconf, prefix, viewname, args):
    return reverse(viewname, urlconf=urlconf, args=args)


# The URL configuration and script prefix of the request being served (RouteMiddleware):
# Django keeps both in asgiref locals, which take about 6 µs to read, and a page has dozens of
# links.
_route = contextvars.ContextVar("route", default=None)


def cached_reverse(viewname, *args):
    """reverse(viewname, args=args), computed once per address."""
    urlconf, prefix = _route.get() or (get_urlconf(), get_script_prefix())
    return _reverse(urlconf, prefix, viewname, args)


class RouteMiddleware:
    """Read the request's URL configuration and script prefix once, for cached_reverse()."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _route.set((get_urlconf(), get_script_prefix()))
        try:
            return self.get_response(request)
        finally:
            _route.reset(token)


@receiver(setting_changed)
def forget_addresses(setting, **kwargs):
    if setting == "ROOT_URLCONF":  # tests that swap the URL configuration
        _reverse.cache_clear()


def absolute(path):
    """An absolute URL on the public site, from SITE_URL (never from the Host header)."""
    return f"{settings.SITE_URL}{path}"
