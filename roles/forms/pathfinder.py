"""The starting point of « Où puis-je aller ? », from the URL."""

from django import forms

from ..models import Skill
from ..pathfinder import ORDERS
from .search import SearchField


class PathfinderForm(forms.Form):
    depuis = SearchField(
        label="Votre métier actuel",
        required=False,
        max_length=150,
        help_text="Un métier de nos fiches ou un intitulé officiel, par exemple «\u202fChef de "
        "secteur\u202f» ou «\u202fResponsable fidélisation clientèle\u202f».",
        error_messages={
            "max_length": "Ce métier est trop long\u00a0: %(limit_value)d caractères au plus "
            "(il en compte %(show_value)d). Saisissez seulement son intitulé."
        },
    )
    competences = forms.ModelMultipleChoiceField(
        label="Ou bien, vos compétences",
        queryset=Skill.objects.none(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": "Une des compétences choisies n’existe pas\u00a0: cochez-les dans la "
            "liste.",
            "invalid_pk_value": "Une des compétences choisies n’existe pas\u00a0: cochez-les dans "
            "la liste.",
        },
    )
    ordre = forms.ChoiceField(
        label="Classer par",
        required=False,
        choices=[
            ("effort", "Le moins d’effort"),
            ("salaire", "Le meilleur salaire"),
            ("etapes", "Le moins d’étapes"),
        ],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["competences"].queryset = Skill.objects.used().order_by("kind", "name")

    def clean_ordre(self):
        order = self.cleaned_data["ordre"]
        return order if order in ORDERS else "effort"
