"""The legal pages: privacy policy and legal notice."""

from django.conf import settings
from django.views.generic import TemplateView

from .mixins import BreadcrumbsMixin


class LegalPageView(BreadcrumbsMixin, TemplateView):
    title = ""

    def get_breadcrumbs(self):
        return [(self.title, None)]

    def get_context_data(self, **kwargs):
        return super().get_context_data(publisher=settings.PUBLISHER, **kwargs)
