"""Search: what a candidate types finds the right sheets, on PostgreSQL and on SQLite."""

import re
from urllib.parse import quote

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from roles.models import Mission, Role, RoleSkill

from .factories import make_draft, make_role, make_skill
from .test_views import page

pytestmark = pytest.mark.django_db

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="full-text and trigram search need PostgreSQL"
)


def found_slugs(client, query):
    """The sheets of the first page of results, in their order, as their cards show them."""
    response = client.get(reverse("roles:search"), {"q": query})
    assert response.status_code == 200
    return re.findall(r'<article class="card" aria-labelledby="carte-([^"]+)"', response.text)


@pytest.mark.parametrize(
    "query",
    ["operations", "opérations", "directrice des opérations", "coo", "COO", "directr", "DIRECTEUR"],
)
def test_finds_the_coo_sheet(client, fixture_sheets, query):
    assert "coo" in found_slugs(client, query)


@postgresql_only
@pytest.mark.parametrize("query", ["operatons", "directeur", "directrice", "Directeur opérations"])
def test_full_text_and_trigrams_find_the_coo_sheet(client, fixture_sheets, query):
    assert "coo" in found_slugs(client, query)


def test_exact_title_ranks_first(client, fixture_sheets):
    assert found_slugs(client, "Chief Operating Officer")[0] == "coo"
    assert found_slugs(client, "chef de projet CRM")[0] == "chef-de-projet-crm"


def test_a_skill_finds_the_sheets_that_need_it(client, fixture_sheets):
    skill = Role.objects.get(slug="coo").role_skills.first().skill
    expected = set(Role.objects.published().requiring(skill).values_list("slug", flat=True))
    assert expected <= set(found_slugs(client, skill.name))


def test_mission_words_find_the_sheet(client):
    role = make_role(title="Acheteur")
    Mission.objects.create(role=role, text="Négocier les contrats fournisseurs.")
    assert found_slugs(client, "negocier fournisseurs") == [role.slug]


def test_drafts_are_never_found(client):
    make_draft(title="Directeur secret")
    assert found_slugs(client, "secret") == []


class TestKeptInSync:
    def test_edited_parts_are_searchable_at_once(self, client):
        role = make_role(title="Acheteur")
        skill = make_skill(name="Sourcing international")
        link = RoleSkill.objects.create(role=role, skill=skill)
        assert found_slugs(client, "sourcing") == [role.slug]
        skill.name = "Approvisionnement"
        skill.save()
        assert found_slugs(client, "approvisionnement") == [role.slug]
        link.delete()
        assert found_slugs(client, "approvisionnement") == []

    def test_admin_save_with_inlines_indexes_the_new_content(self, editor_client):
        role = make_role(title="Acheteur", slug="acheteur")
        url = reverse("admin:roles_role_change", args=[role.pk])
        form = editor_client.get(url).context["adminform"].form
        data = {name: value for name, value in form.initial.items() if value is not None}
        data.update(
            title="Acheteuse industrielle",
            family=role.family_id,
            tags="",
            published_at_0="01/01/2024",
            published_at_1="10:00:00",
        )
        for prefix in [
            "missions",
            "role_skills",
            "training_paths",
            "incoming_moves",
            "outgoing_moves",
            "salaries",
        ]:
            data.update({f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0})
        data.update({"missions-TOTAL_FORMS": 1, "missions-0-text": "Piloter la logistique."})
        data.update({"missions-0-scope": "core", "missions-0-order": 1})
        data.pop("related_roles", None)
        data.pop("sectors", None)
        response = editor_client.post(url, data)
        assert response.status_code == 302, response.context["errors"]
        assert found_slugs(editor_client, "acheteuse") == ["acheteur"]
        assert found_slugs(editor_client, "logistique") == ["acheteur"]

    def test_admin_publish_action_makes_a_draft_findable(self, editor_client):
        draft = make_draft(title="Responsable logistique")
        assert found_slugs(editor_client, "logistique") == []
        editor_client.post(
            reverse("admin:roles_role_changelist"),
            {"action": "publish", "_selected_action": [draft.pk]},
        )
        assert found_slugs(editor_client, "logistique") == [draft.slug]

    def test_loaddata_indexes_the_sheets(self, fixture_sheets):
        assert not Role.objects.filter(search_titles="").exists()
        coo = Role.objects.get(slug="coo")
        assert "directrice des operations" in coo.search_titles
        assert coo.missions.first().text in coo.search_content

    def test_a_raw_save_reindexes(self, fixture_sheets, tmp_path):
        call_command("dumpdata", "roles.role", "--natural-foreign", output=tmp_path / "r.json")
        Role.objects.update(search_titles="", search_folded="")
        call_command("loaddata", tmp_path / "r.json", verbosity=0)
        assert Role.objects.get(slug="coo").search_titles.startswith("chief operating officer")


