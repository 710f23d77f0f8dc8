"""The seven cases an editor and a recruiter found broken, walked in Chromium."""

import logging
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from roles.models import CareerMove, Role
from roles.visitors.models import RecruitmentRequest

from ..factories import make_request
from .conftest import save_screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def open_sheet(page, site, slug):
    role = Role.objects.get(slug=slug)
    page.goto(f"{site}/admin/roles/role/{role.pk}/change/")
    return role


def save(page):
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    expect(page.locator(".messagelist .success")).to_be_visible()


def compare_last_two_versions(page, site, role):
    page.goto(f"{site}/admin/roles/role/{role.pk}/history/")
    page.get_by_role("button", name="Comparer").click()
    return page.locator("#content-main h3").all_inner_texts()


def test_1_a_new_mission_goes_last_in_the_admin_and_on_the_page(editor_page, site):
    page = editor_page
    coo = open_sheet(page, site, "coo")
    page.locator("#missions-group .add-row a").click()
    index = coo.missions.count()
    page.locator(f"#id_missions-{index}-text").fill("Piloter la feuille de route des achats")
    save(page)

    texts = list(coo.missions.values_list("text", flat=True))
    assert texts[-1] == "Piloter la feuille de route des achats"
    open_sheet(page, site, "coo")
    expect(page.locator(f"#id_missions-{index}-text")).to_have_value(texts[-1])
    page.goto(site + "/metiers/coo/")
    core_missions = page.locator("#missions ul.missions:not(.missions--contextual) li")
    expect(core_missions.last).to_have_text(texts[-1])


def test_2_changing_only_the_hiring_salary_changes_only_the_salaries(editor_page, site):
    page = editor_page
    coo = open_sheet(page, site, "coo")
    before = Role.objects.get(pk=coo.pk)
    salary = page.locator("#id_salaries-0-amount_typical")
    salary.fill(str(int(salary.input_value()) + 100))
    save(page)

    after = Role.objects.get(pk=coo.pk)
    assert (after.alternative_titles, after.introduction) == (
        before.alternative_titles,
        before.introduction,
    )
    assert compare_last_two_versions(page, site, coo) == ["Salaires"]
    save_screenshot(page, "admin-comparaison-salaire")


def test_3_the_comparison_shows_tags_in_french_and_no_internal_field(editor_page, site, caplog):
    page = editor_page
    coo = open_sheet(page, site, "coo")
    tags = page.locator("#id_tags")
    tags.fill(tags.input_value() + ", pilotage")
    save(page)

    with caplog.at_level(logging.INFO):
        assert compare_last_two_versions(page, site, coo) == ["Étiquettes"]
    expect(page.locator("#content-main ins")).to_have_text("+ pilotage")
    assert "search" not in page.locator("#content-main").inner_text().lower()
    assert "Can't collect m2m ids" not in caplog.text


def test_4_delete_then_recover_restores_the_links_and_tells_the_truth(editor_page, site):
    page = editor_page
    cxo, coo = Role.objects.get(slug="chief-experience-officer"), Role.objects.get(slug="coo")
    # Links made after the CXO's last revision, from another sheet.
    CareerMove.objects.create(from_role=cxo, to_role=coo, years_of_experience=3)
    coo.related_roles.add(cxo)
    page.goto(f"{site}/admin/roles/role/{cxo.pk}/delete/")
    text = page.locator("#content").inner_text()
    assert (
        "conservées, avec l’intitulé «\u202fChief Experience Officer (CXO)\u202f» en texte simple"
        in text
    )
    assert "Chief Operating Officer (COO)" in text and "seront aussi supprimés" not in text
    assert "object (" not in text
    save_screenshot(page, "admin-suppression")
    page.get_by_role("button", name="Oui, supprimer la fiche").click()
    deleted_at = timezone.localtime()

    page.goto(f"{site}/admin/roles/role/recover/")
    row = page.locator("#change-history tbody tr", has_text="Chief Experience Officer")
    assert row.locator("th").inner_text().endswith(deleted_at.strftime("%H:%M"))
    row.locator("a").click()
    save(page)

    page.goto(site + "/metiers/coo/")
    expect(page.locator("#fiches-liees").get_by_role("link", name="Chief Experience Officer (CXO)"))
    career = page.locator("#evolutions")
    expect(career.get_by_role("link", name="Chief Experience Officer (CXO)").first).to_be_visible()


def test_5_publishing_a_future_sheet_says_it_stays_scheduled(editor_page, site):
    page = editor_page
    later = timezone.now() + timedelta(days=10)
    cxo = Role.objects.filter(slug="chief-experience-officer")
    cxo.update(status=Role.Status.DRAFT, published_at=later)
    page.goto(site + "/admin/roles/role/?q=CXO")
    page.locator("#result_list tbody input.action-select").first.check()
    page.locator("select[name=action]").select_option("publish")
    page.get_by_role("button", name="Envoyer").click()
    message = page.locator(".messagelist").inner_text()
    assert (
        "«\u202fChief Experience Officer (CXO)\u202f» reste programmée\u00a0: elle paraîtra le"
        in message
    )
    assert "publiée" not in message.split("reste")[0]
    expect(page.locator("#result_list tbody")).to_contain_text("Programmée")


def test_6_a_training_row_fits_the_window_and_a_duplicate_skill_is_french(editor_page, site):
    page = editor_page
    coo = open_sheet(page, site, "coo")
    page.locator("#training_paths-group .add-row a").click()
    assert page.evaluate("document.documentElement.scrollWidth") <= 1440
    for delete in page.locator("#training_paths-group .delete").all():
        box = delete.bounding_box()
        assert box["x"] + box["width"] <= 1440
    page.locator("#training_paths-group .inline-deletelink").last.click()

    first_skill = coo.role_skills.first().skill.name
    page.locator("#role_skills-group .add-row a").click()
    index = coo.role_skills.count()
    page.locator(f"#id_role_skills-{index}-skill + .select2 .select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill(first_skill)
    page.locator(".select2-results__option", has_text=first_skill).first.click()
    page.get_by_role("button", name="Enregistrer", exact=True).click()

    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text(
        "Deux lignes ont la même valeur dans «\u202fcompétence\u202f»\u00a0: gardez-en une seule."
    )
    assert "skill" not in summary.inner_text()
    summary.get_by_role("link").last.click()
    assert page.evaluate("location.hash") == f"#id_role_skills-{index}-skill"
    save_screenshot(page, "admin-erreurs")


def test_7_a_status_change_in_the_request_form_is_the_last_contact(editor_page, site):
    page = editor_page
    lead = make_request(role=Role.objects.get(slug="coo"))
    long_ago = timezone.now() - timedelta(days=400)
    RecruitmentRequest.objects.filter(pk=lead.pk).update(last_contact_at=long_ago)
    page.goto(f"{site}/admin/visitors/recruitmentrequest/{lead.pk}/change/")
    expect(page.locator("#id_message")).to_have_count(0)  # the visitor's words, read-only
    page.locator("#id_status").select_option("en_cours")
    save(page)
    lead.refresh_from_db()
    assert timezone.now() - lead.last_contact_at < timedelta(minutes=5)
