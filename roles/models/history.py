"""Revision history: every save of a sheet keeps the sheet and all its parts (django-reversion)."""

import reversion

from .parts import CareerMove, Mission, RoleSkill, Salary, TrainingPath
from .sheet import Role

# The reverse relations of Role edited as inlines: a version of a sheet holds all of them.
ROLE_PARTS = [
    "missions",
    "role_skills",
    "training_paths",
    "incoming_moves",
    "outgoing_moves",
    "salaries",
]

reversion.register(Role, follow=ROLE_PARTS)
for part in (Mission, RoleSkill, TrainingPath, CareerMove, Salary):
    reversion.register(part)
