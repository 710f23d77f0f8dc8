"""The sort order of the salary comparison."""

from django import forms
from django.db.models import F


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
