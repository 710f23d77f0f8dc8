from .history import OldSlug
from .parts import CareerMove, Mission, RoleSkill, Salary, TrainingPath
from .sheet import Family, Role, Sector, Skill

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
