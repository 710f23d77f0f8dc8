"""The staff's groups and what each may do, declared once and applied after every migrate."""

from django.apps import apps
from django.contrib.auth.models import Group, Permission

EDITORS = "Rédacteurs"
RECRUITERS = "Recruteurs"

EVERYTHING = ("view", "add", "change", "delete")
MODERATION = ("view", "change", "delete")

SHEET_MODELS = [
    "roles.role",
    "roles.mission",
    "roles.roleskill",
    "roles.trainingpath",
    "roles.careermove",
    "roles.salary",
    "roles.oldslug",
    "roles.family",
    "roles.sector",
    "roles.skill",
    "taggit.tag",
    "taggit.taggeditem",
]

REFERENTIAL_MODELS = [
    "referentials.romecode",
    "referentials.rometitle",
    "referentials.iscogroup",
    "referentials.escooccupation",
    "referentials.onetoccupation",
]

# Group -> {"app_label.model": actions}. A model that does not exist yet is skipped: the migrate
# that creates it runs this again and grants its permissions then.
GROUP_PERMISSIONS = {
    EDITORS: {
        **dict.fromkeys(SHEET_MODELS, EVERYTHING),
        "visitors.comment": MODERATION,
        "visitors.moderationsettings": ("view", "change"),
        # The official lists: to pick a sheet's codes (autocomplete) and read them.
        **dict.fromkeys(REFERENTIAL_MODELS, ("view",)),
    },
    RECRUITERS: {
        "visitors.recruitmentrequest": EVERYTHING,
        "visitors.requestnote": ("view", "add"),
    },
}


def permissions_for(model_actions):
    """The Permission rows granting the given actions on each of these models that exists."""
    found = Permission.objects.none()
    for label, actions in model_actions.items():
        if model_exists(label):
            app_label, model_name = label.split(".")
            codenames = [f"{action}_{model_name}" for action in actions]
            found |= Permission.objects.filter(
                content_type__app_label=app_label, codename__in=codenames
            )
    return found


def model_exists(label):
    app_label, model_name = label.split(".")
    try:
        return model_name in apps.get_app_config(app_label).models
    except LookupError:
        return False


def build_groups(**kwargs):
    """Create the groups and give each exactly the permissions GROUP_PERMISSIONS declares."""
    for name, model_actions in GROUP_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(permissions_for(model_actions))
