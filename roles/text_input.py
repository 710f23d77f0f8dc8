"""Text as editors type or paste it, made stable before it is stored.

Browsers send textareas with CRLF line endings, and text pasted from Word, Google Docs or an
e-mail brings its own list markers ("•", "–", "1.⇥", "a)"). Stored as such, an untouched field
would differ from its previous version, and a pasted list would read as one paragraph.
"""

import re

from django import forms

LINE_BREAKS = re.compile(r"\r\n?|\u2028|\u2029")
TRAILING_SPACES = re.compile(r"[ \t]+$", re.MULTILINE)
BULLET = re.compile(r"^[ \t]*(?:[•◦▪▫·●○■□➢➤►‣⁃–—\-*][ \t\u00a0]+|o\t[ \t]*)(?=\S)")
NUMBERED = re.compile(r"^[ \t]*(\d{1,3}|[a-z])[.)][ \t\u00a0]+(?=\S)")


def normalised(text):
    """LF line endings and no spaces at the end of a line (non-breaking spaces are kept)."""
    return TRAILING_SPACES.sub("", LINE_BREAKS.sub("\n", text))


def pasted_lists_as_markdown(text):
    """Lines starting with a bullet or a number or letter become Markdown list items."""
    lines, previous = [], "blank"
    for line in normalised(text).split("\n"):
        kind, line = _list_item(line)
        if kind != "text" and previous == "text":
            lines.append("")  # Markdown starts a list only after a blank line
        elif kind == "text" and line and previous in ("bullet", "number"):
            lines.append("")
        lines.append(line)
        previous = kind if line else "blank"
    return "\n".join(lines)


def _list_item(line):
    if match := BULLET.match(line):
        return "bullet", "- " + line[match.end() :]
    if match := NUMBERED.match(line):
        return "number", f"{_number(match.group(1))}. " + line[match.end() :]
    return "text", line


def _number(marker):
    return int(marker) if marker.isdigit() else ord(marker.lower()) - ord("a") + 1


class NormalisedCharField(forms.CharField):
    """A text field whose value is normalised before validation and change detection."""

    def to_python(self, value):
        value = super().to_python(value)
        return normalised(value) if isinstance(value, str) else value


class MarkdownField(NormalisedCharField):
    """A Markdown text where pasted lists keep their structure."""

    def to_python(self, value):
        value = super().to_python(value)
        return pasted_lists_as_markdown(value) if isinstance(value, str) else value