@postgresql_only
def test_results_show_highlighted_and_escaped_excerpts(client):
    role = make_role(title="Acheteur", summary="Négocie <b>les</b> contrats R&D fournisseurs.")
    Mission.objects.create(role=role, text="Sélectionner les fournisseurs.")
    html = page(client, "/recherche/?q=fournisseur")
    assert "<mark>fournisseurs</mark>" in html
    assert "R&amp;D" in html and "<b>les</b>" not in html


@postgresql_only
def test_an_excerpt_keeps_skills_and_missions_apart(client):
    role = make_role(title="Acheteur", summary="Achète pour l’entreprise.")
    for order, name in enumerate(["Négociation commerciale", "Sens politique"]):
        RoleSkill.objects.create(role=role, skill=make_skill(name=name), order=order)
    Mission.objects.create(role=role, text="Conduire les négociations annuelles.")
    html = page(client, "/recherche/?q=négociation")
    assert (
        "…\u00a0<mark>Négociation</mark> commerciale · Sens politique"
        " · Conduire les <mark>négociations</mark> annuelles. Introduction" in html
    )


@postgresql_only
def test_an_excerpt_from_the_start_of_a_short_summary_shows_no_cut(client):
    role = make_role(title="Acheteur", summary="Achète.")
    RoleSkill.objects.create(role=role, skill=make_skill(name="Négociation"))
    html = page(client, "/recherche/?q=négociation")
    excerpt = re.search(r'card__excerpt">(.*?)</p>', html).group(1)
    assert excerpt.startswith("Achète. <mark>Négociation</mark> · Introduction")


@postgresql_only
def test_an_excerpt_cut_from_a_longer_text_shows_where_it_was_cut(client):
    summary = " ".join(f"achat{n}" for n in range(30)) + "."
    role = make_role(title="Acheteur", summary=summary)
    words = " ".join(f"lot{n}" for n in range(60))
    Mission.objects.create(role=role, text=f"Conduire les négociations {words}")
    html = page(client, "/recherche/?q=négociation")
    excerpt = re.search(r'card__excerpt">(.*?)</p>', html).group(1)
    assert excerpt.startswith("…\u00a0") and excerpt.endswith("…")
    assert "<mark>négociations</mark>" in excerpt


def test_suggests_something_close_when_nothing_matches(client, fixture_sheets):
    # PostgreSQL's trigrams already find small typos: its suggestions are for larger ones.
    postgresql = connection.vendor == "postgresql"
    query, suggested = (
        ("opératoinnel", "Chief Operating Officer (COO)")
        if postgresql
        else (
            "operatons",
            "operations",
        )
    )
    html = page(client, f"/recherche/?q={query}")
    assert "Aucun résultat" in html
    assert f'Vouliez-vous dire <a href="/recherche/?q={quote(suggested)}">{suggested}</a>' in html


def test_no_suggestion_for_gibberish(client, fixture_sheets):
    html = page(client, "/recherche/?q=zzqxw")
    assert "Aucune fiche ne correspond" in html and "Vouliez-vous dire" not in html


