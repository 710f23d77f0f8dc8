"""The official lists in the admin: read-only, searchable (the sheets' autocomplete uses them)."""

from django.contrib import admin

from roles.admin.changelists import ReadOnlyMixin

from .models import EscoOccupation, IscoGroup, OnetOccupation, RomeCode, RomeTitle


class ReferenceAdmin(ReadOnlyMixin, admin.ModelAdmin):
    """Entries come from `load_referentials` only: nobody adds, changes or deletes one here."""

    search_fields = ["pk"]  # the search itself is ReferenceQuerySet.matching()
    list_per_page = 50

    def get_search_results(self, request, queryset, search_term):
        if not search_term.strip():
            return queryset, False
        return queryset.matching(search_term), True


class RomeTitleInline(admin.TabularInline):
    model = RomeTitle
    fields = ["label", "is_main"]
    extra = 0


@admin.register(RomeCode)
class RomeCodeAdmin(ReferenceAdmin):
    list_display = ["code", "label", "parent"]
    inlines = [RomeTitleInline]


@admin.register(RomeTitle)
class RomeTitleAdmin(ReferenceAdmin):
    list_display = ["label", "rome", "is_main"]
    list_select_related = ["rome"]


@admin.register(IscoGroup)
class IscoGroupAdmin(ReferenceAdmin):
    list_display = ["code", "label", "level"]
    list_filter = ["level"]


@admin.register(EscoOccupation)
class EscoOccupationAdmin(ReferenceAdmin):
    list_display = ["label", "isco", "uri"]
    list_select_related = ["isco"]


@admin.register(OnetOccupation)
class OnetOccupationAdmin(ReferenceAdmin):
    list_display = ["code", "label"]
