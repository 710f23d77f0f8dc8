"""The sheet's form as it stands, unsaved, shown as the public page will show it."""

from django.contrib.admin import helpers
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.forms.formsets import all_valid
from django.template.response import TemplateResponse

from ..views.sheets import SheetPageView
from .layout import errors_of, sections_in_order


class UnsavedSheetPreview(SheetPageView):
    """The public sheet page, whose content exists only in a transaction rolled back once the
    page is rendered."""

    def shows_unpublished(self):
        return True

    def get_context_data(self, **kwargs):
        return super().get_context_data(preview=True, unsaved=True, **kwargs)


def unsaved_preview(model_admin, request, object_id=None):
    """Save the posted form in a transaction, render the public page, roll everything back."""
    obj = model_admin.get_object(request, unquote(object_id)) if object_id else None
    allowed = (
        model_admin.has_change_permission(request, obj)
        if obj
        else (model_admin.has_add_permission(request))
    )
    if request.method != "POST" or not allowed:
        raise PermissionDenied
    change = obj is not None
    with transaction.atomic():
        form = model_admin.get_form(request, obj, change=change)(
            request.POST, request.FILES, instance=obj
        )
        valid = form.is_valid()
        role = model_admin.save_form(request, form, change=change) if valid else form.instance
        formsets, inlines = model_admin._create_formsets(request, role, change=change)
        if valid and all_valid(formsets):
            model_admin.save_model(request, role, form, change)
            model_admin.save_related(request, form, formsets, change)
            response = _rendered_sheet(request, role.pk)
        else:
            response = _errors_page(model_admin, request, form, formsets, inlines, obj)
        transaction.set_rollback(True)
    return response


def _rendered_sheet(request, pk):
    view = UnsavedSheetPreview()
    view.setup(request, pk=pk)
    return view.get(request, pk=pk).render()


def _errors_page(model_admin, request, form, formsets, inlines, obj):
    fieldsets = model_admin.get_fieldsets(request, obj)
    adminform = helpers.AdminForm(form, fieldsets, {}, model_admin=model_admin)
    inline_formsets = model_admin.get_inline_formsets(request, formsets, inlines, obj)
    sections = sections_in_order(model_admin.sections, adminform, inline_formsets)
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": "Aperçu impossible pour l’instant",
        "field_errors": errors_of(sections),
    }
    return TemplateResponse(request, "admin/roles/role/preview_errors.html", context).render()