@pytest.mark.parametrize(
    "query",
    [
        '"directeur',
        "directeur & | ! :* ( ) <-> \\",
        "!!!",
        "a:* & !b",
        "directeur\x00commercial",
        "'; DROP TABLE roles_role; --",
        "des",
        "   ",
        "é" * 200,
    ],
)
def test_hostile_queries_get_an_answer(client, fixture_sheets, query):
    response = client.get("/recherche/", {"q": query})
    assert response.status_code == 200
    assert Role.objects.filter(slug="coo").exists()


def test_nul_bytes_are_dropped_not_refused(client, fixture_sheets):
    assert "directeur-commercial" in found_slugs(client, "directeur\x00commercial")


def test_a_huge_query_gets_a_clear_message_and_stays_in_the_box(client):
    html = page(client, "/recherche/?q=" + "a" * 10_000)
    assert "Votre recherche est trop longue\u00a0: 200 caractères au plus" in html
    assert 'value="' + "a" * 10_000 in html


def test_results_are_paginated_and_keep_the_query(client, settings):
    for i in range(settings.ROLES_PER_PAGE + 1):
        make_role(title=f"Directeur {i}")
    first = page(client, "/recherche/?q=directeur")
    assert f"{settings.ROLES_PER_PAGE + 1}\u00a0résultats" in first
    assert "q=directeur&amp;page=2" in first and 'value="directeur"' in first
    assert "Page 2 sur 2" in page(client, "/recherche/?q=directeur&page=2")


def test_the_search_box_is_on_every_page(client, fixture_sheets):
    for url in ["/", "/metiers/", "/metiers/coo/", "/familles/", "/competences/"]:
        assert 'action="/recherche/"' in page(client, url)
    assert 'value="coo"' in page(client, "/recherche/?q=coo")


def test_suggestion_drops_words_close_to_nothing(client, fixture_sheets):
    suggestion = Role.objects.published().suggestion("chef de prodiut zzqxw")
    if connection.vendor == "postgresql":
        assert suggestion == "Chef de produit"
    else:
        assert suggestion == "chef produit"


@pytest.mark.parametrize("comparer", ["\x00", "coo\x00", "<script>", "x" * 10_000])
def test_a_bad_sheet_to_compare_with_is_ignored_not_an_error(client, comparer):
    response = client.get("/recherche/", {"q": "directeur", "comparer": comparer})
    assert response.status_code == 200
    assert "Comparer avec" not in response.content.decode()


class TestSearchRateLimit:
    """The finding: random searches at 180 req/s, each computed, slowed every other page."""

    @pytest.fixture(autouse=True)
    def behind_one_proxy(self, settings):
        settings.TRUSTED_PROXY_COUNT = 1
        settings.SEARCH_RATE = "3/m"

    def search(self, client, query, address="203.0.113.9", **headers):
        return client.get(
            reverse("roles:search"),
            {"q": query},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR=address,
            **headers,
        )

    def test_a_client_computing_too_many_searches_gets_a_french_429_saying_when(self, client):
        make_role(title="Directeur commercial")
        for number in range(3):
            assert self.search(client, f"directeur {number}").status_code == 200
        response = self.search(client, "directeur 99")
        assert response.status_code == 429
        assert response["Retry-After"] == "60"
        assert "Réessayez dans 1\u00a0minute au plus" in response.content.decode()
        assert "no-store" in response["Cache-Control"]
        # Other clients search on.
        assert self.search(client, "directeur 99", address="198.51.100.7").status_code == 200

    def test_a_search_nginx_revalidates_costs_the_client_nothing(self, client):
        make_role(title="Directeur commercial")
        etag = self.search(client, "directeur")["ETag"]
        for _ in range(10):  # nginx's revalidations: answered 304 before the view runs
            response = self.search(client, "directeur", HTTP_IF_NONE_MATCH=etag)
            assert response.status_code == 304
        assert self.search(client, "directeur 2").status_code == 200

    def test_the_bare_search_page_is_never_limited(self, client):
        for _ in range(10):
            assert client.get(reverse("roles:search")).status_code == 200
