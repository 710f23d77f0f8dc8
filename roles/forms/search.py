"""The search box, and the free-text field other forms share."""

import re

from django import forms


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
