"""The parts of a role sheet, each edited inline on the sheet's admin screen."""

from typing import NamedTuple

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, OuterRef, Q, Subquery

from .role_queryset import HEAVY_FIELDS
from .sheet import Role
from .vocabulary import ChoiceLabelsMixin, Sector, Skill


class OrderedPart(ChoiceLabelsMixin, models.Model):
    """Base of the sheet's parts: attached to one role, shown in the editor's order."""

    order = models.PositiveSmallIntegerField("ordre", default=0)

    class Meta:
        abstract = True
        ordering = ["order", "pk"]


class Mission(OrderedPart):
    class Scope(models.TextChoices):
        CORE = "core", "Toujours"
        DEPENDS = "depends", "Selon le type d’entreprise"

    role = models.ForeignKey(
        Role, on_delete=models.CASCADE, related_name="missions", verbose_name="fiche métier"
    )
    text = models.CharField("mission", max_length=500)
    scope = models.CharField("portée", max_length=10, choices=Scope.choices, default=Scope.CORE)
    company_context = models.CharField(
        "type d’entreprise concerné",
        max_length=150,
        blank=True,
        help_text="Pour une mission qui dépend de l’entreprise, par exemple\u00a0: "
        "dans les groupes internationaux.",
    )

    class Meta(OrderedPart.Meta):
        verbose_name = "mission"
        verbose_name_plural = "missions"

    def __str__(self):
        return self.text


class RoleSkill(OrderedPart):
    class Weight(models.TextChoices):
        ESSENTIAL = "essential", "Indispensable"
        PLUS = "plus", "Un vrai plus"

    role = models.ForeignKey(
        Role, on_delete=models.CASCADE, related_name="role_skills", verbose_name="fiche métier"
    )
    skill = models.ForeignKey(
        Skill, on_delete=models.PROTECT, related_name="role_skills", verbose_name="compétence"
    )
    weight = models.CharField(
        "importance", max_length=10, choices=Weight.choices, default=Weight.ESSENTIAL
    )
    note = models.CharField(
        "précision", max_length=250, blank=True, help_text="Par exemple\u00a0: niveau courant."
    )

    class Meta(OrderedPart.Meta):
        verbose_name = "compétence requise"
        verbose_name_plural = "compétences requises"
        constraints = [
            models.UniqueConstraint(
                fields=["role", "skill"],
                name="unique_skill_per_role",
                violation_error_message="Cette compétence figure déjà sur la fiche.",
            )
        ]

    def __str__(self):
        return f"{self.skill} ({self.get_weight_display().lower()})"


class TrainingPath(OrderedPart):
    class Level(models.TextChoices):
        BAC2 = "bac2", "Bac+2"
        BAC3 = "bac3", "Bac+3"
        BAC5 = "bac5", "Bac+5"
        BAC8 = "bac8", "Bac+8"

    class Institution(models.TextChoices):
        BUSINESS_SCHOOL = "business", "École de commerce"
        MANAGEMENT_SCHOOL = "management", "École de gestion"
        ENGINEERING_SCHOOL = "engineering", "École d’ingénieurs"
        UNIVERSITY = "university", "Université (master)"
        IUT = "iut", "IUT (BUT)"
        HIGH_SCHOOL = "bts", "Lycée (BTS)"
        OTHER = "other", "Autre"

    role = models.ForeignKey(
        Role, on_delete=models.CASCADE, related_name="training_paths", verbose_name="fiche métier"
    )
    level = models.CharField("niveau d’études", max_length=4, choices=Level.choices)
    institution = models.CharField(
        "type d’établissement", max_length=12, choices=Institution.choices
    )
    fields_of_study = models.CharField(
        "domaines d’études",
        max_length=300,
        blank=True,
        help_text="Séparés par des virgules\u00a0: management, marketing, commerce...",
    )
    note = models.TextField("précision", blank=True)

    class Meta(OrderedPart.Meta):
        verbose_name = "formation"
        verbose_name_plural = "formations"

    def __str__(self):
        return f"{self.get_level_display()}, {self.get_institution_display()}"

    def field_list(self):
        return [field.strip() for field in self.fields_of_study.split(",") if field.strip()]


