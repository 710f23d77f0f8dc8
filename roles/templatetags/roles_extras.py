from django import template
from django.utils.safestring import mark_safe

from roles.models import Role
from roles.rendering import (
    de,
    euros,
    job_link,
    move_details,
    plain_text,
    render_markdown,
    salary_range,
    search_excerpt,
    signed_euros,
)

register = template.Library()


@register.filter
def markdown(text):
    """Editors' Markdown as sanitised HTML."""
    return mark_safe(render_markdown(text))  # noqa: S308 - sanitised by nh3 above


@register.filter
def sheet_markdown(text):
    """Like `markdown`, with links to sheets the public cannot open turned into plain text."""
    return Role.objects.markdown_html(text)


for helper in (de, euros, job_link, move_details, plain_text, salary_range, search_excerpt):
    register.filter(helper.__name__, helper)
register.filter("signed_euros", signed_euros)
