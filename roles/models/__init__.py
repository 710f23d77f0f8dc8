from . import history  # noqa: F401 - registers the sheet and its parts with django-reversion
from .parts import CareerMove, Mission, RoleSkill, Salary, TrainingPath
from .sheet import Family, OldSlug, Role, Sector, Skill

__all__ = [
    "CareerMove",
    "Family",
    "Mission",
    "OldSlug",
    "Role",
    "RoleSkill",
    "Salary",
    "Sector",
    "Skill",
    "TrainingPath",
]
