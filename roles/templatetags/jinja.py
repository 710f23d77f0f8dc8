"""Django templates rendering Jinja2 ones (roles/jinja.py) in the same context.

{% jinja_include "name" key=value %} includes one, with these values as {% include ... with
key=value %} gives them. {% jinja_layout "name" %}{% block ... %}...{% endjinja_layout %}
renders the page's version of each block (base.html) and hands them to that layout as
`page_blocks`.
"""

from django import template
from django.template import engines
from django.template.loader_tags import BlockNode
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag(takes_context=True)
def jinja_include(context, name, **values):
    rendered = engines["jinja2"].env.get_template(name).render(context.flatten() | values)
    return mark_safe(rendered)  # noqa: S308 - escaped by Jinja2's autoescape


class JinjaLayoutNode(template.Node):
    def __init__(self, layout, nodelist):
        self.layout, self.nodelist = layout, nodelist

    def render(self, context):
        # BlockNode.render() renders the most derived version of its block.
        blocks = {
            node.name: mark_safe(node.render(context).strip())  # noqa: S308 - escaped when rendered
            for node in self.nodelist
            if isinstance(node, BlockNode)
        }
        return jinja_include(context, self.layout.resolve(context), page_blocks=blocks)


@register.tag
def jinja_layout(parser, token):
    _, layout = token.split_contents()
    nodelist = parser.parse(("endjinja_layout",))
    parser.delete_first_token()
    return JinjaLayoutNode(parser.compile_filter(layout), nodelist)
