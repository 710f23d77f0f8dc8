"""Head-of-page helpers: JSON-LD blocks and reuse of a page's title and description."""

from django import template
from django.template.loader_tags import BLOCK_CONTEXT_KEY
from django.utils.safestring import mark_safe

from roles import structured_data

register = template.Library()


@register.simple_tag(takes_context=True)
def block_text(context, name):
    """Render the page's block `name` again (its <title> serves Open Graph and Twitter too).

    BlockNode.render() renders the most derived version of the block, {{ block.super }}
    included, whichever node of that name it is called on.
    """
    block_context = context.render_context.get(BLOCK_CONTEXT_KEY)
    block = block_context.get_block(name) if block_context else None
    if block is None:
        return ""
    return mark_safe(block.render(context).strip())  # noqa: S308 - escaped when rendered


@register.simple_tag(takes_context=True)
def breadcrumb_json_ld(context):
    if "canonical_url" not in context:  # the 500 page renders without context processors
        return ""
    crumbs = context.get("crumbs") or []
    return structured_data.script(structured_data.breadcrumb_list(crumbs, context["canonical_url"]))


@register.simple_tag
def occupation_json_ld(role):
    return structured_data.script(structured_data.occupation(role))


@register.simple_tag
def site_json_ld():
    return structured_data.script(structured_data.organization_and_website())
