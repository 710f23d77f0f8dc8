"""JSON-LD blocks of the pages' heads (the layout's breadcrumbs: roles/jinja.py)."""

from django import template

from roles import structured_data

register = template.Library()


@register.simple_tag
def occupation_json_ld(role):
    return structured_data.script(structured_data.occupation(role))


@register.simple_tag
def site_json_ld():
    return structured_data.script(structured_data.organization_and_website())
