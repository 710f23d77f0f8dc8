"""Presentation helpers with no template around them: editors' Markdown to safe HTML, euros."""

import re

import markdown
import nh3
from django.conf import settings
from django.utils.html import escape, format_html, linebreaks
from django.utils.safestring import mark_safe
from markupsafe import Markup

from .charts import salary_bars

# Shown to editors under every Markdown field: what render_markdown keeps.
MARKDOWN_HELP = (
    "Markdown\u00a0: **gras**, *italique*, listes («\u202f-\u202f» ou «\u202f1.\u202f» "
    "en début de ligne), intertitres («\u202f#\u202f» ou «\u202f##\u202f» en début de ligne), "
    "liens [texte](https://…), citations («\u202f>\u202f»), tableaux. Le HTML, les images et "
    "les scripts sont retirés. Laissez une ligne vide entre deux paragraphes."
)

ALLOWED_TAGS = {
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "br",
    "hr",
    "blockquote",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "b",
    "i",
    "code",
    "pre",
    "a",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}


def render_markdown(text):
    """Render Markdown and keep only an allow-list of tags, attributes and URL schemes.

    Headings start at level 3: the sheet gives each section its own h2.
    """
    html = markdown.markdown(
        text or "",
        extensions=["tables", "sane_lists", "toc"],
        extension_configs={"toc": {"baselevel": 3, "anchorlink": False, "permalink": False}},
        output_format="html",
    )
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
    )


PLAIN_LINK = re.compile(r"\b(?:https?://|www\.)[^\s<>\"']+", re.IGNORECASE)
TRAILING_PUNCTUATION = ".,;:!?)»"


def _link(match):
    url = match.group(0).rstrip(TRAILING_PUNCTUATION)
    trailing = match.group(0)[len(url) :]
    href = url if "://" in url else f"https://{url}"
    anchor = f'<a href="{escape(href)}" rel="nofollow ugc noopener">{escape(url)}</a>'
    return anchor + escape(trailing)


def render_plain_text(text):
    """Visitors' plain text as HTML: escaped, paragraphs and line breaks kept, links clickable.

    Nothing the visitor typed is ever read as HTML; only http(s) and www. addresses become
    links, marked as user content that search engines do not follow.
    """
    pieces, position = [], 0
    for match in PLAIN_LINK.finditer(text or ""):
        pieces.append(escape(text[position : match.start()]))
        pieces.append(_link(match))
        position = match.end()
    pieces.append(escape((text or "")[position:]))
    return linebreaks("".join(pieces), autoescape=False)


def _sheet_link_pattern():
    site = re.escape(settings.SITE_URL)
    return re.compile(rf'<a href="(?:{site})?/metiers/([^/"]+)/"[^>]*>(.*?)</a>', re.DOTALL)


def linked_sheet_slugs(html):
    """Slugs of the sheets that sanitised HTML links to (/metiers/<slug>/)."""
    return {slug for slug, _ in _sheet_link_pattern().findall(html)}


def unlink_sheets(html, slugs):
    """Links to these sheets become their plain text: never a link to a page that is gone."""
    if not slugs:
        return html
    return _sheet_link_pattern().sub(
        lambda match: match[2] if match[1] in slugs else match[0], html
    )


def euros(amount):
    """12345 -> "12 345 €" with a narrow no-break space, as French typography wants."""
    if amount is None:
        return ""
    return f"{amount:,}".replace(",", "\u202f") + "\u00a0€"


def signed_euros(amount):
    """A change of pay: "+2 000 €", "−1 500 €" (a true minus sign), "±0 €"."""
    if amount == 0:
        return "±0\u00a0€"
    return ("+" if amount > 0 else "\u2212") + euros(abs(amount))


# Marks around highlighted words in search excerpts, replaced by <mark> after escaping.
HIGHLIGHT_START, HIGHLIGHT_STOP = "\x02", "\x03"
# An excerpt may span several lines of the search content (a skill, a mission each): a line
# that ends a sentence is followed by a space, any other by a middle dot, as a list reads.
SENTENCE_END = ".!?…"
SENTENCE_BREAK = re.compile(rf"(?<=[{SENTENCE_END}])\s*\n\s*")
ITEM_BREAK = re.compile(r"\s*\n\s*")


ELIDING_INITIALS = set("aeiouyàâäéèêëîïôöùûüœAEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜŒ")


def plain_text(text):
    """Visitors' text, escaped, with line breaks and nofollow links."""
    return mark_safe(render_plain_text(text))  # noqa: S308 - escaped in render_plain_text


def job_link(sheet, name):
    """A job of a career move: a link to its sheet when it has a public one, else its name."""
    if sheet:
        return format_html('<a href="{}">{}</a>', sheet.get_absolute_url(), name)
    return format_html("<span>{}</span>", name)


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


def de(name):
    """French "de" before a name, elided before a vowel: "de COO", "d’account executive"."""
    return f"d’{name}" if name[:1] in ELIDING_INITIALS else f"de {name}"


def search_excerpt(role):
    """The search excerpt of a sheet, escaped, with matched words in <mark>; "" if none."""
    excerpt = getattr(role, "excerpt", None) or ""
    if HIGHLIGHT_START not in excerpt:
        return ""
    excerpt = ITEM_BREAK.sub(" · ", SENTENCE_BREAK.sub(" ", excerpt.strip()))
    plain = excerpt.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_STOP, "")
    opening = role.summary[:40]  # the excerpts' text starts with the summary
    if not (plain.startswith(opening) or opening.startswith(plain)):
        excerpt = "…\u00a0" + excerpt
    if plain[-1] not in SENTENCE_END:
        excerpt += "…"
    # Jinja2's escaping (markupsafe, in C) is quicker than Django's; Django templates take Markup.
    marked = str(Markup.escape(excerpt))
    return Markup(marked.replace(HIGHLIGHT_START, "<mark>").replace(HIGHLIGHT_STOP, "</mark>"))


def lang_title(role):
    """The sheet's title, marked as English when its editors say so (screen readers switch)."""
    if role.title_in_english:
        return Markup('<span lang="en">{}</span>').format(role.title)
    return role.title


def salary_chart(salaries):
    """{% salary_chart salaries as chart %}: chart.bars [(salary, Bar)] and chart.scale (€)."""
    bars, scale = salary_bars(list(salaries))
    return {"bars": bars, "scale": scale}
