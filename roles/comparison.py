"""Two or three sheets side by side: what they share and what each one lacks."""

from dataclasses import dataclass, field


@dataclass
class Column:
    """One sheet of a comparison, with its skills marked as shared or not."""

    role: object
    skills: list = field(default_factory=list)  # (Skill, shared by every sheet)
    gap: list = field(default_factory=list)  # essential skills of the others it lacks
    levels: list = field(default_factory=list)
    salaries: dict = field(default_factory=dict)  # experience label -> SalaryFigures (yearly)


def compare(roles):
    """Columns for sheets fetched with for_detail(): no query here."""
    essentials = [{rs.skill for rs in role.essential_skills()} for role in roles]
    shared = set.intersection(*essentials) if essentials else set()
    needed = set().union(*essentials)
    return [
        Column(
            role=role,
            skills=[(skill, skill in shared) for skill in _by_name(own)],
            gap=_by_name(needed - {rs.skill for rs in role.role_skills.all()}),
            levels=sorted({p.get_level_display() for p in role.training_paths.all()}),
            salaries=_first_salary_per_stage(role),
        )
        for role, own in zip(roles, essentials, strict=True)
    ]


def _by_name(skills):
    return sorted(skills, key=lambda skill: skill.name)


def _first_salary_per_stage(role):
    stages = {}
    for salary in role.salaries.all():
        stages.setdefault(salary.get_experience_display(), salary.gross_yearly)
    return stages
