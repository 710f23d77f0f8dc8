"""Addresses: reverse() remembered (a page links to dozens of sheets, skills and sectors, and
their addresses only change with the URL configuration), and absolute ones for feeds and data."""

import functools

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf, reverse


@functools.lru_cache(maxsize=20_000)
def _reverse(urlconf, prefix, viewname, args):
    return reverse(viewname, urlconf=urlconf, args=args)


def cached_reverse(viewname, *args):
    """reverse(viewname, args=args), computed once per address."""
    return _reverse(get_urlconf(), get_script_prefix(), viewname, args)


@receiver(setting_changed)
def forget_addresses(setting, **kwargs):
    if setting == "ROOT_URLCONF":  # tests that swap the URL configuration
        _reverse.cache_clear()


def absolute(path):
    """An absolute URL on the public site, from SITE_URL (never from the Host header)."""
    return f"{settings.SITE_URL}{path}"
