"""What every editing screen shares: stable text input, fields sized for their text, French
messages for duplicate rows, and the sheet's parts ordered by drag and drop."""

from adminsortable2.admin import CustomInlineFormSet, SortableStackedInline
from django import forms
from django.db import models

from ..text_input import MarkdownField, NormalisedCharField

# Single-line texts at least this long are prose: shown on several lines, stored on one.
PROSE_MIN_LENGTH = 200


class SingleLineProseField(NormalisedCharField):
    """A one-line text shown in a textarea: line breaks typed or pasted become spaces."""

    widget = forms.Textarea(attrs={"rows": 2})

    def to_python(self, value):
        value = super().to_python(value)
        return " ".join(value.split("\n")) if isinstance(value, str) else value


def text_form_field(db_field, markdown_fields=()):
    """The form field class for a model text field, or None for a field of another kind."""
    if db_field.choices or type(db_field) not in (models.CharField, models.TextField):
        return None
    if db_field.name in markdown_fields:
        return MarkdownField
    if type(db_field) is models.CharField and db_field.max_length >= PROSE_MIN_LENGTH:
        return SingleLineProseField
    return NormalisedCharField


class StableTextMixin:
    """Text fields normalised at input (line endings, trailing spaces), prose fields multi-line."""

    markdown_fields = ()

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        form_class = text_form_field(db_field, self.markdown_fields)
        if form_class:
            kwargs["form_class"] = form_class
            if form_class is SingleLineProseField:
                kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 2}))
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class PartFormSet(CustomInlineFormSet):
    """Rows of a sheet's part: a new row goes last, a duplicate row is named in French."""

    def get_unique_error_message(self, unique_check):
        labels = [
            str(self.form.base_fields[name].label).lower()
            for name in unique_check
            if name in self.form.base_fields
        ]
        names = " / ".join(labels)
        return (
            f"Deux lignes ont la même valeur dans «\u202f{names}\u202f»\u00a0: gardez-en une seule."
        )

    def get_form_error(self):
        return "Cette ligne répète une autre ligne."


class PartInline(StableTextMixin, SortableStackedInline):
    """A part of the sheet, one block a row, moved by dragging its title bar or its arrows."""

    formset = PartFormSet
    extra = 0
