"""Form fields as HTML in Python: the markup of Django's form templates, without the templates.

The sheet page ends with two forms; rendering their fields through Django's per-widget
templates cost more than the rest of the sheet's sections together. These functions write the
same label, help text, errors and input (with `aria-invalid` and `aria-describedby`), for the
widgets a visitor's form uses; any other widget is rendered by Django itself.
"""

from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import mark_safe

WIDGETS = "django/forms/widgets/"
INPUT_TEMPLATES = {
    f"{WIDGETS}{name}.html" for name in ("text", "email", "url", "number", "hidden", "checkbox")
}
TEXTAREA_TEMPLATE = f"{WIDGETS}textarea.html"


def is_plain(bound_field):
    """A one-element field this module writes (an input or a textarea)."""
    field = bound_field.field
    return (
        field.widget.template_name in INPUT_TEMPLATES | {TEXTAREA_TEMPLATE}
        and not field.show_hidden_initial
        and not field.localize
        and not bound_field.use_fieldset
        and not hasattr(bound_field.form, "required_css_class")
    )


def attributes(attrs):
    """attrs.html: ` name="value"`, a bare ` name` for True, nothing for False."""
    return mark_safe(  # noqa: S308 - every value escaped
        "".join(
            f" {name}" if value is True else f' {name}="{conditional_escape(value)}"'
            for name, value in attrs.items()
            if value is not False
        )
    )


def widget_html(bound_field):
    """What {{ field }} renders."""
    if not is_plain(bound_field):
        return str(bound_field)
    widget = bound_field.field.widget
    attrs = bound_field.build_widget_attrs({}, widget)
    if bound_field.auto_id and "id" not in widget.attrs:
        attrs.setdefault("id", bound_field.auto_id)
    context = widget.get_context(bound_field.html_name, bound_field.value(), attrs)["widget"]
    name, value, attrs = context["name"], context["value"], attributes(context["attrs"])
    if widget.template_name == TEXTAREA_TEMPLATE:
        return format_html('<textarea name="{}"{}>\n{}</textarea>', name, attrs, value or "")
    shown = "" if value is None else format_html(' value="{}"', value)
    return format_html('<input type="{}" name="{}"{}{}>', context["type"], name, shown, attrs)


def errors_html(bound_field):
    """What {{ field.errors }} renders."""
    errors = bound_field.errors
    if not errors:
        return ""
    field_id = format_html(' id="{}_error"', errors.field_id) if errors.field_id else ""
    items = format_html_join("", "<li>{}</li>", ((error,) for error in errors))
    return format_html('<ul class="{}"{}>{}</ul>', errors.error_class, field_id, items)


def label_html(bound_field):
    """What {{ field.label_tag }} renders."""
    field, form = bound_field.field, bound_field.form
    suffix = field.label_suffix if field.label_suffix is not None else form.label_suffix
    contents = conditional_escape(bound_field.label)
    if suffix and contents and contents[-1] not in ":?.!":
        contents = format_html("{}{}", contents, suffix)
    label_id = field.widget.attrs.get("id") or bound_field.auto_id
    if not label_id:
        return contents
    for_id = field.widget.id_for_label(label_id)
    if not for_id:  # a group of inputs (radio buttons) is labelled by its legend
        return format_html("<label>{}</label>", contents)
    return format_html('<label for="{}">{}</label>', for_id, contents)


def help_html(bound_field):
    if not bound_field.help_text:
        return ""
    help_id = format_html(' id="{}_helptext"', bound_field.auto_id) if bound_field.auto_id else ""
    # Help texts are ours, and Django's template shows them unescaped too.
    help_text = mark_safe(bound_field.help_text)  # noqa: S308
    return format_html('<div class="helptext"{}>{}</div>', help_id, help_text)


def field_group_html(bound_field):
    """What {{ field.as_field_group }} renders: label, help text, errors, then the input."""
    if not is_plain(bound_field):
        return bound_field.as_field_group()
    parts = [label_html(bound_field) if bound_field.label else "", help_html(bound_field)]
    parts += [errors_html(bound_field), widget_html(bound_field)]
    return mark_safe("\n".join(part for part in parts if part))  # noqa: S308 - parts escaped above
