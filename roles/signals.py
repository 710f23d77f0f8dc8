"""Derived data kept in sync on every save, raw ones (loaddata, revision restores) included."""

import threading
from contextlib import contextmanager

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from .models import Mission, Role, RoleSkill, Skill
from .models.search import folded

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


@receiver(pre_save, sender=Role)
def fold_title_for_sorting(sender, instance, **kwargs):
    instance.sort_title = folded(instance.title)


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
