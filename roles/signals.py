"""Derived data kept in sync on every save, raw ones (loaddata) included."""

from django.db.models.signals import pre_save
from django.dispatch import receiver

from .models import Role
from .models.sheet import folded


@receiver(pre_save, sender=Role)
def fold_title_for_sorting(sender, instance, **kwargs):
    instance.sort_title = folded(instance.title)