class CareerMoveQuerySet(models.QuerySet):
    def with_sheet_at(self, *ends):
        """Moves with the sheets at these ends ("from_role", "to_role"), without long texts."""
        heavy = [f"{end}__{name}" for end in ends for name in HEAVY_FIELDS]
        return self.select_related(*ends).defer(*heavy)

    def detach_from(self, roles):
        """Steps between these sheets and others keep these sheets' titles as plain text.

        Called before the sheets are deleted, so that the other sheets still show the step.
        """
        for end, other in (("from", "to"), ("to", "from")):
            title = Role.objects.filter(pk=OuterRef(f"{end}_role")).values("title")
            self.filter(**{f"{end}_role__in": roles, f"{other}_role__isnull": False}).exclude(
                **{f"{other}_role__in": roles}
            ).update(**{f"{end}_role": None, f"{end}_title": Subquery(title)})


class CareerMove(OrderedPart):
    """One step of a career: from a job to a job, each a sheet or a plain title."""

    class Kind(models.TextChoices):
        PROMOTION = "promotion", "Promotion"
        LATERAL = "lateral", "Mobilité latérale"
        CHANGE = "change", "Reconversion"

    from_role = models.ForeignKey(
        Role,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="outgoing_moves",
        verbose_name="poste de départ (fiche)",
    )
    from_title = models.CharField(
        "poste de départ (intitulé)",
        max_length=150,
        blank=True,
        help_text="Seulement si le poste n’a pas encore de fiche.",
    )
    to_role = models.ForeignKey(
        Role,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="incoming_moves",
        verbose_name="poste d’arrivée (fiche)",
    )
    to_title = models.CharField(
        "poste d’arrivée (intitulé)",
        max_length=150,
        blank=True,
        help_text="Seulement si le poste n’a pas encore de fiche.",
    )
    kind = models.CharField(
        "type d’évolution", max_length=10, choices=Kind.choices, default=Kind.PROMOTION
    )
    years_of_experience = models.PositiveSmallIntegerField(
        "années d’expérience habituelles",
        null=True,
        blank=True,
        help_text="Expérience généralement acquise avant ce changement de poste.",
    )

    objects = CareerMoveQuerySet.as_manager()

    class Meta(OrderedPart.Meta):
        verbose_name = "évolution de carrière"
        verbose_name_plural = "évolutions de carrière"
        constraints = [
            models.CheckConstraint(
                condition=Q(from_role__isnull=False, from_title="")
                | (Q(from_role__isnull=True) & ~Q(from_title="")),
                name="career_move_source_is_role_or_title",
                violation_error_message="Le poste de départ doit être soit une fiche, soit un "
                "intitulé\u00a0: ni les deux, ni aucun.",
            ),
            models.CheckConstraint(
                condition=Q(to_role__isnull=False, to_title="")
                | (Q(to_role__isnull=True) & ~Q(to_title="")),
                name="career_move_target_is_role_or_title",
                violation_error_message="Le poste d’arrivée doit être soit une fiche, soit un "
                "intitulé\u00a0: ni les deux, ni aucun.",
            ),
            models.CheckConstraint(
                condition=Q(from_role__isnull=False) | Q(to_role__isnull=False),
                name="career_move_touches_a_role",
                violation_error_message="Une évolution de carrière doit partir d’une fiche ou "
                "y mener.",
            ),
            models.CheckConstraint(
                condition=~Q(from_role=F("to_role")),
                name="career_move_changes_role",
                violation_error_message="Les postes de départ et d’arrivée doivent différer.",
            ),
        ]

    def __str__(self):
        return f"{self.source_name} → {self.target_name}"

    def clean(self):
        # Also checked here: the admin's inline form skips constraints on its parent key.
        if self.from_role_id and self.from_role_id == self.to_role_id:
            raise ValidationError("Les postes de départ et d’arrivée doivent différer.")

    @property
    def source_name(self):
        return self.from_role.title if self.from_role_id else self.from_title

    @property
    def target_name(self):
        return self.to_role.title if self.to_role_id else self.to_title

    @property
    def source_sheet(self):
        """The source's sheet when the public may open it, else None (shown as plain text)."""
        return self.from_role if self.from_role_id and self.from_role.is_public else None

    @property
    def target_sheet(self):
        return self.to_role if self.to_role_id and self.to_role.is_public else None


