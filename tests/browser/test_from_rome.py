"""An editor creates a sheet from an official ROME title, in a real Chromium."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from roles.models import Family, Role

from .conftest import save_screenshot, session_cookie

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_editor_creates_a_sheet_from_a_rome_title(page, live_server, referentials):
    Family.objects.create(name="Commercial", slug="commercial", description="Les ventes.")
    editor = get_user_model().objects.create_superuser("redaction", "r@example.com", "x")
    page.context.add_cookies([session_cookie(editor, live_server.url)])

    page.goto(live_server.url + "/admin/roles/role/")
    page.get_by_role("link", name="Créer une fiche à partir du ROME").click()
    page.get_by_label("Intitulé ou code ROME").fill("directrice commerciale")
    page.get_by_role("button", name="Chercher").click()
    page.get_by_role(
        "link", name="Directeur commercial / Directrice commerciale", exact=True
    ).click()

    expect(page.get_by_label("Directrice commerciale", exact=True)).to_be_checked()
    page.get_by_label("Directeur commercial export", exact=True).uncheck()
    esco = page.get_by_label("directeur commercial/directrice commerciale (ISCO-08 1221)")
    expect(esco).to_be_checked()
    save_screenshot(page, "admin-fiche-depuis-le-rome")
    page.get_by_role("button", name="Continuer vers la nouvelle fiche").click()

    expect(page.locator("#id_title")).to_have_value("Directeur commercial")
    expect(page.locator("#id_slug")).to_have_value("directeur-commercial")
    titles = page.locator("#id_alternative_titles").input_value().splitlines()
    assert titles[0] == "Directrice commerciale"
    assert "Directrice commerciale internationale" in titles
    assert "Directeur commercial export" not in titles
    # Each code shows in its autocomplete box with its official label.
    boxes = {
        name: page.locator(f"#select2-id_{name}-container") for name in ["rome_code", "esco_uri"]
    }
    expect(boxes["rome_code"]).to_have_attribute(
        "title", "M1715 · Directeur commercial / Directrice commerciale"
    )
    expect(boxes["esco_uri"]).to_have_attribute(
        "title", "directeur commercial/directrice commerciale"
    )
    expect(page.locator("#select2-id_isco_code-container")).to_contain_text("1221 · ")

    page.locator("#id_summary").fill("Dirige les forces de vente de l’entreprise.")
    page.locator("#id_family").select_option(label="Commercial")
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    expect(page.locator(".messagelist .success")).to_contain_text("a été ajouté")

    role = Role.objects.get(slug="directeur-commercial")
    assert (role.rome_code_id, role.isco_code_id) == ("M1715", "1221")
    assert role.esco_uri.label == "directeur commercial/directrice commerciale"
    assert "Directeur commercial export" not in role.alternative_title_list()
