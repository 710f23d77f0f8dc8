"""Tags that key the sheet's cached content (see roles.page_cache)."""

from django import template

from .. import page_cache

register = template.Library()


@register.simple_tag(takes_context=True)
def sheet_content_key(context, role):
    return page_cache.sheet_content_key(context["request"], role)


register.simple_tag(page_cache.fragment_seconds, name="fragment_seconds")
