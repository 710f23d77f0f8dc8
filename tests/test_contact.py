"""The recruitment form: on every sheet and on its own page, with post/redirect/get."""

import pytest

from roles.visitors.models import RecruitmentRequest

from .factories import make_draft, make_role
from .test_views import page
from .visitors import request_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def generous_rate(settings):
    settings.CONTACT_RATE = "1000/m"


def test_every_sheet_ends_with_the_form_preset_to_its_role(client):
    role = make_role(title="Account executive", slug="account-executive")
    html = page(client, role.get_absolute_url())
    assert "Vous recrutez pour un poste d’Account executive\u202f? Nous vous accompagnons." in html
    assert 'action="/contact/"' in html
    assert 'name="role" value="account-executive"' in html
    assert "csrfmiddlewaretoken" not in html  # the same page for every visitor
    assert "mailto:" not in html.split('id="recruter"')[1].split("</section>")[0]


def test_the_consent_box_is_never_ticked_and_the_notice_is_beside_it(client):
    html = page(client, "/contact/")
    consent = html.split('name="consent"')[1].split(">")[0]
    assert "checked" not in consent
    assert "responsable du traitement" in html and 'href="/confidentialite/"' in html


def test_contact_page_presets_a_published_role_and_ignores_a_draft(client):
    make_role(slug="coo")
    make_draft(slug="secret")
    assert '<option value="coo" selected>' in page(client, "/contact/?metier=coo")
    html = page(client, "/contact/?metier=secret")
    assert 'value="secret"' not in html


def test_a_request_is_stored_then_redirected_to_a_thank_you_page(client):
    role = make_role(slug="coo")
    response = client.post("/contact/", request_data(role="coo"))
    assert response.status_code == 302 and response["Location"] == "/contact/merci/"
    lead = RecruitmentRequest.objects.get()
    assert (lead.role, lead.company, lead.status) == (role, "Acme Industrie", "nouveau")
    assert lead.consent_at is not None and lead.notified_at is None
    assert "Merci, votre demande est bien envoyée" in page(client, "/contact/merci/")


def test_a_candidate_needs_no_company(client):
    response = client.post("/contact/", request_data(kind="candidat", company=""))
    assert response.status_code == 302
    assert RecruitmentRequest.objects.get().kind == "candidat"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("email", "pas-une-adresse", "Saisissez une adresse e-mail valide"),
        ("phone", "appelez-moi", "Saisissez un numéro de téléphone valide"),
        ("consent", "", "Cochez cette case"),
        ("company", "", "Indiquez le nom de l’entreprise qui recrute"),
        ("name", "Claire\r\nBcc: victime@example.com", "doit tenir sur une ligne"),
        ("message", "x" * 5001, "au plus 5000 caractères"),
        ("message", "Bonjour\x00", "Le caractère nul n’est pas autorisé"),
        ("role", "n-existe-pas", "Ce métier n’existe pas"),
        ("email", "a@b.fr\x00", "Le caractère nul n’est pas autorisé"),
    ],
)
def test_bad_input_is_shown_next_to_its_field_with_everything_kept(client, field, value, message):
    data = request_data(**{field: value})
    response = client.post("/contact/", data)
    html = response.content.decode().replace("&#x27;", "’").replace("'", "’")
    assert response.status_code == 200
    assert message in html
    assert RecruitmentRequest.objects.count() == 0
    assert 'value="Acme Industrie"' in html or field == "company"
    assert "Nous cherchons un directeur des opérations" in html or field == "message"
    assert 'value="claire.martin@acme.example"' in html or field == "email"


def test_legal_pages_are_linked_from_every_page(client, settings):
    settings.PUBLISHER = {**settings.PUBLISHER, "name": "Promel Test SAS"}
    home = page(client, "/")
    assert 'href="/confidentialite/"' in home and 'href="/mentions-legales/"' in home
    assert "Promel Test SAS" in page(client, "/mentions-legales/")
    privacy = page(client, "/confidentialite/")
    assert "3 ans" in privacy and "2 ans" in privacy and "effacer" in privacy
