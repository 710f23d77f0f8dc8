"""{% jinja_include "name" %}: a Jinja2 template (roles/jinja.py) rendered with this context."""

from django import template
from django.template import engines
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag(takes_context=True)
def jinja_include(context, name):
    rendered = engines["jinja2"].env.get_template(name).render(context.flatten())
    return mark_safe(rendered)  # noqa: S308 - escaped by Jinja2's autoescape
