from .content_version import ContentVersion
from .editors import EditorProfile
from .history import OldSlug
from .parts import CareerMove, Mission, RoleSkill, Salary, TrainingPath
from .sheet import Role
from .vocabulary import Family, Sector, Skill

__all__ = [
    "CareerMove",
    "ContentVersion",
    "EditorProfile",
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
