"""Small factories: valid objects with sensible defaults, overridable by keyword."""

import itertools
from datetime import timedelta

from django.contrib.auth.models import Group, User
from django.utils import timezone

from roles.models import (
    CareerMove,
    Family,
    Mission,
    Role,
    RoleSkill,
    Salary,
    Sector,
    Skill,
    TrainingPath,
)
from roles.visitors.models import Comment, RecruitmentRequest

_numbers = itertools.count(1)


def make_family(**fields):
    n = next(_numbers)
    defaults = {"name": f"Famille {n}", "slug": f"famille-{n}", "description": "Une famille."}
    return Family.objects.create(**{**defaults, **fields})


def make_sector(**fields):
    n = next(_numbers)
    return Sector.objects.create(**{"name": f"Secteur {n}", "slug": f"secteur-{n}", **fields})


def make_skill(**fields):
    n = next(_numbers)
    return Skill.objects.create(**{"name": f"Compétence {n}", "slug": f"competence-{n}", **fields})


def make_role(**fields):
    n = next(_numbers)
    defaults = {
        "title": f"Métier {n}",
        "slug": f"metier-{n}",
        "summary": f"Résumé du métier {n}.",
        "introduction": f"Introduction du **métier {n}**.",
        "status": Role.Status.PUBLISHED,
        "published_at": timezone.now() - timedelta(days=1),
    }
    if "family" not in fields:
        defaults["family"] = make_family()
    return Role.objects.create(**{**defaults, **fields})


def make_draft(**fields):
    return make_role(status=Role.Status.DRAFT, **fields)


def make_comment(role, **fields):
    n = next(_numbers)
    defaults = {
        "name": f"Lecteur {n}",
        "email": f"lecteur{n}@example.com",
        "text": f"Commentaire {n}.",
        "status": Comment.Status.APPROVED,
    }
    return Comment.objects.create(role=role, **{**defaults, **fields})


def make_request(**fields):
    defaults = {
        "kind": RecruitmentRequest.Kind.COMPANY,
        "name": "Claire Martin",
        "company": "Acme Industrie",
        "email": "claire.martin@acme.example",
        "message": "Nous cherchons un directeur des opérations.",
        "consent_at": timezone.now(),
    }
    return RecruitmentRequest.objects.create(**{**defaults, **fields})


def fill_sheet(role, size=1):
    """Give a sheet `size` items in every section, all linked to other sheets."""
    for i in range(size):
        Mission.objects.create(role=role, text=f"Mission {i}", order=i)
        Mission.objects.create(
            role=role, text=f"Mission contextuelle {i}", scope=Mission.Scope.DEPENDS, order=i
        )
        RoleSkill.objects.create(role=role, skill=make_skill(), order=i)
        RoleSkill.objects.create(
            role=role, skill=make_skill(), weight=RoleSkill.Weight.PLUS, order=i
        )
        TrainingPath.objects.create(
            role=role,
            level=TrainingPath.Level.BAC5,
            institution=TrainingPath.Institution.BUSINESS_SCHOOL,
            fields_of_study="management, marketing",
        )
        CareerMove.objects.create(from_role=make_role(), to_role=role, years_of_experience=5)
        CareerMove.objects.create(from_role=role, to_title=f"Poste suivant {i}")
        Salary.objects.create(
            role=role,
            amount_min=40000,
            amount_typical=50000,
            amount_max=60000,
            sector=make_sector(),
        )
        role.sectors.add(make_sector())
        role.related_roles.add(make_role())
        role.tags.add(f"étiquette {i}")
        make_comment(role, parent=make_comment(role))
    return role


def make_staff_member(group_name, **fields):
    """A staff account (not superuser) in one of the groups of roles.permissions."""
    n = next(_numbers)
    user = User.objects.create_user(
        **{"username": f"membre{n}", "email": f"membre{n}@example.com", "is_staff": True, **fields}
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user
