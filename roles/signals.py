"""Derived data kept in sync on every save, raw ones (loaddata, revision restores) included."""

import threading
from contextlib import contextmanager

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from django.utils import timezone

from .models import (
    CareerMove,
    Family,
    Mission,
    OldSlug,
    Role,
    RoleSkill,
    Salary,
    Sector,
    Skill,
    TrainingPath,
)
from .models.search import folded
from .rendering import render_markdown
from .typography import with_french_typography

_deferred = threading.local()


@contextmanager
def deferred_search_refresh():
    """Index each sheet touched inside the block once, at its end, instead of on every save."""
    outer = getattr(_deferred, "role_ids", None)
    _deferred.role_ids = set() if outer is None else outer
    try:
        yield
    finally:
        if outer is None:
            role_ids, _deferred.role_ids = _deferred.role_ids, None
            Role.objects.filter(pk__in=role_ids).refresh_search()


def refresh_search_of(*role_ids):
    if getattr(_deferred, "role_ids", None) is not None:
        _deferred.role_ids.update(role_ids)
    else:
        Role.objects.filter(pk__in=role_ids).refresh_search()


def french_typography(sender, instance, **kwargs):
    """Editors' text saved with French typography (loaddata and restores included)."""
    with_french_typography(instance)


for model in (Role, Family, Sector, Skill, Mission, RoleSkill, TrainingPath, CareerMove, Salary):
    pre_save.connect(french_typography, sender=model, dispatch_uid=f"typography-{model.__name__}")


@receiver(pre_save, sender=Role)
def fold_title_for_sorting(sender, instance, **kwargs):
    instance.sort_title = folded(instance.title)


@receiver(pre_save, sender=Role)
def render_introduction(sender, instance, **kwargs):
    """The page shows the stored HTML: Markdown is rendered once per save, not per visit."""
    if "introduction" not in instance.get_deferred_fields():
        instance.introduction_html = render_markdown(instance.introduction)


@receiver(pre_save, sender=Role)
def keep_the_old_address(sender, instance, **kwargs):
    """A sheet whose slug changes keeps answering at its old address (a 301, in the view)."""
    previous = Role.objects.filter(pk=instance.pk).values_list("slug", flat=True).first()
    if previous and previous != instance.slug:
        OldSlug.objects.update_or_create(slug=previous, defaults={"role_id": instance.pk})
    OldSlug.objects.filter(slug=instance.slug).delete()  # the live sheet's address wins


def touch_sheets(*role_ids):
    """Record an edit of a part as an edit of the sheets it shows on ("Dernière mise à jour")."""
    ids = [pk for pk in role_ids if pk]
    if ids:
        Role.objects.filter(pk__in=ids).update(updated_at=timezone.now())


@receiver(post_save, sender=Mission)
@receiver(post_save, sender=RoleSkill)
@receiver(post_save, sender=TrainingPath)
@receiver(post_save, sender=Salary)
@receiver(post_delete, sender=Mission)
@receiver(post_delete, sender=RoleSkill)
@receiver(post_delete, sender=TrainingPath)
@receiver(post_delete, sender=Salary)
def part_changed(sender, instance, raw=False, **kwargs):
    if not raw:  # fixtures keep the dates they carry
        touch_sheets(instance.role_id)


@receiver(post_save, sender=CareerMove)
@receiver(post_delete, sender=CareerMove)
def career_move_changed(sender, instance, raw=False, **kwargs):
    if not raw:  # a move shows on both its sheets
        touch_sheets(instance.from_role_id, instance.to_role_id)


@receiver(post_save, sender=Role)
def index_saved_role(sender, instance, **kwargs):
    refresh_search_of(instance.pk)


@receiver(post_save, sender=Mission)
@receiver(post_delete, sender=Mission)
@receiver(post_save, sender=RoleSkill)
@receiver(post_delete, sender=RoleSkill)
def index_role_of_part(sender, instance, **kwargs):
    refresh_search_of(instance.role_id)


@receiver(post_save, sender=Skill)
def index_roles_of_renamed_skill(sender, instance, created, **kwargs):
    if not created:
        refresh_search_of(*instance.role_skills.values_list("role_id", flat=True))
