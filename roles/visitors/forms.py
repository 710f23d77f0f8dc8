"""Forms visitors send: recruitment requests and comments."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from roles.models import Role

from .models import Comment, RecruitmentRequest

CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
PHONE_PATTERN = re.compile(r"^\+?[0-9 .()\-]+$")


def single_line(value):
    """Names, companies and titles end up in mail headers: no line breaks or control codes."""
    if CONTROL_CHARACTERS.search(value):
        raise ValidationError("Ce champ doit tenir sur une ligne, sans caractères spéciaux.")


def phone_number(value):
    digits = re.sub(r"\D", "", value)
    if not PHONE_PATTERN.match(value) or not 9 <= len(digits) <= 15:
        raise ValidationError(
            "Saisissez un numéro de téléphone valide, par exemple 01 23 45 67 89 "
            "ou +33 1 23 45 67 89."
        )


class VisitorForm(forms.Form):
    """The honeypot and the error summary shared by the visitors' forms."""

    website = forms.CharField(
        label="Laissez ce champ vide",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def is_bot(self):
        """A filled honeypot: a person never sees that field."""
        return bool(self.data.get("website", "").strip())

    def error_summary(self):
        """(id of the control to focus or "", label, message) of each error, in the form's order."""
        summary = []
        for field in self:
            for message in field.errors:
                target = "" if field.is_hidden else (field.id_for_label or f"{field.auto_id}_0")
                summary.append((target, field.label, message))
        return summary + [("", "", message) for message in self.non_field_errors()]


class RecruitmentRequestForm(VisitorForm, forms.ModelForm):
    role = forms.ModelChoiceField(
        label="Métier concerné",
        queryset=Role.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label="Autre ou plusieurs métiers",
        error_messages={
            "invalid_choice": "Ce métier n’existe pas ou plus\u00a0: choisissez-en un autre."
        },
    )
    consent = forms.BooleanField(
        label="J’accepte que Promel conserve ces informations pour traiter ma demande.",
        error_messages={"required": "Cochez cette case pour que nous puissions vous répondre."},
    )

    class Meta:
        model = RecruitmentRequest
        fields = ["kind", "name", "company", "job_title", "email", "phone", "role", "message"]
        widgets = {
            "kind": forms.RadioSelect,
            "message": forms.Textarea(attrs={"rows": 6}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
        }
        labels = {
            "kind": "Vous êtes",
            "name": "Votre nom",
            "company": "Entreprise (obligatoire si vous recrutez)",
            "job_title": "Votre fonction (facultatif)",
            "phone": "Téléphone (facultatif)",
        }
        error_messages = {
            "kind": {"required": "Dites-nous si vous êtes une entreprise ou un candidat."},
            "name": {"required": "Indiquez votre nom."},
            "email": {
                "required": "Indiquez votre adresse e-mail pour que nous puissions vous répondre.",
                "invalid": "Saisissez une adresse e-mail valide, par exemple nom@entreprise.fr.",
            },
            "message": {"required": "Décrivez votre besoin en quelques mots."},
        }

    def __init__(self, *args, fixed_role=None, **kwargs):
        # Distinct ids: the sheet page holds this form and the comment form.
        super().__init__(*args, auto_id="recrutement_%s", **kwargs)
        self.fields["consent"].widget.attrs["aria-describedby"] = "recruit-notice"
        self.fields["role"].queryset = Role.objects.published()
        self.fields["kind"].choices = RecruitmentRequest.Kind.choices
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["company"].widget.attrs["autocomplete"] = "organization"
        self.fields["job_title"].widget.attrs["autocomplete"] = "organization-title"
        for name in ("name", "company", "job_title"):
            self.fields[name].validators.append(single_line)
        self.fields["phone"].validators.append(phone_number)
        if fixed_role is not None:
            # On a sheet: the role is that sheet's, and only companies are addressed.
            self.fields["role"].widget = forms.HiddenInput()
            self.fields["kind"].widget = forms.HiddenInput()
            self.initial.update(role=fixed_role.slug, kind=RecruitmentRequest.Kind.COMPANY)

    def full_clean(self):
        super().full_clean()
        if self.errors.get("consent"):  # its error is read with the notice it refers to
            error_id = f"{self['consent'].auto_id}_error"
            self.fields["consent"].widget.attrs["aria-describedby"] += f" {error_id}"

    def clean(self):
        data = super().clean()
        if data.get("kind") == RecruitmentRequest.Kind.COMPANY and not data.get("company"):
            self.add_error("company", "Indiquez le nom de l’entreprise qui recrute.")
        return data

    def save(self, commit=True):
        self.instance.consent_at = timezone.now()
        return super().save(commit)


class CommentForm(VisitorForm, forms.ModelForm):
    class Meta:
        model = Comment
        fields = ["name", "email", "text", "parent"]
        widgets = {"text": forms.Textarea(attrs={"rows": 5}), "parent": forms.HiddenInput}
        labels = {
            "name": "Votre nom (affiché)",
            "email": "Votre adresse e-mail (jamais affichée)",
            "text": "Votre commentaire",
        }
        error_messages = {
            "name": {"required": "Indiquez le nom à afficher avec votre commentaire."},
            "email": {
                "required": "Indiquez votre adresse e-mail\u202f; elle ne sera pas publiée.",
                "invalid": "Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.",
            },
            "text": {"required": "Écrivez votre commentaire."},
            "parent": {"invalid_choice": "Le commentaire auquel vous répondez n’existe plus."},
        }

    def __init__(self, *args, role, **kwargs):
        super().__init__(*args, auto_id="commentaire_%s", **kwargs)
        self.instance.role = role
        self.fields["parent"].queryset = Comment.objects.approved().filter(role=role)
        self.fields["name"].validators.append(single_line)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"

    def clean_parent(self):
        parent = self.cleaned_data["parent"]
        # One level of replies: answering a reply answers its thread.
        return parent.parent if parent and parent.parent_id else parent
