"""Each staff member chooses the name the site shows for him (never his login)."""

from django.contrib import admin
from django.shortcuts import redirect

from ..models import EditorProfile


@admin.register(EditorProfile)
class EditorProfileAdmin(admin.ModelAdmin):
    """One screen, « Nom affiché »: every staff member sees and changes his own, no one else's."""

    fields = ["display_name"]

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_staff

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request) and (obj is None or obj.user == request.user)

    has_change_permission = has_view_permission

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        profile, _ = EditorProfile.objects.get_or_create(user=request.user)
        return redirect("admin:roles_editorprofile_change", profile.pk)
