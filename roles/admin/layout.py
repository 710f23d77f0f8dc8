"""The sheet's screen in the page's order, with a table of contents and a summary of errors."""

from dataclasses import dataclass, field

from django.forms.forms import NON_FIELD_ERRORS


@dataclass
class Section:
    """One part of the screen: a fieldset or an inline, with its anchor and its errors."""

    title: str
    anchor: str
    fieldset: object = None
    number: int = 0  # of the fieldset, in its heading's id
    inline: object = None
    errors: list = field(default_factory=list)


@dataclass
class FieldError:
    label: str
    message: str
    anchor: str


def sections_in_order(order, adminform, inline_admin_formsets):
    """Fieldsets (by name) and inlines (by prefix) as `order` lists them; the others after."""
    by_key = {}
    for number, fieldset in enumerate(adminform):
        by_key[fieldset.name or ""] = Section(
            fieldset.name or "Fiche", f"fieldset-0-{number}-heading", fieldset, number
        )
    for inline in inline_admin_formsets:
        prefix = inline.formset.prefix
        title = str(inline.opts.verbose_name_plural).capitalize()
        by_key[prefix] = Section(title, f"{prefix}-heading", inline=inline)
    keys = [key for key in order if key in by_key] + [key for key in by_key if key not in order]
    sections = [by_key[key] for key in keys]
    for section in sections:
        section.errors = section_errors(section, adminform.form, first=section is sections[0])
    return sections


def section_errors(section, form, first=False):
    if section.fieldset:
        names = [name for line in section.fieldset for name in _line_fields(line)]
        names = [name for name in names if name in form.fields]  # not the read-only ones
        return list(_form_errors(form, names, with_non_field=first))
    formset = section.inline.formset
    errors = [
        FieldError(section.title, message, section.anchor) for message in formset.non_form_errors()
    ]
    for number, row in enumerate(formset.forms, start=1):
        if row.errors:
            label = f"{section.inline.opts.verbose_name.capitalize()} n° {number}"
            errors += _form_errors(row, list(row.fields), label)
    return errors


def _line_fields(line):
    return [
        field.field["name"] if isinstance(field.field, dict) else field.field.name for field in line
    ]


def _form_errors(form, names, row_label="", with_non_field=True):
    """The errors of these fields of `form`, each with the id of the field to fix."""
    first = next((name for name in names if not form[name].is_hidden), None)
    for name in [NON_FIELD_ERRORS, *names] if with_non_field else names:
        target = first if name == NON_FIELD_ERRORS else name
        for message in form.errors.get(name, []):
            label = row_label or "Fiche"
            if name != NON_FIELD_ERRORS:
                field_label = str(form.fields[name].label)
                label = f"{row_label}, {field_label.lower()}" if row_label else field_label
            anchor = form[target].id_for_label if target else ""
            yield FieldError(label[:1].upper() + label[1:], message, anchor)


def errors_of(sections):
    return [error for section in sections for error in section.errors]