class SalaryFigures(NamedTuple):
    minimum: int | None
    typical: int
    maximum: int | None


class Salary(OrderedPart):
    class Experience(models.TextChoices):
        HIRING = "hiring", "À l’embauche"
        CONFIRMED = "confirmed", "Confirmé (5 à 10\u00a0ans)"
        SENIOR = "senior", "Senior (plus de 10\u00a0ans)"

    class Period(models.TextChoices):
        MONTH = "month", "par mois"
        YEAR = "year", "par an"

    class CompanySize(models.TextChoices):
        SMALL = "small", "TPE et PME"
        MEDIUM = "medium", "ETI"
        LARGE = "large", "Grande entreprise"

    role = models.ForeignKey(
        Role, on_delete=models.CASCADE, related_name="salaries", verbose_name="fiche métier"
    )
    experience = models.CharField(
        "expérience", max_length=10, choices=Experience.choices, default=Experience.HIRING
    )
    amount_min = models.PositiveIntegerField("minimum (€ brut)", null=True, blank=True)
    amount_typical = models.PositiveIntegerField("habituel (€ brut)")
    amount_max = models.PositiveIntegerField("maximum (€ brut)", null=True, blank=True)
    currency = models.CharField("devise", max_length=3, choices=[("EUR", "euro")], default="EUR")
    period = models.CharField("période", max_length=5, choices=Period.choices, default=Period.YEAR)
    company_size = models.CharField(
        "taille d’entreprise", max_length=10, choices=CompanySize.choices, blank=True
    )
    sector = models.ForeignKey(
        Sector,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="salaries",
        verbose_name="secteur",
    )
    region = models.CharField("région", max_length=100, blank=True)
    source = models.CharField("source", max_length=200, blank=True)
    year = models.PositiveSmallIntegerField("année des données", null=True, blank=True)
    sample_size = models.PositiveIntegerField("taille de l’échantillon", null=True, blank=True)
    note = models.TextField("ce qui le fait varier", blank=True)

    class Meta(OrderedPart.Meta):
        verbose_name = "salaire"
        verbose_name_plural = "salaires"
        constraints = [
            models.CheckConstraint(
                condition=Q(amount_min__isnull=True) | Q(amount_min__lte=F("amount_typical")),
                name="salary_min_not_above_typical",
                violation_error_message="Le minimum ne peut pas dépasser le salaire habituel.",
            ),
            models.CheckConstraint(
                condition=Q(amount_max__isnull=True) | Q(amount_max__gte=F("amount_typical")),
                name="salary_max_not_below_typical",
                violation_error_message="Le maximum ne peut pas être inférieur au salaire "
                "habituel.",
            ),
        ]

    def __str__(self):
        experience, period = self.get_experience_display(), self.get_period_display()
        return f"{experience}\u00a0: {self.amount_typical}\u00a0€ {period}"

    def clean(self):
        if self.amount_typical is not None and self.amount_typical <= 0:
            raise ValidationError({"amount_typical": "Le salaire habituel doit être positif."})

    @property
    def gross_monthly(self):
        return self._figures(1 if self.period == self.Period.MONTH else 1 / 12)

    @property
    def gross_yearly(self):
        return self._figures(12 if self.period == self.Period.MONTH else 1)

    @property
    def net_monthly(self):
        factor = 1 if self.period == self.Period.MONTH else 1 / 12
        return self._figures(factor * settings.SALARY_NET_RATIO)

    @property
    def net_rate_percent(self):
        """Employee contributions assumed for the net estimate, in percent of gross."""
        return round((1 - settings.SALARY_NET_RATIO) * 100)

    def _figures(self, factor):
        def scale(amount):
            # Rounded to the nearest 10 €: these are estimates, not payslips.
            return None if amount is None else int(round(amount * factor, -1))

        return SalaryFigures(
            scale(self.amount_min), scale(self.amount_typical), scale(self.amount_max)
        )
