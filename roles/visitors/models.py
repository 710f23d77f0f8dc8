"""What visitors send: recruitment requests (leads) and comments on sheets.

These models were born in the `roles` app: they keep its table names (`db_table`).
"""

import re

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.crypto import salted_hmac

from roles.models import Role
from roles.models.search import folded

from .querysets import (
    CommentQuerySet,
    MailedAddressQuerySet,
    RecruitmentRequestQuerySet,
)

URL_PATTERN = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)

# Names that pass for the agency or its staff ("Promel (équipe officielle)", "L'équipe
# PR0MEL", "Modérateur"), looked for in the name folded to plain letters.
AGENCY_LOOKALIKE = re.compile(r"promel|equipe|officiel|moderat|administrat|redaction|staff")
LOOKALIKE_LETTERS = str.maketrans("013457@$", "oleastas")


def imitates_the_agency(name):
    letters = re.sub(r"[^a-z]", "", folded(name).lower().translate(LOOKALIKE_LETTERS))
    return bool(AGENCY_LOOKALIKE.search(letters))


class Notifiable(models.Model):
    """A record whose e-mails are claimed, sent and retried (see NotifiableQuerySet)."""

    notification_attempts = models.PositiveIntegerField("échecs d’envoi", default=0)
    notification_error = models.CharField("dernière erreur d’envoi", max_length=500, blank=True)
    notification_claimed_until = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        abstract = True


class RecruitmentRequest(Notifiable):
    """A company's recruitment need, or a candidate's approach, sent from the site."""

    class Kind(models.TextChoices):
        COMPANY = "entreprise", "Une entreprise qui recrute"
        CANDIDATE = "candidat", "Un candidat ou une candidate"

    class Status(models.TextChoices):
        NEW = "nouveau", "Nouveau"
        IN_PROGRESS = "en_cours", "En cours"
        DONE = "traite", "Traité"

    kind = models.CharField("demandeur", max_length=12, choices=Kind.choices)
    name = models.CharField("nom", max_length=120)
    company = models.CharField("entreprise", max_length=150, blank=True)
    job_title = models.CharField("fonction", max_length=150, blank=True)
    email = models.EmailField("adresse e-mail", max_length=254)
    phone = models.CharField("téléphone", max_length=30, blank=True)
    role = models.ForeignKey(
        Role,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="recruitment_requests",
        verbose_name="métier concerné",
    )
    message = models.TextField("message", max_length=5000)
    consent_at = models.DateTimeField("consentement donné le")
    status = models.CharField(
        "statut", max_length=10, choices=Status.choices, default=Status.NEW, db_index=True
    )
    created_at = models.DateTimeField("reçue le", default=timezone.now, db_index=True)
    last_contact_at = models.DateTimeField(
        "dernier contact",
        default=timezone.now,
        help_text="Point de départ de la durée de conservation (3\u00a0ans pour une entreprise, "
        "2\u00a0ans pour un candidat).",
    )
    notified_at = models.DateTimeField("équipe prévenue le", null=True, blank=True)
    acknowledged_at = models.DateTimeField(
        "accusé de réception traité le",
        null=True,
        blank=True,
        help_text="Accusé de réception envoyé, ou pas d’envoi parce que cette adresse avait "
        "déjà reçu un message du site dans les 24 heures.",
    )

    objects = RecruitmentRequestQuerySet.as_manager()

    class Meta:
        db_table = "roles_recruitmentrequest"
        ordering = ["-created_at"]
        verbose_name = "demande de recrutement"
        verbose_name_plural = "demandes de recrutement"
        permissions = [
            ("manage_personal_data", "Peut exporter et effacer les données d’une personne"),
        ]

    def __str__(self):
        who = self.company or self.name
        return f"{who} ({self.created_at:%d/%m/%Y})"

    @property
    def is_notified(self):
        return self.notified_at is not None


