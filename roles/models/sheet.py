"""The role sheet and the states of its publication."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils import timezone
from taggit.managers import TaggableManager
from taggit.models import TaggedItem

from .. import crosswalks
from ..links import cached_reverse
from ..rendering import MARKDOWN_HELP
from .editors import public_name
from .role_queryset import RoleQuerySet, stale_before
from .search import folded
from .vocabulary import Family, Sector, SlugNaturalKeyMixin


class Role(SlugNaturalKeyMixin, models.Model):
    """A role sheet (fiche métier)."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Brouillon"
        PUBLISHED = "published", "Publiée"

    title = models.CharField(
        "intitulé", max_length=150, help_text="Par exemple\u00a0: Chief Operating Officer (COO)."
    )
    short_name = models.CharField(
        "nom court ou sigle", max_length=60, blank=True, help_text="Par exemple\u00a0: COO."
    )
    slug = models.SlugField("identifiant d’URL", max_length=150, unique=True)
    alternative_titles = models.TextField(
        "autres intitulés",
        blank=True,
        help_text="Un par ligne\u00a0: formes féminines, synonymes, sigles "
        "(Directeur des opérations, Directrice des opérations, DO).",
    )
    title_in_english = models.BooleanField(
        "intitulé en anglais",
        default=False,
        help_text="Pour un intitulé anglais (Chief Operating Officer)\u00a0: les "
        "lecteurs d’écran le prononcent alors en anglais.",
    )
    tagline = models.CharField("accroche", max_length=200, blank=True)
    summary = models.CharField(
        "résumé",
        max_length=300,
        help_text="Texte brut de 300 caractères au plus, repris sur les cartes et dans la "
        "description pour les moteurs de recherche.",
    )
    introduction = models.TextField("introduction", blank=True, help_text=MARKDOWN_HELP)
    # Derived: the introduction rendered and sanitised, kept in sync by roles/signals.py.
    introduction_html = models.TextField(editable=False, default="")
    reporting_line = models.CharField(
        "rattachement hiérarchique",
        max_length=200,
        blank=True,
        help_text="Par exemple\u00a0: rattaché à la direction générale.",
    )
    salary_note = models.TextField(
        "ce qui fait varier le salaire",
        blank=True,
        help_text="Taille de l’entreprise, secteur, expérience, région...",
    )
    family = models.ForeignKey(
        Family,
        on_delete=models.PROTECT,
        related_name="roles",
        verbose_name="famille de métiers",
    )
    tags = TaggableManager("étiquettes", blank=True, help_text="Séparées par des virgules.")
    # The rows behind `tags`, as parts of the sheet: so that revisions keep them (history.py).
    tagged_items = GenericRelation(TaggedItem, verbose_name="étiquettes")
    sectors = models.ManyToManyField(
        Sector, blank=True, related_name="roles", verbose_name="secteurs où le métier est courant"
    )
    related_roles = models.ManyToManyField(
        "self",
        blank=True,
        symmetrical=True,
        verbose_name="fiches liées («\u202fdécouvrez aussi\u202f»)",
    )
    rome_code = models.ForeignKey(
        "referentials.RomeCode",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        db_column="rome_code",
        related_name="roles",
        verbose_name="code ROME 4.0",
        error_messages={"invalid": crosswalks.UNKNOWN["rome_code"]},
        help_text="Répertoire de France Travail : tapez le code ou un intitulé, puis choisissez.",
    )
    isco_code = models.ForeignKey(
        "referentials.IscoGroup",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        db_column="isco_code",
        related_name="roles",
        limit_choices_to={"level": 4},
        verbose_name="code CITP (ISCO-08)",
        error_messages={"invalid": crosswalks.UNKNOWN["isco_code"]},
        help_text="Groupe de base (quatre chiffres) de la classification de l’OIT.",
    )
    esco_uri = models.ForeignKey(
        "referentials.EscoOccupation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        db_column="esco_uri",
        related_name="roles",
        verbose_name="profession ESCO",
        error_messages={"invalid": crosswalks.UNKNOWN["esco_uri"]},
        help_text="Classification européenne : tapez un intitulé, puis choisissez.",
    )
    onet_code = models.ForeignKey(
        "referentials.OnetOccupation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        db_column="onet_code",
        related_name="roles",
        verbose_name="code O*NET-SOC",
        error_messages={"invalid": crosswalks.UNKNOWN["onet_code"]},
        help_text="Classification américaine : tapez le code ou l'intitulé anglais, "
        "puis choisissez.",
    )
    sort_title = models.CharField(
        max_length=150, editable=False, db_index=True, help_text="Intitulé sans accents ni casse."
    )
    # Derived search document, kept in sync by roles/signals.py (see models/search.py).
    search_titles = models.TextField(editable=False, default="")
    search_official = models.TextField(editable=False, default="")  # titles of its codes
    search_content = models.TextField(editable=False, default="")
    search_folded = models.TextField(editable=False, default="")
    search_vector = SearchVectorField(editable=False, null=True)
    search_summary_vector = SearchVectorField(editable=False, null=True)  # the excerpt's source
    is_featured = models.BooleanField("mise en avant sur l’accueil", default=False)
    status = models.CharField("statut", max_length=10, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(
        "date de publication",
        default=timezone.now,
        help_text="Une fiche publiée dont la date est à venir reste invisible jusqu’à cette date.",
    )
    created_at = models.DateTimeField("créée le", auto_now_add=True)
    # Also touched when any part of the sheet is saved or deleted (roles.signals).
    updated_at = models.DateTimeField("mise à jour le", auto_now=True)
    reviewed_at = models.DateTimeField("relue le", null=True, blank=True, editable=False)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name="relue par",
    )

    objects = RoleQuerySet.as_manager()

    class Meta:
        ordering = ["sort_title"]
        verbose_name = "fiche métier"
        verbose_name_plural = "fiches métiers"
        indexes = [
            models.Index(fields=["status", "published_at"]),
            models.Index(fields=["family", "sort_title"], name="role_family_sort_title"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return cached_reverse("roles:role_detail", self.slug)

    def delete(self, *args, **kwargs):
        from .parts import CareerMove

        CareerMove.objects.detach_from(Role.objects.filter(pk=self.pk))
        return super().delete(*args, **kwargs)

    @property
    def is_public(self):
        return self.status == self.Status.PUBLISHED and self.published_at <= timezone.now()

    @property
    def state(self):
        """Brouillon, Programmée or Publiée: what the public sees of the sheet now."""
        if self.status == self.Status.DRAFT:
            return "Brouillon"
        return "Publiée" if self.is_public else "Programmée"

    @property
    def is_stale(self):
        return self.reviewed_at is None or self.reviewed_at < stale_before()

    @property
    def reviewer_name(self):
        return public_name(self.reviewed_by) if self.reviewed_by else ""

    @property
    def display_name(self):
        """The name used in running text: the acronym when there is one."""
        return self.short_name or self.title

    @property
    def initial(self):
        """First letter of the title, unaccented, for A–Z grouping."""
        letter = folded(self.title[:1]).upper()
        return letter if letter.isalpha() else "#"

    # The section helpers below filter prefetched parts in Python: no query per call.
    def core_missions(self):
        return [m for m in self.missions.all() if m.scope == m.Scope.CORE]

    def contextual_missions(self):
        return [m for m in self.missions.all() if m.scope == m.Scope.DEPENDS]

    def essential_skills(self):
        return [rs for rs in self.role_skills.all() if rs.weight == rs.Weight.ESSENTIAL]

    def bonus_skills(self):
        return [rs for rs in self.role_skills.all() if rs.weight == rs.Weight.PLUS]

    def taxonomy_codes(self):
        return crosswalks.codes_of(self)

    def alternative_title_list(self):
        return [line.strip() for line in self.alternative_titles.splitlines() if line.strip()]
