"""A recruiter sends a request and a candidate a comment, in a real browser, mail included."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from roles.visitors.models import Comment, RecruitmentRequest

from .conftest import save_screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_recruiter_corrects_an_error_sends_a_request_and_finds_it_in_the_admin(
    page, site, mail_server
):
    page.goto(site + "/metiers/coo/")
    form = page.locator("#recruter form")
    form.get_by_label("Votre nom").fill("Claire Martin")
    form.get_by_label("Entreprise").fill("Acme Industrie")
    form.get_by_label("Adresse e-mail").fill("claire.martin@acme")
    form.get_by_label("Message").fill("Nous cherchons un COO pour notre site de Lyon.")
    form.get_by_label("J’accepte que Promel conserve").check()
    form.get_by_role("button", name="Envoyer ma demande").click()

    email = page.get_by_label("Adresse e-mail")
    expect(page.locator(".errorlist").first).to_contain_text("Saisissez une adresse e-mail valide")
    save_screenshot(page, "contact-erreur")
    expect(page.get_by_label("Votre nom")).to_have_value("Claire Martin")
    email.fill("claire.martin@acme.example")
    if not page.get_by_label("J’accepte que Promel conserve").is_checked():
        page.get_by_label("J’accepte que Promel conserve").check()
    page.get_by_role("button", name="Envoyer ma demande").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Merci, votre demande est bien envoyée"
    )
    save_screenshot(page, "contact-merci")
    request = RecruitmentRequest.objects.get()
    assert request.role.slug == "coo" and request.company == "Acme Industrie"
    assert "claire.martin@acme.example" in mail_server.handler.recipients()

    get_user_model().objects.create_superuser("agence", "a@example.com", "motdepasse-solide")
    page.goto(site + "/admin/visitors/recruitmentrequest/")
    page.get_by_label("Nom d’utilisateur").fill("agence")
    page.get_by_label("Mot de passe").fill("motdepasse-solide")
    page.get_by_role("button", name="Connexion").click()
    expect(page.locator("#result_list")).to_contain_text("Acme Industrie")


def test_candidate_comment_waits_for_moderation_then_appears(page, site):
    page.goto(site + "/metiers/coo/")
    form = page.locator("#commentaires form")
    form.get_by_label("Votre nom").fill("Julien")
    form.get_by_label("Votre adresse e-mail").fill("julien@example.com")
    form.get_by_label("Votre commentaire").fill("Fiche utile pour préparer mon entretien.")
    form.get_by_role("button", name="Publier mon commentaire").click()
    expect(page.locator("#commentaires")).to_contain_text("publié après relecture")
    expect(page.locator(".comment-list")).to_have_count(0)

    Comment.objects.update(status=Comment.Status.APPROVED)
    page.reload()
    expect(page.locator(".comment-list")).to_contain_text(
        "Fiche utile pour préparer mon entretien."
    )
