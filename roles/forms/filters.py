"""Filters of the sheet list, on the site and in the API."""

from django import forms
from taggit.models import Tag

from ..models import Family, Role, Sector, TrainingPath

# Typical gross yearly salary at hiring: (slug, label, low, high), high excluded.
HIRING_SALARY_BANDS = [
    ("moins-35k", "Moins de 35 000 € par an", None, 35_000),
    ("35k-50k", "De 35 000 à 50 000 €", 35_000, 50_000),
    ("50k-70k", "De 50 000 à 70 000 €", 50_000, 70_000),
    ("70k-100k", "De 70 000 à 100 000 €", 70_000, 100_000),
    ("plus-100k", "100 000 € et plus", 100_000, None),
]


def slug_choice(queryset, invalid_message, **options):
    """An optional choice among entries named by their slug in the URL."""
    return forms.ModelChoiceField(
        queryset=queryset,
        to_field_name="slug",
        required=False,
        error_messages={"invalid_choice": invalid_message},
        **options,
    )


FAMILY_UNKNOWN = "Cette famille n’existe pas."
SECTOR_UNKNOWN = "Ce secteur n’existe pas."
TAG_UNKNOWN = "Cette étiquette n’existe pas."


class RoleFilterForm(forms.Form):
    """Filters of the sheet list; every value stays in the URL."""

    ORDER_BY_FAMILY = "famille"
    ORDER_ALPHABETICAL = "alpha"
    GROUPS = [("famille", "famille"), ("secteur", "secteur"), ("tag", "étiquette")]

    famille = slug_choice(
        Family.objects.all(), FAMILY_UNKNOWN, label="Famille", empty_label="Toutes les familles"
    )
    secteur = slug_choice(
        Sector.objects.all(), SECTOR_UNKNOWN, label="Secteur", empty_label="Tous les secteurs"
    )
    tag = slug_choice(
        Tag.objects.none(), TAG_UNKNOWN, label="Étiquette", empty_label="Toutes les étiquettes"
    )
    niveau = forms.ChoiceField(
        label="Niveau d’études",
        choices=[("", "Tous les niveaux"), *TrainingPath.Level.choices],
        required=False,
        error_messages={"invalid_choice": "Ce niveau d’études n’existe pas."},
    )
    salaire = forms.ChoiceField(
        label="Salaire à l’embauche (brut)",
        choices=[("", "Tous les salaires")]
        + [(slug, label) for slug, label, *_ in HIRING_SALARY_BANDS],
        required=False,
        error_messages={"invalid_choice": "Cette fourchette de salaire n’existe pas."},
    )
    ordre = forms.ChoiceField(
        label="Classement",
        choices=[(ORDER_BY_FAMILY, "Par famille"), (ORDER_ALPHABETICAL, "De A à Z")],
        required=False,
        error_messages={"invalid_choice": "Ce classement n’existe pas."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Evaluated per request: "published" depends on the current time.
        self.fields["tag"].queryset = Role.objects.published().used_tags()

    def filter(self, roles):
        """Apply the valid filters to a queryset of sheets."""
        data = self.cleaned_data
        roles = roles.in_groups(family=data["famille"], sector=data["secteur"], tag=data["tag"])
        if data["niveau"]:
            roles = roles.with_education(data["niveau"])
        if data["salaire"]:
            low, high = next(band[2:] for band in HIRING_SALARY_BANDS if band[0] == data["salaire"])
            roles = roles.hiring_salary_between(low, high)
        if self.is_alphabetical():
            roles = roles.order_by("sort_title")
        return roles

    def is_alphabetical(self):
        return self.is_valid() and self.cleaned_data["ordre"] == self.ORDER_ALPHABETICAL

    def summary(self):
        """What the filtered list shows, for its heading and title ("" when unfiltered)."""
        if not self.is_valid():
            return ""
        data = self.cleaned_data
        parts = [f"{name} {data[field]}" for field, name in self.GROUPS if data[field]]
        if data["niveau"]:
            parts.append(f"niveau {dict(self.fields['niveau'].choices)[data['niveau']]}")
        if data["salaire"]:
            band = dict(self.fields["salaire"].choices)[data["salaire"]]
            parts.append(f"salaire à l’embauche ({band[0].lower()}{band[1:]})")
        return ", ".join(parts)


class ApiRoleFilterForm(forms.Form):
    """Query parameters of the sheet list in the API."""

    family = slug_choice(Family.objects.all(), FAMILY_UNKNOWN)
    sector = slug_choice(Sector.objects.all(), SECTOR_UNKNOWN)
    tag = slug_choice(Tag.objects.all(), TAG_UNKNOWN)
    page = forms.IntegerField(
        required=False,
        min_value=1,
        error_messages={
            "invalid": "Le numéro de page doit être un nombre entier.",
            "min_value": "Les pages sont numérotées à partir de 1.",
        },
    )

    def filter(self, roles):
        data = self.cleaned_data
        return roles.in_groups(family=data["family"], sector=data["sector"], tag=data["tag"])
