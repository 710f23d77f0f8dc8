from django import template

from ..models import Release

register = template.Library()


@register.inclusion_tag("referentials/attribution.html")
def referential_attribution():
    """The attribution lines each list's licence asks for, with the release loaded."""
    versions = dict(Release.objects.values_list("key", "version"))
    return {"versions": versions}
