"""The visitors app takes over the models and tables the roles app made for what visitors send."""

import django.db.models.deletion
import django.db.models.functions.text
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

MODELS = [
    "comment",
    "erasurelog",
    "mailedaddress",
    "moderationsettings",
    "recruitmentrequest",
    "requestnote",
]


def move_content_types(apps, schema_editor, source="roles", target="visitors"):
    """Permissions, groups' grants and admin history point at content types: renaming them
    keeps every grant (the recruiters' group, the moderators') and every log entry."""
    content_types = apps.get_model("contenttypes", "ContentType").objects
    for model in MODELS:
        if not content_types.filter(app_label=target, model=model).exists():
            content_types.filter(app_label=source, model=model).update(app_label=target)


def move_content_types_back(apps, schema_editor):
    move_content_types(apps, schema_editor, source="visitors", target="roles")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("roles", "0013_visitors_app"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # The tables exist already, made by the roles app's migrations (roles 0013).
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ErasureLog",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "performed_by",
                            models.CharField(max_length=150, verbose_name="effacé par"),
                        ),
                        (
                            "performed_at",
                            models.DateTimeField(
                                default=django.utils.timezone.now, verbose_name="effacé le"
                            ),
                        ),
                        (
                            "requests_deleted",
                            models.PositiveIntegerField(verbose_name="demandes effacées"),
                        ),
                        (
                            "comments_deleted",
                            models.PositiveIntegerField(verbose_name="commentaires effacés"),
                        ),
                    ],
                    options={
                        "verbose_name": "effacement de données personnelles",
                        "verbose_name_plural": "effacements de données personnelles",
                        "db_table": "roles_erasurelog",
                        "ordering": ["-performed_at"],
                    },
                ),
                migrations.CreateModel(
                    name="MailedAddress",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("key", models.CharField(max_length=64, unique=True)),
                        ("last_mailed_at", models.DateTimeField(null=True)),
                    ],
                    options={
                        "verbose_name": "adresse écrite",
                        "verbose_name_plural": "adresses écrites",
                        "db_table": "roles_mailedaddress",
                    },
                ),
                migrations.CreateModel(
                    name="ModerationSettings",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "publish_confirmed_comments",
                            models.BooleanField(
                                default=False,
                                help_text="Un commentaire dont l’auteur a suivi le lien de confirmation envoyé à son adresse est publié aussitôt, sauf s’il contient plusieurs liens ou si son nom imite Promel ou son équipe. Décoché\xa0: tous les commentaires attendent votre relecture.",
                                verbose_name="publier sans relecture les commentaires confirmés",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "réglage de la modération",
                        "verbose_name_plural": "réglages de la modération",
                        "db_table": "roles_moderationsettings",
                    },
                ),
                migrations.CreateModel(
                    name="RecruitmentRequest",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "notification_attempts",
                            models.PositiveIntegerField(default=0, verbose_name="échecs d’envoi"),
                        ),
                        (
                            "notification_error",
                            models.CharField(
                                blank=True, max_length=500, verbose_name="dernière erreur d’envoi"
                            ),
                        ),
                        (
                            "notification_claimed_until",
                            models.DateTimeField(blank=True, editable=False, null=True),
                        ),
                        (
                            "kind",
                            models.CharField(
                                choices=[
                                    ("entreprise", "Une entreprise qui recrute"),
                                    ("candidat", "Un candidat ou une candidate"),
                                ],
                                max_length=12,
                                verbose_name="demandeur",
                            ),
                        ),
                        ("name", models.CharField(max_length=120, verbose_name="nom")),
                        (
                            "company",
                            models.CharField(blank=True, max_length=150, verbose_name="entreprise"),
                        ),
                        (
                            "job_title",
                            models.CharField(blank=True, max_length=150, verbose_name="fonction"),
                        ),
                        ("email", models.EmailField(max_length=254, verbose_name="adresse e-mail")),
                        (
                            "phone",
                            models.CharField(blank=True, max_length=30, verbose_name="téléphone"),
                        ),
                        ("message", models.TextField(max_length=5000, verbose_name="message")),
                        ("consent_at", models.DateTimeField(verbose_name="consentement donné le")),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("nouveau", "Nouveau"),
                                    ("en_cours", "En cours"),
                                    ("traite", "Traité"),
                                ],
                                db_index=True,
                                default="nouveau",
                                max_length=10,
                                verbose_name="statut",
                            ),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(
                                db_index=True,
                                default=django.utils.timezone.now,
                                verbose_name="reçue le",
                            ),
                        ),
                        (
                            "last_contact_at",
                            models.DateTimeField(
                                default=django.utils.timezone.now,
                                help_text="Point de départ de la durée de conservation (3\xa0ans pour une entreprise, 2\xa0ans pour un candidat).",
                                verbose_name="dernier contact",
                            ),
                        ),
                        (
                            "notified_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="équipe prévenue le"
                            ),
                        ),
                        (
                            "acknowledged_at",
                            models.DateTimeField(
                                blank=True,
                                help_text="Accusé de réception envoyé, ou pas d’envoi parce que cette adresse avait déjà reçu un message du site dans les 24 heures.",
                                null=True,
                                verbose_name="accusé de réception traité le",
                            ),
                        ),
                        (
                            "role",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="recruitment_requests",
                                to="roles.role",
                                verbose_name="métier concerné",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "demande de recrutement",
                        "verbose_name_plural": "demandes de recrutement",
                        "db_table": "roles_recruitmentrequest",
                        "ordering": ["-created_at"],
                        "permissions": [
                            (
                                "manage_personal_data",
                                "Peut exporter et effacer les données d’une personne",
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="RequestNote",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("text", models.TextField(max_length=5000, verbose_name="note")),
                        (
                            "written_at",
                            models.DateTimeField(
                                default=django.utils.timezone.now, verbose_name="écrite le"
                            ),
                        ),
                        (
                            "author",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="auteur",
                            ),
                        ),
                        (
                            "request",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="notes",
                                to="visitors.recruitmentrequest",
                                verbose_name="demande",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "note de suivi",
                        "verbose_name_plural": "notes de suivi",
                        "db_table": "roles_requestnote",
                        "ordering": ["written_at", "pk"],
                    },
                ),
                migrations.CreateModel(
                    name="Comment",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "notification_attempts",
                            models.PositiveIntegerField(default=0, verbose_name="échecs d’envoi"),
                        ),
                        (
                            "notification_error",
                            models.CharField(
                                blank=True, max_length=500, verbose_name="dernière erreur d’envoi"
                            ),
                        ),
                        (
                            "notification_claimed_until",
                            models.DateTimeField(blank=True, editable=False, null=True),
                        ),
                        ("name", models.CharField(max_length=80, verbose_name="nom")),
                        ("email", models.EmailField(max_length=254, verbose_name="adresse e-mail")),
                        ("text", models.TextField(max_length=3000, verbose_name="commentaire")),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("en_attente", "En attente de modération"),
                                    ("approuve", "Approuvé"),
                                    ("spam", "Indésirable"),
                                ],
                                db_index=True,
                                default="en_attente",
                                max_length=12,
                                verbose_name="statut",
                            ),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(
                                db_index=True,
                                default=django.utils.timezone.now,
                                verbose_name="envoyé le",
                            ),
                        ),
                        (
                            "notified_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="modérateurs prévenus le"
                            ),
                        ),
                        (
                            "confirmation_handled_at",
                            models.DateTimeField(
                                blank=True,
                                help_text="Lien de confirmation envoyé à l’auteur, ou pas d’envoi parce que son adresse avait déjà reçu un message du site dans les 24 heures.",
                                null=True,
                                verbose_name="demande de confirmation traitée le",
                            ),
                        ),
                        (
                            "confirmed_at",
                            models.DateTimeField(
                                blank=True,
                                help_text="L’auteur a suivi le lien envoyé à son adresse\xa0: elle est bien la sienne.",
                                null=True,
                                verbose_name="adresse confirmée le",
                            ),
                        ),
                        (
                            "parent",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="replies",
                                to="visitors.comment",
                                verbose_name="en réponse à",
                            ),
                        ),
                        (
                            "role",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="comments",
                                to="roles.role",
                                verbose_name="fiche métier",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "commentaire",
                        "verbose_name_plural": "commentaires",
                        "db_table": "roles_comment",
                        "ordering": ["-created_at"],
                        "indexes": [
                            models.Index(
                                django.db.models.functions.text.Lower("email"),
                                name="comment_email_lower",
                            )
                        ],
                    },
                ),
            ],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
