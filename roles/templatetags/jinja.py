"""{% jinja_include "name" key=value %}: a Jinja2 template (roles/jinja.py) rendered with this
context, and these values as {% include ... with key=value %} gives them."""

from django import template
from django.template import engines
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag(takes_context=True)
def jinja_include(context, name, **values):
    rendered = engines["jinja2"].env.get_template(name).render(context.flatten() | values)
    return mark_safe(rendered)  # noqa: S308 - escaped by Jinja2's autoescape
