"""Admin lists: the sheets' filters, and lists that never fail on a value the database refuses."""

from contextlib import contextmanager

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList


class TolerantChangeList(ChangeList):
    """A filter value the query cannot use (NUL on PostgreSQL, a year out of range) is refused.

    Django checks most values itself, but not a date-hierarchy year too large for a date, and
    a NUL only fails when the query runs. Refused, they get Django's own answer to bad
    parameters (`?e=1`: the whole list) instead of a server error.
    """

    def get_filters(self, request):
        with refused_on_error():
            return super().get_filters(request)

    def get_results(self, request):
        with refused_on_error():
            super().get_results(request)


@contextmanager
def refused_on_error():
    try:
        yield
    except (ValueError, OverflowError) as error:
        raise IncorrectLookupParameters(error) from error


class TolerantFiltersMixin:
    def get_changelist(self, request, **kwargs):
        return TolerantChangeList


class StateFilter(admin.SimpleListFilter):
    title = "état"
    parameter_name = "etat"
    QUERYSETS = {"brouillon": "drafts", "programmee": "scheduled", "publiee": "published"}

    STATES = {"brouillon": "Brouillon", "programmee": "Programmée", "publiee": "Publiée"}

    def lookups(self, request, model_admin):
        return list(self.STATES.items())

    def queryset(self, request, queryset):
        if self.value() in self.QUERYSETS:
            return getattr(queryset, self.QUERYSETS[self.value()])()
        return queryset


class ReviewFilter(admin.SimpleListFilter):
    title = "relecture"
    parameter_name = "relecture"

    def lookups(self, request, model_admin):
        return [("a-relire", "À relire"), ("a-jour", "Relue récemment")]

    def queryset(self, request, queryset):
        if self.value() == "a-relire":
            return queryset.stale()
        if self.value() == "a-jour":
            return queryset.reviewed()
        return queryset


class ReadOnlyMixin:
    """A screen to read: records written elsewhere, never added, changed or deleted here."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
