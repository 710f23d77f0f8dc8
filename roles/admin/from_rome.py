"""« Créer une fiche à partir du ROME »: an official title pre-fills a new sheet's add form."""

from urllib.parse import urlencode

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.text import slugify

from ..referentials.models import RomeTitle

RESULTS = 30


class PrefillForm(forms.Form):
    """What the editor keeps of the official data before the add form opens."""

    alternative_titles = forms.MultipleChoiceField(
        label="Autres intitulés à garder", required=False, widget=forms.CheckboxSelectMultiple
    )
    esco_uri = forms.ChoiceField(label="Profession ESCO", required=False, widget=forms.RadioSelect)

    def __init__(self, rome_title, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.rome_title = rome_title
        titles = [rome_title.feminine, *rome_title.other_titles()]
        titles = [title for title in dict.fromkeys(titles) if title != rome_title.masculine]
        self.fields["alternative_titles"].choices = [(title, title) for title in titles]
        self.fields["alternative_titles"].initial = titles
        matches = rome_title.esco_matches()
        self.esco = {occupation.uri: occupation for occupation in matches}
        self.fields["esco_uri"].choices = [
            *[(uri, f"{o.label} (ISCO-08 {o.isco_id})") for uri, o in self.esco.items()],
            ("", "Aucune"),
        ]
        best = rome_title.best_esco_match(matches)
        self.fields["esco_uri"].initial = best.uri if best else ""

    def initial_sheet(self):
        """The add form's initial data, as query parameters."""
        title = self.rome_title
        esco = self.esco.get(self.cleaned_data["esco_uri"])
        return {
            "title": title.masculine,
            "slug": slugify(title.masculine),
            "alternative_titles": "\n".join(self.cleaned_data["alternative_titles"]),
            "rome_code": title.rome_id,
            "esco_uri": esco.uri if esco else "",
            "isco_code": esco.isco_id if esco and esco.isco_id else "",
        }


class FromRomeMixin:
    """RoleAdmin's "from ROME" screens: find an official title, choose what to keep."""

    def get_urls(self):
        view = self.admin_site.admin_view(self.from_rome_view)
        return [path("a-partir-du-rome/", view, name="roles_role_from_rome"), *super().get_urls()]

    def from_rome_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        context = {**self.admin_site.each_context(request), "opts": self.model._meta}
        if "appellation" in request.GET:
            return self.from_rome_choices(request, context)
        query = request.GET.get("q", "").strip()[:100]
        found = RomeTitle.objects.matching(query).select_related("rome") if query else []
        context |= {"title": "Créer une fiche à partir du ROME", "query": query}
        context["results"] = list(found[:RESULTS]) if query else None
        return TemplateResponse(request, "admin/roles/role/from_rome.html", context)

    def from_rome_choices(self, request, context):
        ogr_code = request.GET["appellation"]
        rome_title = get_object_or_404(
            RomeTitle.objects.select_related("rome"), pk=ogr_code if ogr_code.isdigit() else None
        )
        form = PrefillForm(rome_title, request.POST or None)
        if form.is_valid():
            add = reverse("admin:roles_role_add")
            return redirect(f"{add}?{urlencode(form.initial_sheet())}")
        context |= {"title": f"Nouvelle fiche : {rome_title.masculine}", "form": form}
        context["rome_title"] = rome_title
        return TemplateResponse(request, "admin/roles/role/from_rome_choices.html", context)
