from .content_version import ContentVersion
from .editors import EditorProfile
from .history import OldSlug
from .parts import CareerMove, Mission, RoleSkill, Salary, TrainingPath
from .sheet import Role
from .visitors import (
    Comment,
    ErasureLog,
    MailedAddress,
    ModerationSettings,
    RecruitmentRequest,
    RequestNote,
)
from .vocabulary import Family, Sector, Skill

__all__ = [
    "CareerMove",
    "Comment",
    "ContentVersion",
    "EditorProfile",
    "ErasureLog",
    "Family",
    "MailedAddress",
    "Mission",
    "ModerationSettings",
    "OldSlug",
    "RecruitmentRequest",
    "RequestNote",
    "Role",
    "RoleSkill",
    "Salary",
    "Sector",
    "Skill",
    "TrainingPath",
]
