"""What a person using a screen reader or the keyboard is told: errors, names, languages."""

import re

import pytest

from roles.models import Skill

from .factories import make_role, make_skill
from .test_typography import read_text

pytestmark = pytest.mark.django_db

SAME_ORIGIN = {"HTTP_SEC_FETCH_SITE": "same-origin"}


def title_of(html):
    return re.search(r"<title>(.*?)</title>", html, re.S)[1]


def error_summary(html):
    return re.search(r'<div class="error-summary"[^>]*>.*?</div>', html, re.S)[0]


def test_a_refused_request_names_its_errors_first_each_linked_to_its_field(client):
    html = client.post("/contact/", {}, **SAME_ORIGIN).content.decode()
    assert title_of(html).startswith("Erreur\u00a0: Nous contacter")
    summary = error_summary(html)
    assert 'role="alert"' in summary and "autofocus" in summary and 'tabindex="-1"' in summary
    assert html.index("error-summary") < html.index('name="name"')  # at the top of the form
    links = re.findall(r'<a href="#([^"]+)">', summary)
    assert links == [
        "recrutement_kind_0",
        "recrutement_name",
        "recrutement_email",
        "recrutement_message",
        "recrutement_consent",
    ]
    for target in links:
        assert f'id="{target}"' in html
    assert "Votre nom\u00a0: Indiquez votre nom." in read_text(summary)


def test_the_consent_error_is_read_with_the_checkbox(client):
    html = client.post("/contact/", {}, **SAME_ORIGIN).content.decode()
    checkbox = re.search(r'<input type="checkbox" name="consent"[^>]*>', html)[0]
    described_by = re.search(r'aria-describedby="([^"]+)"', checkbox)[1].split()
    assert described_by == ["recruit-notice", "recrutement_consent_error"]
    assert 'aria-invalid="true"' in checkbox
    for target in described_by:
        assert f'id="{target}"' in html
    assert "aria-describedby" not in client.get("/contact/").content.decode().split("consent")[-1]


def test_a_refused_comment_names_its_errors_in_the_comment_form(client):
    role = make_role(slug="coo")
    html = client.post("/metiers/coo/commentaires/", {}, **SAME_ORIGIN).content.decode()
    assert title_of(html).startswith(f"Erreur\u00a0: {role.title}")
    form = html.split('id="laisser-un-commentaire"')[1]
    summary = error_summary(form)
    assert re.findall(r'<a href="#([^"]+)">', summary) == [
        "commentaire_name",
        "commentaire_email",
        "commentaire_text",
    ]
    assert "<h4" in summary  # below the form's own h3
    assert not title_of(client.get("/metiers/coo/").content.decode()).startswith("Erreur")


def test_reloading_the_address_of_a_refused_comment_leads_back_to_the_form(client):
    make_role(slug="coo")
    response = client.get("/metiers/coo/commentaires/")
    assert response.status_code == 302
    assert response["Location"] == "/metiers/coo/#laisser-un-commentaire"
    assert client.get(response["Location"]).status_code == 200


def test_shared_skills_are_marked_by_text_not_only_by_colour(client):
    skill = make_skill(name="Négociation")
    first, second = make_role(slug="un"), make_role(slug="deux")
    for role in (first, second):
        role.role_skills.create(skill=skill, weight="essential", order=1)
    html = client.get("/comparer/?metiers=un,deux").content.decode()
    assert (
        html.count('<mark>Négociation</mark> <span class="compare__shared">(commune)</span>') == 2
    )


def test_every_card_is_named_by_its_title(client, fixture_sheets):
    for url in [
        "/",
        "/metiers/",
        "/recherche/?q=directeur",
        "/competences/negociation-commerciale/",
    ]:
        html = client.get(url).content.decode()
        cards = re.findall(r'<article class="card" aria-labelledby="([^"]+)">', html)
        assert cards and len(cards) == html.count('<article class="card"'), url
        assert len(set(cards)) == len(cards), url
        for card in cards:
            assert re.search(rf'<h\d class="card__title" id="{card}">', html), (url, card)


def test_english_titles_are_marked_so_that_screen_readers_switch_language(client):
    make_role(slug="coo", title="Chief Operating Officer (COO)", title_in_english=True)
    make_role(slug="dg", title="Directeur général")
    assert '<h1><span lang="en">Chief Operating Officer (COO)</span></h1>' in (
        client.get("/metiers/coo/").content.decode()
    )
    assert "<h1>Directeur général</h1>" in client.get("/metiers/dg/").content.decode()
    listing = client.get("/metiers/").content.decode()
    assert '<span lang="en">Chief Operating Officer (COO)</span></a>' in listing
    assert '<span lang="en">Directeur général' not in listing


def test_the_fixture_sheets_with_english_titles_say_so(fixture_sheets):
    english = set(fixture_sheets.filter(title_in_english=True).values_list("slug", flat=True))
    assert {"coo", "chief-experience-officer", "account-executive"} <= english
    assert "directeur-commercial" not in english


def test_a_filtered_list_says_what_it_shows_in_its_heading_and_title(client, fixture_sheets):
    html = client.get("/metiers/?famille=direction-generale&niveau=bac5").content.decode()
    heading = "Fiches métiers\u00a0: famille Direction générale, niveau Bac+5"
    assert f"<h1>{heading}</h1>" in html and title_of(html).startswith(heading)
    unfiltered = client.get("/metiers/?famille=inconnue").content.decode()
    assert "<h1>Toutes les fiches métiers</h1>" in unfiltered


def test_counts_read_in_french(client, fixture_sheets):
    assert "Aucun résultat pour" in client.get("/recherche/?q=zzzzqqq").content.decode()
    one = make_role(title="Zythologue")
    assert "1\u00a0résultat pour" in client.get("/recherche/?q=zythologue").content.decode()
    assert '<p class="count">1\u00a0fiche</p>' in client.get("/familles/").content.decode(), one
    assert re.search(r"\d\u00a0fiches métiers</p>", client.get("/metiers/").content.decode())


def test_the_admin_log_in_page_has_a_heading_and_the_favicon(client):
    html = client.get("/admin/login/").content.decode()
    assert html.count("<h1") == 1 and "<h1>Connexion à l’administration</h1>" in html
    assert '<link rel="icon" href="/static/img/favicon.svg" type="image/svg+xml">' in html


def test_lists_sort_in_french_order(client):
    for name in ["Ténacité", "Écoute active", "Rigueur", "Résistance au stress", "anglais"]:
        skill = make_skill(name=name)
        make_role().role_skills.create(skill=skill, weight="essential", order=1)
    expected = ["anglais", "Écoute active", "Résistance au stress", "Rigueur", "Ténacité"]
    assert list(Skill.objects.values_list("name", flat=True)) == expected
    text = read_text(client.get("/competences/").content.decode())
    assert [text.index(name) for name in expected] == sorted(text.index(n) for n in expected)
