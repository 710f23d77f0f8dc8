"""Print: a sheet printed to PDF by a real browser (Chromium) keeps its whole content, drops
navigation and forms, writes link targets out and never ends a page on a section title."""

import shutil
import subprocess
import unicodedata

import pytest
from pypdf import PdfReader

from roles.models import Role

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

pytestmark = [
    pytest.mark.skipif(not CHROMIUM, reason="Chromium absent (.ci/run installs it)"),
    pytest.mark.django_db(transaction=True),
]


def print_to_pdf(url, path):
    subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--no-pdf-header-footer",
            f"--print-to-pdf={path}",
            url,
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    pages = [page.extract_text() for page in PdfReader(path).pages]
    return [unicodedata.normalize("NFKC", page) for page in pages]  # undo the "ﬁ" ligatures


@pytest.fixture
def printed_sheet(live_server, tmp_path, fixture_sheets):
    role = Role.objects.for_detail().get(slug="coo")
    return role, print_to_pdf(live_server.url + role.get_absolute_url(), tmp_path / "coo.pdf")


def test_the_printed_sheet_has_its_whole_content_and_no_navigation(printed_sheet, settings):
    role, pages = printed_sheet
    text = " ".join(" ".join(pages).split())
    assert len(pages) > 1
    assert f"Imprimé depuis {settings.SITE_URL}/metiers/coo/" in text
    for heading in ["Missions", "Compétences", "Formations", "Évolutions de carrière", "Salaires"]:
        assert heading in text
    for mission in role.missions.all():
        assert " ".join(mission.text.split()[:6]) in text
    # The last section (split() above also turned its narrow no-break space into a space).
    assert "Vous recrutez pour un poste de COO ?" in text
    for absent in [
        "Navigation principale",
        "Rechercher",
        "Sommaire",
        "Accueil ›",
        "Écrire à notre",
    ]:
        assert absent not in text, absent
    assert "Directeur commercial (/metiers/directeur-commercial/)" in text


def test_no_page_ends_with_a_section_title(printed_sheet):
    role, pages = printed_sheet
    headings = {"Le métier de COO", "Missions", "Compétences", "Indispensables", "Un vrai plus"}
    headings |= {"Formations", "Évolutions de carrière", "Les postes qui y mènent", "Salaires"}
    headings |= {"Les évolutions possibles", "Secteurs et thèmes", "Découvrez aussi"}
    for number, page in enumerate(pages[:-1], start=1):
        last_line = page.strip().splitlines()[-1].strip()
        assert last_line not in headings, f"page {number} ends with «\u202f{last_line}\u202f»"


def test_the_printed_job_ad_shows_each_draft_in_full(live_server, tmp_path, fixture_sheets):
    pages = print_to_pdf(live_server.url + "/metiers/coo/offre-d-emploi/", tmp_path / "ad.pdf")
    text = " ".join(" ".join(pages).split())
    assert "## Pour postuler" in text  # end of the Markdown draft, beyond its box on screen
    assert "POUR POSTULER" in text  # end of the plain-text draft
    assert '"experienceRequirements"' in text  # deep in the JobPosting template
    assert "Copier" not in text
