"""The search page."""

from django.views.generic import ListView

from ..forms.search import SearchForm
from ..models import Role
from .mixins import BreadcrumbsMixin, ComputedSearchLimitMixin, ForgivingPaginationMixin


class SearchView(ComputedSearchLimitMixin, BreadcrumbsMixin, ForgivingPaginationMixin, ListView):
    """Results of a query."""

    template_engine = "jinja2"
    template_name = "roles/search.html"
    context_object_name = "roles"

    def get_breadcrumbs(self):
        return [("Recherche", None)]

    def get_queryset(self):
        # Unbound without a query, so that the bare page shows no error.
        self.search_form = SearchForm(self.request.GET if "q" in self.request.GET else None)
        if not self.search_form.is_valid():
            return Role.objects.none()
        return Role.objects.search(self.query)

    @property
    def query(self):
        return self.search_form.cleaned_data["q"]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(search_form=self.search_form, **kwargs)
        if self.search_form.is_valid() and not context["paginator"].count:
            context["suggestion"] = Role.objects.published().suggestion(self.query)
        if "comparer" in self.request.GET:  # picking a sheet to compare with this one
            slug = self.request.GET["comparer"]
            context["compare_with"] = Role.objects.published().with_slug(slug)
        return context
