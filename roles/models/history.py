"""A sheet's past: its revisions (django-reversion) and its former addresses."""

import reversion
from django.db import models
from taggit.models import TaggedItem

from .parts import CareerMove, Mission, RoleSkill, Salary, TrainingPath
from .sheet import Role

# The parts of a sheet edited on its screen: a version of a sheet holds all of them.
ROLE_PARTS = [
    "missions",
    "role_skills",
    "training_paths",
    "incoming_moves",
    "outgoing_moves",
    "salaries",
    "tagged_items",
]

reversion.register(Role, follow=ROLE_PARTS)
for part in (Mission, RoleSkill, TrainingPath, CareerMove, Salary, TaggedItem):
    reversion.register(part)


class OldSlug(models.Model):
    """An address a sheet used to have: it answers with a permanent redirect to the current one."""

    role = models.ForeignKey(
        Role, on_delete=models.CASCADE, related_name="old_slugs", verbose_name="fiche métier"
    )
    slug = models.SlugField("ancien identifiant d’URL", max_length=150, unique=True)
    created_at = models.DateTimeField("remplacé le", auto_now_add=True)

    class Meta:
        verbose_name = "ancienne adresse"
        verbose_name_plural = "anciennes adresses"

    def __str__(self):
        return self.slug
