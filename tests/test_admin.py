"""Editors write every part of a sheet on one admin screen."""

import pytest
from django.urls import reverse

from roles.models import CareerMove, Role, Salary

from .factories import make_draft, make_family, make_role, make_sector, make_skill

pytestmark = pytest.mark.django_db

INLINE_PREFIXES = [
    "missions",
    "role_skills",
    "training_paths",
    "incoming_moves",
    "outgoing_moves",
    "salaries",
]


def inline_data(prefix, rows):
    """POST data of one inline formset holding `rows` (dicts of field values)."""
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        data.update({f"{prefix}-{index}-{name}": value for name, value in row.items()})
    return data


def sheet_form_data(family, **inlines):
    data = {
        "title": "Chief Operating Officer (COO)",
        "short_name": "COO",
        "slug": "coo",
        "alternative_titles": "Directeur des opérations\nDirectrice des opérations",
        "family": family.pk,
        "tagline": "L’expertise opérationnelle",
        "summary": "Le COO pilote la stratégie opérationnelle.",
        "introduction": "Le **COO** est rattaché à la direction générale.",
        "reporting_line": "Rattaché à la direction générale",
        "salary_note": "Varie avec la taille de l’entreprise.",
        "tags": "stratégie, management",
        "status": "published",
        "published_at_0": "2026-01-15",
        "published_at_1": "09:00:00",
    }
    for prefix in INLINE_PREFIXES:
        data.update(inline_data(prefix, inlines.get(prefix, [])))
    return data


def test_editor_creates_a_full_sheet_on_one_screen(editor_client, client):
    family, sector, skill = make_family(), make_sector(), make_skill(name="Leadership")
    earlier, later, related = make_role(title="Directeur régional"), make_role(), make_role()
    data = sheet_form_data(
        family,
        missions=[
            {"order": 1, "text": "Assurer le développement commercial", "scope": "core"},
            {
                "order": 2,
                "text": "Superviser l’international",
                "scope": "depends",
                "company_context": "groupes internationaux",
            },
        ],
        role_skills=[{"order": 1, "skill": skill.pk, "weight": "essential", "note": ""}],
        training_paths=[
            {
                "order": 1,
                "level": "bac5",
                "institution": "business",
                "fields_of_study": "management, commerce",
            }
        ],
        incoming_moves=[
            {"order": 1, "from_role": earlier.pk, "kind": "promotion", "years_of_experience": 8},
            {"order": 2, "from_title": "Chef de secteur", "kind": "promotion"},
        ],
        outgoing_moves=[
            {"order": 1, "to_role": later.pk, "kind": "promotion"},
            {"order": 2, "to_title": "PDG", "kind": "promotion"},
        ],
        salaries=[
            {
                "order": 1,
                "experience": "hiring",
                "period": "month",
                "currency": "EUR",
                "amount_typical": 3000,
                "note": "Selon la taille de l’entreprise.",
            }
        ],
    )
    data.update({"sectors": [sector.pk], "related_roles": [related.pk]})

    response = editor_client.post(reverse("admin:roles_role_add"), data)

    assert response.status_code == 302, response.context["adminform"].errors
    role = Role.objects.get(slug="coo")
    assert role.missions.count() == 2
    assert role.role_skills.get().skill == skill
    assert role.training_paths.get().field_list() == ["management", "commerce"]
    assert {m.source_name for m in role.incoming_moves.all()} == {
        "Directeur régional",
        "Chef de secteur",
    }
    assert {m.target_name for m in role.outgoing_moves.all()} == {later.title, "PDG"}
    assert role.salaries.get().amount_typical == 3000
    assert list(role.sectors.all()) == [sector]
    assert related in role.related_roles.all() and role in related.related_roles.all()
    assert sorted(role.tags.names()) == ["management", "stratégie"]
    # Visible to the public at once.
    assert "Superviser l" in client.get("/metiers/coo/").content.decode()


