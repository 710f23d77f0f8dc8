"""Synthetic sheets for benchmarks: slugs start with "synthetique-", real content is untouched."""

import itertools
import random
from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from roles.models import (
    CareerMove,
    Family,
    Mission,
    Role,
    RoleSkill,
    Salary,
    Skill,
    TrainingPath,
)
from roles.models.search import folded
from roles.rendering import render_markdown
from roles.signals import deferred_search_refresh

PREFIX = "synthetique-"
BATCH = 500
JOBS = ["Directeur", "Directrice", "Responsable", "Chef de projet", "Chargé", "Consultant"]
FIELDS = [
    "des opérations",
    "commercial",
    "marketing",
    "CRM",
    "des achats",
    "logistique",
    "de la relation client",
    "financier",
    "des ventes",
    "de la qualité",
    "digital",
]
VERBS = ["Piloter", "Négocier", "Organiser", "Analyser", "Animer", "Développer", "Suivre"]
OBJECTS = [
    "les budgets",
    "les équipes terrain",
    "la stratégie commerciale",
    "les fournisseurs",
    "les indicateurs de performance",
    "la satisfaction client",
    "les campagnes",
]


def synthetic(queryset):
    return queryset.filter(slug__startswith=PREFIX)


class Command(BaseCommand):
    help = (
        "Crée N fiches synthétiques (identifiant «\u202fsynthetique-…\u202f») "
        "pour mesurer les performances."
    )

    def add_arguments(self, parser):
        parser.add_argument("count", type=int, nargs="?", default=0)
        parser.add_argument(
            "--delete", action="store_true", help="Supprime les fiches synthétiques."
        )
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, count, delete, seed, **options):
        if delete:
            self.delete()
        if count < 0:
            raise CommandError("Le nombre de fiches doit être positif.")
        if count:
            self.generate(count, random.Random(seed))

    def delete(self):
        # Deferred: otherwise each deleted part would re-index its (doomed) sheet.
        with transaction.atomic(), deferred_search_refresh():
            deleted, _ = synthetic(Role.objects).delete()
            synthetic(Skill.objects).delete()
            synthetic(Family.objects).delete()
        self.stdout.write(f"Fiches synthétiques supprimées ({deleted} lignes).")

    def generate(self, count, rng):
        families = [
            Family.objects.get_or_create(
                slug=f"{PREFIX}{letter}", defaults={"name": f"Synthétique {letter.upper()}"}
            )[0]
            for letter in "abcde"
        ]
        skills = [
            Skill.objects.get_or_create(
                slug=f"{PREFIX}competence-{n}", defaults={"name": f"Compétence synthétique {n}"}
            )[0]
            for n in range(200)
        ]
        start = synthetic(Role.objects).count()
        done = 0
        while done < count:
            size = min(BATCH, count - done)
            with transaction.atomic():
                roles = self.create_batch(range(start + done, start + done + size), families, rng)
                self.create_parts(roles, skills, rng)
                Role.objects.filter(pk__in=[r.pk for r in roles]).refresh_search()
            done += size
            self.progress(done, count)
        self.stdout.write(self.style.SUCCESS(f"\n{count} fiches synthétiques créées."))

    def create_batch(self, numbers, families, rng):
        roles = []
        for n in numbers:
            title = f"{rng.choice(JOBS)} {rng.choice(FIELDS)} {n}"
            introduction = f"Le métier de **{title.lower()}**, décrit pour les essais."
            roles.append(
                Role(
                    title=title,
                    sort_title=folded(title),
                    slug=f"{PREFIX}{n}",
                    summary=f"Fiche synthétique n° {n} pour les mesures de performance.",
                    introduction=introduction,
                    introduction_html=render_markdown(introduction),  # bulk_create: no signal
                    family=rng.choice(families),
                    status=Role.Status.PUBLISHED,
                    published_at=timezone.now() - timedelta(days=1),
                )
            )
        return Role.objects.bulk_create(roles)

    def create_parts(self, roles, skills, rng):
        parts = {model: [] for model in (Mission, RoleSkill, Salary, TrainingPath, CareerMove)}
        for role in roles:
            for i in range(5):
                text = f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}."
                parts[Mission].append(Mission(role=role, text=text, order=i))
            for i, skill in enumerate(rng.sample(skills, 6)):
                weight = RoleSkill.Weight.ESSENTIAL if i < 4 else RoleSkill.Weight.PLUS
                parts[RoleSkill].append(RoleSkill(role=role, skill=skill, weight=weight, order=i))
            hiring = rng.randrange(28_000, 70_000, 1_000)
            for i, (stage, factor) in enumerate(
                zip(Salary.Experience.values, [1, 1.4, 1.9], strict=True)
            ):
                typical = int(hiring * factor)
                parts[Salary].append(
                    Salary(
                        role=role,
                        experience=stage,
                        amount_typical=typical,
                        order=i,
                        amount_min=int(typical * 0.85),
                        amount_max=int(typical * 1.2),
                    )
                )
            level = rng.choice(TrainingPath.Level.values)
            parts[TrainingPath].append(TrainingPath(role=role, level=level, institution="business"))
        for before, after in itertools.pairwise(roles):
            kind = rng.choice(CareerMove.Kind.values)
            parts[CareerMove].append(CareerMove(from_role=before, to_role=after, kind=kind))
        for model, objects in parts.items():
            model.objects.bulk_create(objects)

    def progress(self, done, total):
        width = 40
        filled = width * done // total
        bar = "█" * filled + "·" * (width - filled)
        self.stdout.write(f"\r[{bar}] {100 * done // total:3d}\u00a0% ({done}/{total})", ending="")
        self.stdout.flush()
