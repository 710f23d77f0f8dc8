"""What the public pages share: breadcrumbs, forgiving pages, the search limit."""

from django.conf import settings
from django_ratelimit.core import is_ratelimited

from promel.limits import client_ip, too_many_requests


class ForgivingPaginationMixin:
    """Paginate without 404s: a bad page number shows the first page, a large one the last."""

    paginate_by = settings.ROLES_PER_PAGE

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()


class BreadcrumbsMixin:
    """Puts `crumbs`, the (label, url) trail after "Accueil", in the context."""

    def get_breadcrumbs(self):
        return []

    def get_context_data(self, **kwargs):
        return super().get_context_data(crumbs=self.get_breadcrumbs(), **kwargs)


class ComputedSearchLimitMixin:
    """At most SEARCH_RATE searches per client that Django computes.

    A copy served from a cache (nginx, or the 304 of roles.caching before the view runs)
    answers before this and costs the client nothing.
    """

    def get(self, request, *args, **kwargs):
        if request.GET.get("q") and is_ratelimited(
            request, group="search", key=client_ip, rate=settings.SEARCH_RATE, increment=True
        ):
            return too_many_requests(request, settings.SEARCH_RATE)
        return super().get(request, *args, **kwargs)
