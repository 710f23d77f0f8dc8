"""How the site names editors to the public: a name they choose, never their login."""

from django.conf import settings
from django.db import models

NAMELESS_EDITOR = "la rédaction"


class EditorProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="editor_profile",
        verbose_name="compte",
    )
    display_name = models.CharField(
        "nom affiché",
        max_length=80,
        blank=True,
        help_text="Le nom sous lequel le site vous présente aux visiteurs "
        "(«\u202fRelue le … par …\u202f»). Laissé vide\u00a0: «\u202fla rédaction\u202f». "
        "Votre identifiant de connexion n’est jamais affiché.",
    )

    class Meta:
        verbose_name = "nom affiché"
        verbose_name_plural = "noms affichés"

    def __str__(self):
        return self.display_name or NAMELESS_EDITOR


def public_name(user):
    """The name shown to visitors for this editor: his chosen one, or « la rédaction »."""
    profile = getattr(user, "editor_profile", None)
    return (profile.display_name if profile else "") or NAMELESS_EDITOR
