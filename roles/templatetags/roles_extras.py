from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from roles.models import Role
from roles.models.search import HIGHLIGHT_START, HIGHLIGHT_STOP
from roles.rendering import euros, render_markdown, render_plain_text, signed_euros

register = template.Library()


@register.filter
def markdown(text):
    """Editors' Markdown as sanitised HTML."""
    return mark_safe(render_markdown(text))  # noqa: S308 - sanitised by nh3 above


@register.filter
def plain_text(text):
    """Visitors' text, escaped, with line breaks and nofollow links."""
    return mark_safe(render_plain_text(text))  # noqa: S308 - escaped in render_plain_text


@register.filter
def sheet_markdown(text):
    """Like `markdown`, with links to sheets the public cannot open turned into plain text."""
    return Role.objects.markdown_html(text)


@register.filter
def job_link(sheet, name):
    """A job of a career move: a link to its sheet when it has a public one, else its name."""
    if sheet:
        return format_html('<a href="{}">{}</a>', sheet.get_absolute_url(), name)
    return format_html("<span>{}</span>", name)


@register.filter
def move_details(move):
    """The kind of a career move, and the usual experience before it."""
    years = move.years_of_experience
    if not years:
        return format_html('<span class="move">{}</span>', move.get_kind_display())
    return format_html(
        '<span class="move">{}, après {} an{} d’expérience environ</span>',
        move.get_kind_display(),
        years,
        "s" if years > 1 else "",
    )


@register.filter
def salary_range(figures):
    """Low to high figures with the usual one, or only the usual one ("environ ...")."""
    if figures.minimum is None or figures.maximum is None:
        return format_html("environ {}", euros(figures.typical))
    return format_html(
        '{} à {}<br><span class="typical">habituellement {}</span>',
        euros(figures.minimum),
        euros(figures.maximum),
        euros(figures.typical),
    )


register.filter("euros", euros)
register.filter("signed_euros", signed_euros)


ELIDING_INITIALS = set("aeiouyàâäéèêëîïôöùûüœAEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜŒ")


@register.filter
def de(name):
    """French "de" before a name, elided before a vowel: "de COO", "d’account executive"."""
    return f"d’{name}" if name[:1] in ELIDING_INITIALS else f"de {name}"


@register.filter
def search_excerpt(role):
    """The search excerpt of a sheet, escaped, with matched words in <mark>; "" if none."""
    excerpt = getattr(role, "excerpt", None) or ""
    if HIGHLIGHT_START not in excerpt:
        return ""
    marked = escape(excerpt).replace(HIGHLIGHT_START, "<mark>").replace(HIGHLIGHT_STOP, "</mark>")
    return mark_safe(marked)  # noqa: S308 - escaped above, only our own tags added
