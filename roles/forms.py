"""Forms of the public pages (search and list filters) and of the editors' password reset."""

from django import forms
from django.contrib.auth.forms import PasswordResetForm
from taggit.models import Tag

from .models import Family, Role, Sector


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Rechercher un métier",
        max_length=200,
        error_messages={"required": "Saisissez un métier, un sigle ou une compétence."},
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": "Ex. : directeur des opérations, CRM"}
        ),
    )


class RoleFilterForm(forms.Form):
    """Filters of the sheet list; every value stays in the URL."""

    ORDER_BY_FAMILY = "famille"
    ORDER_ALPHABETICAL = "alpha"

    famille = forms.ModelChoiceField(
        label="Famille",
        queryset=Family.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label="Toutes les familles",
        error_messages={"invalid_choice": "Cette famille n'existe pas."},
    )
    tag = forms.ModelChoiceField(
        label="Étiquette",
        queryset=Tag.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label="Toutes les étiquettes",
        error_messages={"invalid_choice": "Cette étiquette n'existe pas."},
    )
    ordre = forms.ChoiceField(
        label="Classement",
        choices=[(ORDER_BY_FAMILY, "Par famille"), (ORDER_ALPHABETICAL, "De A à Z")],
        required=False,
        error_messages={"invalid_choice": "Ce classement n'existe pas."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Evaluated per request: "published" depends on the current time.
        self.fields["tag"].queryset = Role.objects.published().used_tags()

    def filter(self, roles):
        """Apply the valid filters to a queryset of sheets."""
        data = self.cleaned_data
        if data["famille"]:
            roles = roles.filter(family=data["famille"])
        if data["tag"]:
            roles = roles.filter(tags=data["tag"])
        if self.is_alphabetical():
            roles = roles.order_by("sort_title")
        return roles

    def is_alphabetical(self):
        return self.is_valid() and self.cleaned_data["ordre"] == self.ORDER_ALPHABETICAL


class ApiRoleFilterForm(forms.Form):
    """Query parameters of the sheet list in the API."""

    family = forms.ModelChoiceField(
        queryset=Family.objects.all(),
        to_field_name="slug",
        required=False,
        error_messages={"invalid_choice": "Cette famille n'existe pas."},
    )
    sector = forms.ModelChoiceField(
        queryset=Sector.objects.all(),
        to_field_name="slug",
        required=False,
        error_messages={"invalid_choice": "Ce secteur n'existe pas."},
    )
    tag = forms.ModelChoiceField(
        queryset=Tag.objects.all(),
        to_field_name="slug",
        required=False,
        error_messages={"invalid_choice": "Cette étiquette n'existe pas."},
    )
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
        if data["family"]:
            roles = roles.filter(family=data["family"])
        if data["sector"]:
            roles = roles.filter(sectors=data["sector"])
        if data["tag"]:
            roles = roles.filter(tags=data["tag"])
        return roles


class StaffPasswordResetForm(PasswordResetForm):
    """Resets only the passwords of staff accounts (editors, recruiters)."""

    def get_users(self, email):
        return (user for user in super().get_users(email) if user.is_staff)
