"""French typography, in one place: for plain text, Markdown, HTML and template sources.

The rules (Lexique de l'Imprimerie nationale): a narrow no-break space (U+202F) before
« ; ! ? » and inside « », a no-break space (U+00A0) before « : », « % », « € » and between
a number and its unit, the curly apostrophe ’, nothing before a comma or a period. They never
touch URLs, e-mail addresses, code, HTML tags (attribute values included) or template tags.

Applied where it costs nothing per request: to the site's templates once, when they are
loaded (FrenchTemplateLoader), and to the editors' text when it is saved (roles.signals).
The french-typo package was considered: it writes `&nbsp;` entities everywhere (no narrow
space), leaves straight apostrophes, and rewrites units and ordinals inside words and code.
"""

import re

from django.template.loaders.filesystem import Loader as FilesystemLoader

NBSP = "\u00a0"
NNBSP = "\u202f"
_SPACE = "[ \t\u00a0\u202f]"

# Masked spans become one private-use character each, restored after the rules ran: markup
# and addresses from U+E000, template variables from U+E800 (they show some text), template
# tags and comments from U+F000 (they show nothing, so the rules look through them).
_MARKUP, _VARIABLE, _TAG = 0xE000, 0xE800, 0xF000
_LAYER_SIZE = 0x800
_TAG_CHAR = "[\uf000-\uf7ff]"

# Tags that only steer the rendering show nothing; the others (include, url...) show text.
_STEERING = "if elif else endif for empty endfor with endwith load block endblock extends comment"
_TEMPLATE_TAGS = re.compile(
    rf"\{{%-?\s*(?:end)?(?:{'|'.join(_STEERING.split())})\b.*?%\}}|\{{#.*?#\}}", re.DOTALL
)
_TEMPLATE_VARIABLE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
_SKIPPED_ELEMENTS = re.compile(
    r"<(script|style|pre|code|textarea|kbd|samp)\b.*?</\1\s*>|<!--.*?-->", re.DOTALL | re.I
)
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
# Addresses stop at a placeholder (a tag): "www.cnil.fr</a>" keeps its tag.
_ADDRESSES = re.compile(
    r"\b(?:https?://|mailto:|www\.)[^\s<>\"'«»\ue000-\uf8ff]*[^\s<>\"'«».,;:!?)\ue000-\uf8ff]"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|/[\w./?=&%-]*/"  # a site path written out: /metiers/coo/
)
_ENTITIES = {"&nbsp;": NBSP, "&#8239;": NNBSP, "&#39;": "'", "&#x27;": "'", "&rsquo;": "’"}
_ENTITY = re.compile("|".join(map(re.escape, _ENTITIES)))
_OTHER_ENTITY = re.compile(r"&#?\w+;")

_RULES = [
    # The apostrophe: l’équipe, aujourd’hui (code, tags and addresses are masked).
    (re.compile("'"), "’"),
    (re.compile(r"«\s*"), "«" + NNBSP),
    (re.compile(r"(?<=\S)\s*»"), NNBSP + "»"),
    # Before ; ! ? (and ?! as one): a narrow no-break space, added where missing. Not when a
    # word or a = follows (?page=2 left in a text, !important).
    (re.compile(r"(?<=[^\s«(\[<;!?])\s*([;!?]+)(?![\w=/&-])"), NNBSP + r"\1"),
    # Before a colon that ends a word (not 10:30, not std::vector).
    (re.compile(rf"(?<=[^\s\d:(«]){_SPACE}*:(?![\w/:])"), NBSP + ":"),
    (re.compile(rf"(?<=\d){_SPACE}+:(?![\w/:])"), NBSP + ":"),
    (re.compile(rf"(?<=[\d\ue800-\uefff]){_SPACE}*(%|€|k€|°C)"), NBSP + r"\1"),
    (re.compile(rf"(?<=\d){_SPACE}+(km|kg|m²|ans?|mois|h)\b"), NBSP + r"\1"),
    # Thousands: 45 000 with a narrow no-break space.
    (re.compile(rf"(?<=\d){_SPACE}(?=\d{{3}}\b)"), NNBSP),
    # Nothing before a comma or a period (template tags in between are looked through).
    (re.compile(rf"(?<=\S)\s+((?:{_TAG_CHAR}\s*)*)([,.])(?![\w.])"), r"\1\2"),
]


