"""The sheets to compare."""

from django import forms

from ..models import Role
from .search import SearchField


class CompareForm(forms.Form):
    """The sheets to compare, from `?metiers=a,b` or `?metiers=a&metiers=b`."""

    MIN, MAX = 2, 3

    metiers = SearchField(
        required=False,
        error_messages={"max_length": "Cette liste de fiches est trop longue."},
        max_length=500,
    )

    def __init__(self, values, *args, **kwargs):
        super().__init__({"metiers": ",".join(values)}, *args, **kwargs)

    def slugs(self):
        """The requested slugs, in order, without repeats or blanks."""
        raw = self.fields["metiers"].to_python(self.data["metiers"][:500])
        return list(dict.fromkeys(s.strip() for s in raw.split(",") if s.strip()))

    def clean_metiers(self):
        slugs = self.slugs()
        if len(slugs) < self.MIN:
            raise forms.ValidationError("Choisissez deux ou trois fiches métiers à comparer.")
        if len(slugs) > self.MAX:
            raise forms.ValidationError("Vous pouvez comparer trois fiches au plus à la fois.")
        roles = {r.slug: r for r in Role.objects.published().filter(slug__in=slugs).for_detail()}
        unknown = [slug for slug in slugs if slug not in roles]
        if unknown:
            names = ", ".join(f"«\u202f{slug}\u202f»" for slug in unknown)
            raise forms.ValidationError(f"Fiche métier introuvable\u00a0: {names}.")
        return [roles[slug] for slug in slugs]