class Comment(Notifiable):
    """A visitor's comment on a sheet, or a reply to one (one level only)."""

    class Status(models.TextChoices):
        PENDING = "en_attente", "En attente de modération"
        APPROVED = "approuve", "Approuvé"
        SPAM = "spam", "Indésirable"

    role = models.ForeignKey(
        Role, on_delete=models.CASCADE, related_name="comments", verbose_name="fiche métier"
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="replies",
        verbose_name="en réponse à",
    )
    name = models.CharField("nom", max_length=80)
    email = models.EmailField("adresse e-mail", max_length=254)
    text = models.TextField("commentaire", max_length=3000)
    status = models.CharField(
        "statut", max_length=12, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    created_at = models.DateTimeField("envoyé le", default=timezone.now, db_index=True)
    notified_at = models.DateTimeField("modérateurs prévenus le", null=True, blank=True)
    confirmation_handled_at = models.DateTimeField(
        "demande de confirmation traitée le",
        null=True,
        blank=True,
        help_text="Lien de confirmation envoyé à l’auteur, ou pas d’envoi parce que son "
        "adresse avait déjà reçu un message du site dans les 24 heures.",
    )
    confirmed_at = models.DateTimeField(
        "adresse confirmée le",
        null=True,
        blank=True,
        help_text="L’auteur a suivi le lien envoyé à son adresse\u00a0: elle est bien la sienne.",
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        db_table = "roles_comment"
        ordering = ["-created_at"]
        verbose_name = "commentaire"
        verbose_name_plural = "commentaires"
        indexes = [models.Index(Lower("email"), name="comment_email_lower")]

    def __str__(self):
        return f"{self.name} sur {self.role}"

    @property
    def link_count(self):
        return len(URL_PATTERN.findall(self.text))

    @property
    def imitates_the_agency(self):
        return imitates_the_agency(self.name)

    def is_duplicate(self):
        """The same text from the same address on the same sheet was already received."""
        earlier = Comment.objects.filter(role=self.role, text=self.text.strip())
        return earlier.by_email(self.email).exists()

    def confirm(self):
        """Its author followed the link sent to his address: published if the editors allow it.

        Whether an address is known never changes what a visitor sees when posting: every
        comment waits, and only proof of the address (per comment) may let it skip the queue.
        """
        self.confirmed_at = self.confirmed_at or timezone.now()
        may_publish = ModerationSettings.current().publish_confirmed_comments
        held = self.link_count >= 2 or self.imitates_the_agency
        if may_publish and self.status == self.Status.PENDING and not held:
            self.status = self.Status.APPROVED
        self.save(update_fields=["confirmed_at", "status"])


class ModerationSettings(models.Model):
    """The editors' choices for comments: one row."""

    publish_confirmed_comments = models.BooleanField(
        "publier sans relecture les commentaires confirmés",
        default=False,
        help_text="Un commentaire dont l’auteur a suivi le lien de confirmation envoyé à son "
        "adresse est publié aussitôt, sauf s’il contient plusieurs liens ou si son nom imite "
        "Promel ou son équipe. Décoché\u00a0: tous les commentaires attendent votre relecture.",
    )

    class Meta:
        db_table = "roles_moderationsettings"
        verbose_name = "réglage de la modération"
        verbose_name_plural = "réglages de la modération"

    def __str__(self):
        return "Réglages de la modération"

    @classmethod
    def current(cls):
        return cls.objects.get_or_create(pk=1)[0]


class MailedAddress(models.Model):
    """When the site last mailed an address a visitor typed: at most once a day (no relay).

    Keyed by a keyed hash of the address, so that it stores no personal data.
    """

    key = models.CharField(max_length=64, unique=True)
    last_mailed_at = models.DateTimeField(null=True)

    objects = MailedAddressQuerySet.as_manager()

    class Meta:
        db_table = "roles_mailedaddress"
        verbose_name = "adresse écrite"
        verbose_name_plural = "adresses écrites"

    def __str__(self):
        return self.key[:12]

    @staticmethod
    def key_of(email):
        return salted_hmac("roles.mailed-address", email.strip().lower()).hexdigest()


class RequestNote(models.Model):
    """One entry of a request's follow-up log: what a recruiter noted, and when. Never edited."""

    request = models.ForeignKey(
        RecruitmentRequest,
        on_delete=models.CASCADE,
        related_name="notes",
        verbose_name="demande",
    )
    text = models.TextField("note", max_length=5000)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="auteur",
    )
    written_at = models.DateTimeField("écrite le", default=timezone.now)

    class Meta:
        db_table = "roles_requestnote"
        ordering = ["written_at", "pk"]
        verbose_name = "note de suivi"
        verbose_name_plural = "notes de suivi"

    def __str__(self):
        return f"{self.written_at:%d/%m/%Y %H:%M} – {self.author_name}\u00a0: {self.text}"

    @property
    def author_name(self):
        user = self.author
        return (
            (user.get_full_name() or user.get_username()) if user else "notes d’avant le suivi daté"
        )


class ErasureLog(models.Model):
    """A record that one person's data was erased: who did it and how much, never whose."""

    performed_by = models.CharField("effacé par", max_length=150)
    performed_at = models.DateTimeField("effacé le", default=timezone.now)
    requests_deleted = models.PositiveIntegerField("demandes effacées")
    comments_deleted = models.PositiveIntegerField("commentaires effacés")

    class Meta:
        db_table = "roles_erasurelog"
        ordering = ["-performed_at"]
        verbose_name = "effacement de données personnelles"
        verbose_name_plural = "effacements de données personnelles"

    def __str__(self):
        return f"Effacement du {self.performed_at:%d/%m/%Y %H:%M} par {self.performed_by}"
