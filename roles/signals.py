"""Derived data kept in sync on every save, raw ones (loaddata, revision restores) included."""

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from django.utils import timezone

from .models import CareerMove, Mission, OldSlug, Role, RoleSkill, Salary, TrainingPath
from .models.sheet import folded


@receiver(pre_save, sender=Role)
def fold_title_for_sorting(sender, instance, **kwargs):
    instance.sort_title = folded(instance.title)


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
