"""{{ field|field_group }}, {{ field|widget }}, {{ field|errors }}: see roles.forms.html."""

from django import template

from roles.forms import html

register = template.Library()
register.filter("field_group", html.field_group_html)
register.filter("widget", html.widget_html)
register.filter("errors", html.errors_html)
register.filter("label", html.label_html)
