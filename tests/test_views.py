"""Every page type, as a visitor sees it."""

from datetime import timedelta

import pytest
from django.urls import reverse, set_script_prefix
from django.utils import timezone

from roles.models import CareerMove, Mission, RoleSkill, Salary

from .factories import fill_sheet, make_draft, make_family, make_role, make_sector, make_skill

pytestmark = pytest.mark.django_db


def page(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


class TestHome:
    def test_shows_families_featured_sheets_and_a_search_box(self, client):
        featured = make_role(title="Directeur commercial", is_featured=True)
        make_draft(title="Brouillon secret", is_featured=True)
        html = page(client, "/")
        assert featured.family.name in html
        assert "Directeur commercial" in html
        assert "Brouillon secret" not in html
        assert 'action="/recherche/"' in html and 'name="q"' in html


class TestRoleList:
    def test_groups_published_sheets_by_family(self, client):
        sales, crm = make_family(name="Commercial", order=1), make_family(name="CRM", order=2)
        make_role(title="Account executive", family=sales)
        make_role(title="CRM manager", family=crm)
        make_draft(title="Fiche en cours", family=crm)
        html = page(client, "/metiers/")
        assert (
            html.index("Commercial") < html.index("Account executive") < html.index("CRM manager")
        )
        assert "Fiche en cours" not in html

    def test_filters_by_family_and_tag_and_keeps_them_in_the_url(self, client):
        family = make_family(slug="marketing")
        kept = make_role(title="Directeur marketing", family=family)
        kept.tags.add("stratégie")
        make_role(title="Autre métier", family=family)
        html = page(client, "/metiers/?famille=marketing&tag=strategie")
        assert "Directeur marketing" in html and "Autre métier" not in html
        assert '<option value="strategie" selected>' in html

    def test_alphabetical_order_groups_by_initial(self, client):
        make_role(title="Zoologiste")
        make_role(title="Éditeur")
        html = page(client, "/metiers/?ordre=alpha")
        assert html.index("Éditeur") < html.index("Zoologiste")
        assert '<h2 id="group-1">E</h2>' in html

    def test_an_unknown_filter_gets_a_clear_message(self, client):
        make_role(title="Directeur marketing")
        html = page(client, "/metiers/?famille=inconnue")
        assert "Cette famille n’existe pas." in html
        assert "Directeur marketing" in html

    def test_pagination_keeps_filters_and_forgives_bad_page_numbers(self, client, settings):
        family = make_family(slug="vente")
        for i in range(settings.ROLES_PER_PAGE + 1):
            make_role(title=f"Métier {i:02}", family=family)
        html = page(client, "/metiers/?famille=vente")
        assert "?famille=vente&amp;page=2" in html
        assert "Page 1 sur 2" in page(client, "/metiers/?page=abc")
        assert "Page 2 sur 2" in page(client, "/metiers/?page=999")


class TestRoleDetail:
    def test_shows_every_section(self, client):
        role = fill_sheet(make_role(title="Chief Operating Officer (COO)", short_name="COO"))
        html = page(client, role.get_absolute_url())
        for text in [
            "Chief Operating Officer (COO)",
            "Sommaire",
            "Missions",
            "Mission 0",
            "Selon le type d’entreprise",
            "Mission contextuelle 0",
            "Indispensables",
            "Un vrai plus",
            "Bac+5",
            "Les postes qui y mènent",
            "Poste suivant 0",
            "Brut annuel",
            "Découvrez aussi",
            "Vous recrutez pour un poste de COO\u202f?",
        ]:
            assert text in html, text

    def test_call_to_recruit_elides_de_before_a_vowel(self, client):
        role = make_role(title="Account executive")
        assert "Vous recrutez pour un poste d’Account executive\u202f?" in page(
            client, role.get_absolute_url()
        )

    def test_links_career_steps_and_related_sheets_only_when_public(self, client):
        role = make_role()
        public, draft = make_role(title="Directeur régional"), make_draft(title="Directeur caché")
        CareerMove.objects.create(from_role=public, to_role=role)
        CareerMove.objects.create(from_role=role, to_role=draft)
        role.related_roles.add(public, draft)
        html = page(client, role.get_absolute_url())
        assert f'<a href="{public.get_absolute_url()}">Directeur régional</a>' in html
        assert draft.get_absolute_url() not in html
        assert "<span>Directeur caché</span>" in html

    def test_career_move_shows_on_both_sheets(self, client):
        junior, senior = make_role(title="Chef de secteur"), make_role(title="Directeur régional")
        CareerMove.objects.create(from_role=junior, to_role=senior, years_of_experience=6)
        assert senior.get_absolute_url() in page(client, junior.get_absolute_url())
        senior_html = page(client, senior.get_absolute_url())
        assert junior.get_absolute_url() in senior_html
        assert "après 6 ans d’expérience" in senior_html

    def test_salary_shows_monthly_yearly_and_net(self, client):
        role = make_role()
        Salary.objects.create(role=role, amount_typical=3000, period=Salary.Period.MONTH)
        html = page(client, role.get_absolute_url())
        assert "environ 3\u202f000\u00a0€" in html  # monthly gross
        assert "environ 36\u202f000\u00a0€" in html  # yearly gross
        assert "environ 2\u202f250\u00a0€" in html  # approximate net
        assert "25\u00a0% de cotisations" in html

    def test_missions_and_skills_keep_the_editors_order(self, client):
        role = make_role()
        Mission.objects.create(role=role, text="Deuxième", order=2)
        Mission.objects.create(role=role, text="Première", order=1)
        RoleSkill.objects.create(role=role, skill=make_skill(name="Négociation"), order=2)
        RoleSkill.objects.create(role=role, skill=make_skill(name="Anglais"), order=1)
        html = page(client, role.get_absolute_url())
        assert html.index("Première") < html.index("Deuxième")
        assert html.index("Anglais") < html.index("Négociation")

    def test_introduction_markdown_is_sanitised(self, client):
        role = make_role(introduction="**Gras** <script>alert('x')</script>")
        html = page(client, role.get_absolute_url())
        assert "<strong>Gras</strong>" in html and "<script>alert" not in html

    def test_draft_is_not_found_by_the_public(self, client):
        assert "Page introuvable" in page(client, make_draft().get_absolute_url(), status=404)

    def test_future_sheet_is_not_found_by_the_public(self, client):
        future = make_role(published_at=timezone.now() + timedelta(days=2))
        page(client, future.get_absolute_url(), status=404)

    def test_staff_see_drafts_with_a_banner(self, editor_client):
        html = page(editor_client, make_draft(title="Fiche en préparation").get_absolute_url())
        assert "Fiche en préparation" in html
        assert "Brouillon\u00a0: cette fiche n’est pas visible du public." in html


class TestGroupPages:
    def test_family_page_lists_its_published_sheets(self, client):
        family = make_family(name="Relation client & CRM")
        make_role(title="CRM manager", family=family)
        make_draft(title="Brouillon CRM", family=family)
        html = page(client, family.get_absolute_url())
        assert "Relation client &amp; CRM" in html and "CRM manager" in html
        assert "Brouillon CRM" not in html

    def test_skill_page_lists_the_sheets_that_need_it(self, client):
        skill = make_skill(name="Anglais")
        role = make_role(title="Key account manager")
        RoleSkill.objects.create(role=role, skill=skill)
        html = page(client, skill.get_absolute_url())
        assert "Compétence\u00a0: Anglais" in html and "Key account manager" in html
        assert "Anglais" in page(client, reverse("roles:skill_list"))

    def test_sector_page_lists_its_sheets(self, client):
        sector = make_sector(name="Grande distribution")
        make_role(title="Chef de secteur").sectors.add(sector)
        html = page(client, sector.get_absolute_url())
        assert "Secteur\u00a0: Grande distribution" in html and "Chef de secteur" in html
        assert "Grande distribution" in page(client, reverse("roles:sector_list"))

    def test_accented_tag_has_a_working_page(self, client):
        make_role(title="Directeur commercial").tags.add("négociation")
        html = page(client, "/tags/negociation/")
        assert "Étiquette\u00a0: négociation" in html and "Directeur commercial" in html

    def test_unknown_group_is_not_found(self, client):
        for url in ["/familles/x/", "/competences/x/", "/secteurs/x/", "/tags/x/"]:
            page(client, url, status=404)


class TestSearch:
    def test_finds_titles_acronyms_and_alternative_titles(self, client):
        make_role(
            title="Chief Operating Officer (COO)",
            short_name="COO",
            alternative_titles="Directrice des opérations",
        )
        make_role(title="CRM manager")
        assert "Chief Operating Officer" in page(client, "/recherche/?q=coo")
        html = page(client, "/recherche/?q=Directrice+des")
        assert "1\u00a0résultat" in html and "Chief Operating Officer" in html

    def test_keeps_the_query_in_the_box(self, client):
        assert 'value="directeur &quot;x&quot;"' in page(client, '/recherche/?q=directeur+"x"')

    @pytest.mark.parametrize("query", ["", "a" * 10_000, "%00", "' OR 1=1 --"])
    def test_bad_queries_get_an_answer_not_an_error(self, client, query):
        page(client, f"/recherche/?q={query}")

    def test_empty_query_explains_what_to_type(self, client):
        assert "Saisissez un métier" in page(client, "/recherche/?q=")


def test_unknown_page_is_a_french_404_in_the_layout(client):
    html = page(client, "/nulle-part/", status=404)
    assert "Page introuvable" in html and 'lang="fr"' in html and "Toutes les fiches" in html


def test_links_follow_the_script_prefix_of_each_request(client, fixture_sheets):
    """A site served under a sub-path links within it; remembered addresses are not mixed up."""
    set_script_prefix("/promel/")  # what WSGIHandler does with SCRIPT_NAME (the test client not)
    try:
        under_prefix = page(client, "/metiers/")
    finally:
        set_script_prefix("/")
    assert 'href="/promel/metiers/coo/"' in under_prefix
    assert 'action="/promel/recherche/"' in under_prefix
    at_root = page(client, "/metiers/")
    assert 'href="/metiers/coo/"' in at_root and 'href="/promel/' not in at_root