class _Masks:
    """Spans replaced by placeholders of one layer (a range of private-use characters)."""

    def __init__(self, base):
        self.base, self.spans = base, []

    def hide(self, pattern, text):
        def stash(match):
            self.spans.append(match[0])
            return chr(self.base + len(self.spans) - 1)

        return pattern.sub(stash, text)

    def restore(self, text):
        placeholders = f"[{chr(self.base)}-{chr(self.base + _LAYER_SIZE - 1)}]"
        return re.sub(placeholders, lambda match: self.spans[ord(match[0]) - self.base], text)


def _apply_rules(text):
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    return text


def french(text):
    """Plain text with French typography; URLs and e-mail addresses left as they are."""
    if not text:
        return text
    masks = _Masks(_MARKUP)
    return masks.restore(_apply_rules(masks.hide(_ADDRESSES, text)))


def french_html(html):
    """HTML whose text gets French typography; tags, attributes and code left as they are."""
    masks = _Masks(_MARKUP)
    html = masks.hide(_SKIPPED_ELEMENTS, html)
    html = masks.hide(_HTML_TAG, html)
    html = _ENTITY.sub(lambda match: _ENTITIES[match[0]], html)
    html = masks.hide(_OTHER_ENTITY, html)
    return masks.restore(_apply_rules(masks.hide(_ADDRESSES, html)))


def french_template(source):
    """A template's source with French typography in its literal text only."""
    variables, tags = _Masks(_VARIABLE), _Masks(_TAG)
    source = variables.hide(_TEMPLATE_VARIABLE, tags.hide(_TEMPLATE_TAGS, source))
    return tags.restore(variables.restore(french_html(source.rstrip("\n"))))


_MARKDOWN_CODE = re.compile(r"^(```|~~~).*?^\1|`+[^`]*`+|^(?: {4}|\t).*$", re.DOTALL | re.M)
_MARKDOWN_LINK_TARGET = re.compile(r"\]\([^)]*\)|<[^<>\s]+>")


def french_markdown(text):
    """Editors' Markdown with French typography; code, link targets and raw HTML untouched."""
    if not text:
        return text
    masks = _Masks(_VARIABLE)
    text = masks.hide(_MARKDOWN_CODE, text)
    text = masks.hide(_MARKDOWN_LINK_TARGET, text)
    return masks.restore(french(text))


# What editors write and visitors read, per model: (plain text fields, Markdown fields).
EDITORS_TEXT = {
    "Role": (
        ["title", "tagline", "summary", "reporting_line", "salary_note", "alternative_titles"],
        ["introduction"],
    ),
    "Family": (["name", "description"], []),
    "Sector": (["name", "description"], []),
    "Skill": (["name", "description"], []),
    "Mission": (["text", "company_context"], []),
    "RoleSkill": (["note"], []),
    "TrainingPath": (["fields_of_study", "note"], []),
    "CareerMove": (["from_title", "to_title"], []),
    "Salary": (["region", "source", "note"], []),
}


def with_french_typography(instance):
    """Correct the editors' text fields of a model instance, in place (within max_length)."""
    plain, markdown = EDITORS_TEXT[type(instance).__name__]
    for names, correct in ((plain, french), (markdown, french_markdown)):
        for name in names:
            value = correct(getattr(instance, name))
            if len(value) <= (instance._meta.get_field(name).max_length or len(value)):
                setattr(instance, name, value)
    return instance


class FrenchTemplateLoader(FilesystemLoader):
    """The project's templates (DIRS) with French typography, fixed once at load time.

    Wrapped by Django's cached loader: a template is read and corrected once per process.
    """

    def get_contents(self, origin):
        return french_template(super().get_contents(origin))
