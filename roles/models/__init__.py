from .history import OldSlug
from .parts import CareerMove, Mission, RoleSkill, Salary, TrainingPath
from .sheet import Family, Role, Sector, Skill
from .visitors import Comment, ErasureLog, RecruitmentRequest

__all__ = [
    "CareerMove",
    "Comment",
    "ErasureLog",
    "Family",
    "Mission",
    "OldSlug",
    "RecruitmentRequest",
    "Role",
    "RoleSkill",
    "Salary",
    "Sector",
    "Skill",
    "TrainingPath",
]
