from django.db import models
from django.db.models import F
from django.utils import timezone


class ContentVersion(models.Model):
    """One row, raised by every change of what a public page shows (see roles.caching)."""

    number = models.PositiveBigIntegerField(default=0)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "version du contenu"

    def __str__(self):
        return f"Version {self.number} du {self.changed_at:%d/%m/%Y %H:%M}"

    @classmethod
    def bump(cls):
        """In the transaction of the change itself: the new version is seen with the change."""
        raised = cls.objects.filter(pk=1).update(number=F("number") + 1, changed_at=timezone.now())
        if not raised:  # a flushed table (tests): start again
            cls.objects.update_or_create(pk=1, defaults={"number": 1})