def test_invalid_inline_rows_get_french_errors_and_keep_the_input(editor_client):
    data = sheet_form_data(
        make_family(),
        incoming_moves=[
            {
                "order": 1,
                "from_role": make_role().pk,
                "from_title": "Chef de secteur",
                "kind": "promotion",
            }
        ],
        salaries=[
            {
                "order": 1,
                "experience": "hiring",
                "period": "year",
                "currency": "EUR",
                "amount_min": 90000,
                "amount_typical": 50000,
            }
        ],
    )
    response = editor_client.post(reverse("admin:roles_role_add"), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "soit une fiche, soit un intitulé" in html
    assert "Le minimum ne peut pas dépasser le salaire habituel." in html
    assert 'value="Chief Operating Officer (COO)"' in html
    assert not Role.objects.filter(slug="coo").exists()


def test_a_career_move_cannot_point_back_to_its_own_sheet(editor_client):
    role = make_role()
    data = sheet_form_data(
        role.family, incoming_moves=[{"order": 1, "from_role": role.pk, "kind": "promotion"}]
    )
    data.update({"slug": role.slug, "title": role.title})
    for prefix in INLINE_PREFIXES:
        data[f"{prefix}-INITIAL_FORMS"] = "0"
    response = editor_client.post(reverse("admin:roles_role_change", args=[role.pk]), data)
    assert response.status_code == 200
    assert "doivent différer" in response.content.decode()
    assert not CareerMove.objects.exists()


def test_change_screen_shows_every_part_and_a_link_to_the_site(editor_client):
    role = make_role()
    Salary.objects.create(role=role, amount_typical=50000)
    html = editor_client.get(reverse("admin:roles_role_change", args=[role.pk])).content.decode()
    for heading in [
        "Missions",
        "Compétences requises",
        "Formations",
        "Postes qui mènent à ce métier",
        "Évolutions possibles depuis ce métier",
        "Salaires",
        "Voir sur le site",
    ]:
        assert heading in html, heading


def test_publish_and_unpublish_actions(editor_client):
    draft, published = make_draft(), make_role()
    url = reverse("admin:roles_role_changelist")
    editor_client.post(url, {"action": "publish", "_selected_action": [draft.pk]})
    editor_client.post(url, {"action": "unpublish", "_selected_action": [published.pk]})
    draft.refresh_from_db()
    published.refresh_from_db()
    assert draft.status == Role.Status.PUBLISHED and published.status == Role.Status.DRAFT


@pytest.mark.parametrize("model", ["role", "family", "sector", "skill"])
def test_every_admin_screen_answers(editor_client, model):
    make_role().role_skills.create(skill=make_skill())
    make_sector()
    assert editor_client.get(reverse(f"admin:roles_{model}_changelist") + "?q=a").status_code == 200
    assert editor_client.get(reverse(f"admin:roles_{model}_add")).status_code == 200


def test_skill_autocomplete_finds_skills(editor_client):
    make_skill(name="Négociation commerciale")
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {"term": "négo", "app_label": "roles", "model_name": "roleskill", "field_name": "skill"},
    )
    assert [r["text"] for r in response.json()["results"]] == ["Négociation commerciale"]


@pytest.mark.parametrize(
    "changelist", ["visitors_comment", "visitors_recruitmentrequest", "roles_role", "roles_skill"]
)
@pytest.mark.parametrize(
    "query",
    [
        "status__exact=%00",  # the finding: NUL, which PostgreSQL refuses, gave a 500
        "created_at__year=99999999999",
        "created_at__gte=%00",
        "family__id__exact=%00",
        "role__id__exact=abc",
    ],
)
def test_list_filters_refuse_values_they_cannot_use_without_an_error(
    editor_client, changelist, query
):
    response = editor_client.get(reverse(f"admin:{changelist}_changelist") + "?" + query)
    assert response.status_code in (200, 302, 400)
    if response.status_code == 302:  # Django's answer to refused filters: the whole list
        assert response["Location"].endswith("?e=1")
        assert editor_client.get(response["Location"]).status_code == 200
