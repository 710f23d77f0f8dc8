"""The Jinja2 environment of the page parts that cost most to render with no cache.

Profiled on the uncached sheet, Django's template engine spent more than the page's queries
and Python together on the sheet's sections and forms, and a tenth of the page on the site's
header and footer with their links; lists spent as much on their sheet cards. Jinja2 compiles
templates to Python functions. Those parts live in templates/jinja2/, once, with the site's
layout (layout.html) and the search page; the rest of every page stays in Django templates,
which include them with `{% jinja_include %}` and hand their blocks to the layout through
base.html (templatetags/jinja.py), in the same context. The filters are the Django
templates' own functions, and the templates get French typography once, when loaded, as
Django's do (roles.typography).
"""

from django.template import defaultfilters
from django.template.defaulttags import querystring as django_querystring
from django.templatetags.static import static
from django.utils import timezone
from jinja2 import Environment, FileSystemLoader

from . import structured_data
from .forms import html
from .links import cached_reverse
from .rendering import (
    de,
    euros,
    job_link,
    lang_title,
    move_details,
    plain_text,
    salary_chart,
    salary_range,
    search_excerpt,
)
from .templatetags.french import count
from .typography import french_template


class FrenchLoader(FileSystemLoader):
    """Jinja2 templates with French typography in their literal text, fixed at load time."""

    def get_source(self, environment, template):
        source, filename, uptodate = super().get_source(environment, template)
        return french_template(source), filename, uptodate


def local_date(moment, format_string):
    """Django's `date` filter, in the site's time zone as Django templates show dates."""
    return defaultfilters.date(timezone.template_localtime(moment), format_string)


def querystring(request, **changes):
    """Django's {% querystring page=2 %}: the request's query with these values changed."""
    return django_querystring(None, request.GET, **changes)


def environment(**options):
    options["loader"] = FrenchLoader(options["loader"].searchpath)
    env = Environment(**options)
    env.globals.update(
        breadcrumb_json_ld=structured_data.breadcrumb_script,
        querystring=querystring,
        salary_chart=salary_chart,
        static=static,
        url=cached_reverse,
    )
    env.filters.update(
        count=count,
        date=local_date,
        de=de,
        errors=html.errors_html,
        euros=euros,
        field_group=html.field_group_html,
        job_link=job_link,
        label=html.label_html,
        lang_title=lang_title,
        move_details=move_details,
        plain_text=plain_text,
        pluralize=defaultfilters.pluralize,
        salary_range=salary_range,
        search_excerpt=search_excerpt,
        urlencode=defaultfilters.urlencode,
        widget=html.widget_html,
    )
    return env
