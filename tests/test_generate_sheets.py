"""Synthetic sheets for benchmarks: created in bulk, searchable, never mixed with real ones."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from roles.models import Family, Role, Skill

pytestmark = pytest.mark.django_db


def generate(*args):
    out = StringIO()
    call_command("generate_sheets", *args, stdout=out)
    return out.getvalue()


def test_creates_complete_marked_sheets_with_a_progress_bar(fixture_sheets):
    real = set(Role.objects.values_list("slug", "search_titles"))
    output = generate("30")
    synthetic = Role.objects.filter(slug__startswith="synthetique-")
    assert synthetic.count() == 30 and "30 fiches synthétiques créées" in output
    assert "100\u00a0% (30/30)" in output
    role = synthetic.for_detail().first()
    assert role.missions.count() == 5 and len(role.essential_skills()) == 4
    assert role.salaries.count() == 3 and role.training_paths.count() == 1
    assert role.family.slug.startswith("synthetique-") and role.search_titles
    assert "<strong>" in role.introduction_html  # shown as on any sheet
    assert (
        not Skill.objects.filter(role_skills__role__in=synthetic)
        .exclude(slug__startswith="synthetique-")
        .exists()
    )
    assert (
        set(
            Role.objects.exclude(slug__startswith="synthetique-").values_list(
                "slug", "search_titles"
            )
        )
        == real
    )


def test_adds_to_existing_ones_and_deletes_only_them(fixture_sheets, client):
    generate("5")
    generate("5")
    assert Role.objects.filter(slug__startswith="synthetique-").count() == 10
    assert "10\u00a0résultats pour" in client.get("/recherche/", {"q": "synthétique"}).text
    real = Role.objects.exclude(slug__startswith="synthetique-").count()
    generate("--delete")
    assert Role.objects.count() == real
    assert not Family.objects.filter(slug__startswith="synthetique-").exists()


def test_refuses_a_negative_count(db):
    with pytest.raises(CommandError, match="positif"):
        generate("-1")
