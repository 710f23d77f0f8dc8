"""Tags that key the sheet's cached content (see roles.caching)."""

from django import template

from .. import caching

register = template.Library()

register.simple_tag(caching.sheet_content_key, name="sheet_content_key")
register.simple_tag(caching.fragment_seconds, name="fragment_seconds")
