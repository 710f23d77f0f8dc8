"""Forms of the public pages (search and list filters) and of the editors' password reset."""

import re

from django import forms
from django.contrib.auth.forms import PasswordResetForm
from django.db.models import F
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


class SearchField(forms.CharField):
    """Free text where control characters (NUL bytes...) are dropped, not refused."""

    def to_python(self, value):
        return super().to_python(re.sub(r"[\x00-\x1f\x7f]", " ", value or ""))


class SearchForm(forms.Form):
    q = SearchField(
        label="Rechercher un métier",
        max_length=200,
        error_messages={
            "required": "Saisissez un métier, un sigle ou une compétence.",
            "max_length": "Votre recherche est trop longue\u00a0: "
            "%(limit_value)d caractères au plus (elle en compte %(show_value)d).",
        },
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": "Ex.\u00a0: directeur des opérations, CRM"}
        ),
    )


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


class StaffPasswordResetForm(PasswordResetForm):
    """Resets only the passwords of staff accounts (editors, recruiters)."""

    def get_users(self, email):
        return (user for user in super().get_users(email) if user.is_staff)


class SalarySortForm(forms.Form):
    """Sort order of the salary comparison, from the URL."""

    STAGES = {"embauche": "hiring", "confirme": "confirmed", "senior": "senior"}

    tri = forms.ChoiceField(
        choices=[("titre", "Métier"), *[(slug, slug) for slug in STAGES]],
        required=False,
        error_messages={
            "invalid_choice": "Ce classement n’existe pas\u00a0: fiches classées par nom."
        },
    )
    sens = forms.ChoiceField(
        choices=[("asc", "croissant"), ("desc", "décroissant")],
        required=False,
        error_messages={"invalid_choice": "Ce sens de tri n’existe pas\u00a0: ordre croissant."},
    )

    def ordering(self):
        """(sort key, descending) from valid data, defaults for the rest."""
        self.is_valid()  # keeps the valid fields in cleaned_data
        data = self.cleaned_data
        return data.get("tri") or "titre", data.get("sens") == "desc"

    def order(self, roles):
        key, descending = self.ordering()
        if key == "titre":
            return roles.order_by("-sort_title" if descending else "sort_title")
        column = F(f"salary_{self.STAGES[key]}")
        column = column.desc(nulls_last=True) if descending else column.asc(nulls_last=True)
        return roles.order_by(column, "sort_title")


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
