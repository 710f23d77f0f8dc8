"""The home page."""

from django.views.generic import TemplateView

from ..forms.search import SearchForm
from ..models import Family, Role


class HomeView(TemplateView):
    template_name = "roles/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            families=Family.objects.with_published_counts(),
            featured_roles=Role.objects.published().featured()[:6],
            search_form=SearchForm(),
            **kwargs,
        )
