"""Admin lists that never fail on a filter value the database cannot take."""

from contextlib import contextmanager

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
