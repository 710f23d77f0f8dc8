"""Pages for reuse: open data documentation, feeds index, robots.txt."""

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from ..models import Role
from .mixins import BreadcrumbsMixin


class OpenDataView(BreadcrumbsMixin, TemplateView):
    template_name = "roles/open_data.html"

    def get_breadcrumbs(self):
        return [("Données ouvertes", None)]

    def get_context_data(self, **kwargs):
        example = Role.objects.published().order_by("sort_title").first()
        return super().get_context_data(example=example, **kwargs)


class FeedIndexView(BreadcrumbsMixin, TemplateView):
    template_name = "roles/feeds.html"

    def get_breadcrumbs(self):
        return [("Flux", None)]


@require_safe
def robots_txt(request):
    """Crawl everything public.

    Nothing is disallowed: search results, comparisons and job-ad drafts say `noindex` in
    their pages, which a crawler reads only if it may fetch them; the admin says it in its
    X-Robots-Tag header (and its address stays unnamed here).
    """
    lines = ["User-agent: *", "Disallow:", "", f"Sitemap: {settings.SITE_URL}{reverse('sitemap')}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
