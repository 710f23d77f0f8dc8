"""The career map: every public sheet with its moves, drawn family by family."""

from django.views.generic import ListView

from ..career_map import family_maps
from ..models import Role
from .mixins import BreadcrumbsMixin, ForgivingPaginationMixin


class CareerMapView(BreadcrumbsMixin, ForgivingPaginationMixin, ListView):
    """Every public sheet with the moves into and out of it, drawn family by family."""

    template_name = "roles/career_map.html"
    context_object_name = "roles"
    paginate_by = 50  # a family's graph stays short enough to read

    def get_breadcrumbs(self):
        return [("Parcours", None)]

    def get_queryset(self):
        return Role.objects.published().for_list().by_family()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["families"] = family_maps(context["roles"])
        return context
