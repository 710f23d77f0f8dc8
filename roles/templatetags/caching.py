"""Tags that key the sheet's cached fragments (see roles.caching)."""

from django import template
from django.conf import settings

from .. import caching

register = template.Library()


@register.simple_tag
def content_version():
    return caching.content_version()


@register.simple_tag
def fragment_seconds():
    return settings.PUBLIC_CACHE_SECONDS
