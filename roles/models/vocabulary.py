"""The shared vocabularies sheets refer to: families, sectors and skills."""

import functools

from django.db import models
from django.db.models import Count, Exists, Max, OuterRef, Q
from django.utils.encoding import force_str

from ..links import cached_reverse
from .collation import french


class SlugQuerySet(models.QuerySet):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


@functools.cache
def choice_labels(field):
    """{value: label} of a model field's choices."""
    return dict(field.flatchoices)


class ChoiceLabelsMixin:
    """get_FOO_display() from a dictionary made once per field. Django's own method, which
    this overrides, makes it again at each call; the sheet page shows about sixty labels."""

    def _get_FIELD_display(self, field):
        value = getattr(self, field.attname)
        return force_str(choice_labels(field).get(value, value), strings_only=True)


class SlugNaturalKeyMixin:
    """Fixtures refer to vocabularies by slug, whatever their primary keys."""

    def natural_key(self):
        return (self.slug,)


class VocabularyQuerySet(SlugQuerySet):
    """Families, sectors and skills, counted by the public sheets that refer to them."""

    path_to_roles = "roles"

    def with_published_counts(self):
        """Annotate `role_count`, the number of public sheets referring to each entry."""
        from .sheet import Role  # the sheet module imports this one

        path = self.path_to_roles
        # Aggregation drops Meta.ordering: restore it explicitly.
        return self.annotate(
            role_count=Count(path, filter=Q(**{f"{path}__in": Role.objects.published()}))
        ).order_by(*self.model._meta.ordering)

    def in_use(self):
        return self.with_published_counts().filter(role_count__gt=0)

    def used(self):
        """Entries at least one public sheet refers to, uncounted: far cheaper than in_use()."""
        from .sheet import Role

        public = Q(**{f"{self.path_to_roles}__in": Role.objects.published()})
        return self.filter(Exists(self.model.objects.filter(public, pk=OuterRef("pk"))))

    def for_sitemap(self):
        """Entries in use, with `last_modified`: the latest update of their public sheets."""
        from .sheet import Role

        path = self.path_to_roles
        public = Q(**{f"{path}__in": Role.objects.published()})
        return self.in_use().annotate(last_modified=Max(f"{path}__updated_at", filter=public))


class Family(SlugNaturalKeyMixin, models.Model):
    """A family of jobs (Direction générale, Commercial, Marketing, ...)."""

    name = models.CharField("nom", max_length=120, unique=True)
    slug = models.SlugField("identifiant d’URL", max_length=120, unique=True)
    description = models.TextField("description", blank=True)
    order = models.PositiveSmallIntegerField("ordre d’affichage", default=0)

    objects = VocabularyQuerySet.as_manager()

    class Meta:
        ordering = ["order", french("name")]
        verbose_name = "famille de métiers"
        verbose_name_plural = "familles de métiers"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return cached_reverse("roles:family_detail", self.slug)


class Sector(SlugNaturalKeyMixin, models.Model):
    """A sector of activity where roles are common (industrie, grande distribution, ...)."""

    name = models.CharField("nom", max_length=120, unique=True)
    slug = models.SlugField("identifiant d’URL", max_length=120, unique=True)
    description = models.TextField("description", blank=True)

    objects = VocabularyQuerySet.as_manager()

    class Meta:
        ordering = [french("name")]
        verbose_name = "secteur d’activité"
        verbose_name_plural = "secteurs d’activité"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return cached_reverse("roles:sector_detail", self.slug)


class SkillQuerySet(VocabularyQuerySet):
    path_to_roles = "role_skills__role"


class Skill(ChoiceLabelsMixin, SlugNaturalKeyMixin, models.Model):
    """A skill that several roles may require."""

    class Kind(models.TextChoices):
        KNOW_HOW = "savoir_faire", "Savoir-faire"
        SOFT = "savoir_etre", "Savoir-être"
        LANGUAGE = "langue", "Langue"
        TOOL = "outil", "Outil"

    name = models.CharField("nom", max_length=120, unique=True)
    slug = models.SlugField("identifiant d’URL", max_length=120, unique=True)
    kind = models.CharField("type", max_length=20, choices=Kind.choices, default=Kind.KNOW_HOW)
    description = models.TextField("description", blank=True)

    objects = SkillQuerySet.as_manager()

    class Meta:
        ordering = [french("name")]
        verbose_name = "compétence"
        verbose_name_plural = "compétences"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return cached_reverse("roles:skill_detail", self.slug)
