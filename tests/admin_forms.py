"""Admin change forms as an editor's browser would submit them, unchanged unless told."""

from django.urls import reverse


def _field_data(bound_field):
    widget = bound_field.field.widget
    widget = getattr(widget, "widget", widget)  # the admin wraps related fields' widgets
    yield from _widget_data(widget, bound_field.html_name, bound_field.value())


def _widget_data(widget, name, value):
    context = widget.get_context(name, value, {})["widget"]
    for sub in context.get("subwidgets") or [context]:
        value = sub["value"]
        if sub.get("type") == "checkbox":
            if sub["attrs"].get("checked"):
                yield sub["name"], "on"
        else:
            yield sub["name"], "" if value is None else value


def _form_data(form):
    data = {}
    for bound_field in form:
        data.update(_field_data(bound_field))
        if bound_field.field.show_hidden_initial:  # sent along, as "initial-<name>"
            initial = bound_field.initial
            hidden = bound_field.field.hidden_widget()
            for name, value in _widget_data(hidden, bound_field.html_initial_name, initial):
                data[name] = value
    return data


def submitted_data(response):
    """The POST data of the admin form shown in `response`, with every inline row as shown."""
    context = response.context
    data = _form_data(context["adminform"].form)
    for inline in context["inline_admin_formsets"]:
        formset = inline.formset
        data.update(_form_data(formset.management_form))
        for form in formset.forms:
            data.update(_form_data(form))
    return data


def change_url(role):
    return reverse("admin:roles_role_change", args=[role.pk])


def edit(client, role, **changes):
    """Submit the sheet's change form as shown, with `changes` applied."""
    data = {**submitted_data(client.get(change_url(role))), **changes}
    response = client.post(change_url(role), data)
    assert response.status_code == 302, response.context["adminform"].errors
    return response
