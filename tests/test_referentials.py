"""The official lists: loaded from the project's copy, backing every fixture code, searched."""

import csv
import gzip
import io
import json
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from roles.models import ContentVersion, Role
from roles.referentials import loading
from roles.referentials.models import (
    EscoOccupation,
    IscoGroup,
    OnetOccupation,
    Release,
    RomeCode,
    RomeTitle,
)

from .factories import make_role
from .test_search import found_slugs
from .test_views import page

pytestmark = pytest.mark.usefixtures("referentials")

CODE_LISTS = {
    "rome_code": RomeCode,
    "isco_code": IscoGroup,
    "esco_uri": EscoOccupation,
    "onet_code": OnetOccupation,
}


def load(*args):
    out = io.StringIO()
    call_command("load_referentials", *args, stdout=out)
    return out.getvalue()


def test_the_lists_are_in_the_database_with_their_official_counts():
    assert RomeCode.objects.count() == 1584
    assert RomeTitle.objects.count() == 13120
    assert EscoOccupation.objects.count() == 2942
    assert IscoGroup.objects.count() == 619
    assert OnetOccupation.objects.count() == 1016
    assert dict(Release.objects.values_list("key", "version")) == {
        "rome": "v460",
        "esco": "1.0",
        "onet": "2019",
    }


def test_loading_again_changes_nothing_and_prints_the_counts():
    out = load()
    for line in [
        "1584 codes ROME (0 ajoutés, 0 modifiés, 0 retirés)",
        "13120 appellations ROME (0 ajoutés, 0 modifiés, 0 retirés)",
        "619 groupes ISCO-08 (0 ajoutés, 0 modifiés, 0 retirés)",
        "2942 professions ESCO (0 ajoutés, 0 modifiés, 0 retirés)",
        "1016 professions O*NET-SOC (0 ajoutés, 0 modifiés, 0 retirés)",
    ]:
        assert line in out
    assert "5/5" in out  # the progress bar reached its end


def test_rome_titles_know_their_two_genders():
    title = RomeTitle.objects.get(label="Délégué régional / Déléguée régionale des ventes")
    assert (title.masculine, title.feminine) == (
        "Délégué régional des ventes",
        "Déléguée régionale des ventes",
    )
    assert title.rome_id == "D1406"
    shared_head = RomeTitle.objects.get(rome="M1707", is_main=True)
    assert shared_head.feminine == "Responsable Commerciale"


def rewrite(path, change):
    """Rewrite one gzip'd list of a release copy: change(rows) gets and returns its rows."""
    delimiter = "\t" if ".tsv" in path.name else ","
    with gzip.open(path, "rt", encoding="utf-8", newline="") as file:
        reader = csv.DictReader(file, delimiter=delimiter)
        columns, rows = reader.fieldnames, list(reader)
    with gzip.open(path, "wt", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, columns, delimiter=delimiter, lineterminator="\n")
        writer.writeheader()
        writer.writerows(change(rows))


def test_a_newer_release_given_as_source_updates_the_lists(tmp_path):
    release = tmp_path / "v461"
    shutil.copytree(loading.DATA, release)
    rome = release / "rome-4.0"
    for name in ["code_rome", "appellation"]:
        old = rome / f"unix_referentiel_{name}_v460_utf8.csv.gz"
        old.rename(rome / f"unix_referentiel_{name}_v461_utf8.csv.gz")
    used, unused = "M1715", "A1101"
    make_role(rome_code_id=used)

    def change_codes(rows):
        kept = [row for row in rows if row["code_rome"] not in (used, unused)]
        for row in kept:
            if row["code_rome"] == "M1711":
                row["libelle_rome"] = "Directeur / Directrice du marketing et de la marque"
        return kept

    rewrite(rome / "unix_referentiel_code_rome_v461_utf8.csv.gz", change_codes)
    rewrite(
        rome / "unix_referentiel_appellation_v461_utf8.csv.gz",
        lambda rows: [row for row in rows if row["code_rome"] not in (used, unused)],
    )
    version = ContentVersion.objects.get().number
    out = load("--source", str(release))
    assert ContentVersion.objects.get().number > version  # the sheets' labels may have changed
    assert "1583 codes ROME (0 ajoutés, 1 modifiés, 1 retirés)" in out
    assert "1 codes ROME absents de cette version restent, car des fiches" in out
    assert RomeCode.objects.get(pk="M1711").label.endswith("et de la marque")
    assert not RomeCode.objects.filter(pk=unused).exists()
    assert Release.objects.get(key="rome").version == "v461"


def test_a_source_without_the_lists_is_refused_in_french(tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Fichier de référentiel introuvable"):
        load("--source", str(tmp_path))


def fixture_codes():
    """(sheet slug, field, code) for every code written in fixtures/*.json."""
    for path in sorted(Path(settings.BASE_DIR, "fixtures").glob("*.json")):
        for entry in json.loads(path.read_text(encoding="utf-8")):
            for field in CODE_LISTS:
                if entry["fields"].get(field):
                    yield entry["fields"]["slug"], field, entry["fields"][field]


def test_every_fixture_code_is_in_its_official_list():
    codes = list(fixture_codes())
    assert len(codes) >= 20
    missing = [c for c in codes if not CODE_LISTS[c[1]].objects.filter(pk=c[2]).exists()]
    assert not missing


def test_fixture_isco_codes_are_unit_groups_and_agree_with_esco(fixture_sheets):
    for role in fixture_sheets.select_related("isco_code", "esco_uri"):
        if role.isco_code:
            assert role.isco_code.level == 4, role
        if role.esco_uri and role.esco_uri.isco_id:
            assert role.isco_code_id == role.esco_uri.isco_id, role


def test_the_fixture_sheets_carry_rome_4_codes_not_rome_3_ones(fixture_sheets):
    codes = dict(fixture_sheets.values_list("slug", "rome_code"))
    assert codes["directeur-commercial"] == "M1715"  # M1707 is « Responsable commercial »
    assert codes["directeur-marketing"] == "M1711"  # M1705 is « Responsable marketing »
    assert codes["directeur-de-filiale"] == "M1303"
    coo = Role.objects.get(slug="coo")
    assert coo.esco_uri.label == "directeur général adjoint/directrice générale adjointe"
    assert coo.isco_code_id == "1120"


OFFICIAL_TITLES = {
    "responsable du marketing": "directeur-marketing",  # M1711
    "directeur de la mercatique": "directeur-marketing",  # M1711
    "délégué régional des ventes": "directeur-regional",  # D1406
    "inspecteur des ventes": "directeur-regional",  # D1406
    "directrice commerciale internationale": "directeur-commercial",  # M1715
}


@pytest.mark.parametrize("query, slug", OFFICIAL_TITLES.items())
def test_an_official_title_finds_the_sheet_carrying_its_code(client, fixture_sheets, query, slug):
    slugs = found_slugs(client, query)
    if connection.vendor == "postgresql":
        assert slug in slugs[:3], slugs
    else:
        assert slug in slugs, slugs


def test_an_esco_label_finds_the_sheet_carrying_the_occupation(client, fixture_sheets):
    # « directrice de l'exploitation » is an ESCO label of the COO's occupation only.
    assert found_slugs(client, "directrice de l'exploitation")[:1] == ["coo"]


def test_two_sheets_sharing_a_code_are_both_found(client):
    first = make_role(title="Directeur des ventes France", rome_code_id="D1406")
    second = make_role(title="Chef des ventes régional", rome_code_id="D1406")
    make_role(title="Acheteur")
    assert set(found_slugs(client, "inspectrice des ventes")) == {first.slug, second.slug}


def test_a_code_changed_in_the_admin_changes_what_finds_the_sheet(client):
    role = make_role(title="Acheteur", rome_code_id="D1406")
    assert found_slugs(client, "inspecteur des ventes") == [role.slug]
    role.rome_code_id = "M1711"
    role.save()
    assert found_slugs(client, "inspecteur des ventes") == []
    assert found_slugs(client, "directeur de la mercatique") == [role.slug]


def test_did_you_mean_can_propose_an_official_title(client, fixture_sheets):
    html = page(client, "/recherche/?q=mercatiqe")
    assert "Aucun résultat" in html and "Vouliez-vous dire" in html
    assert "mercatique" in html.split("Vouliez-vous dire", 1)[1][:200]


@pytest.mark.parametrize("url", ["/donnees-ouvertes/", "/mentions-legales/"])
def test_the_attribution_of_each_list_is_shown(client, url):
    html = page(client, url)
    assert "Source\u00a0: France Travail, ROME 4.0 (v460)" in html
    assert "ESCO, © Union européenne" in html
    assert (
        "O*NET database by the U.S. Department of Labor, Employment and Training "
        "Administration (USDOL/ETA), used under" in html
    )


def test_the_shipped_copy_is_compact_and_carries_the_attribution():
    files = [path for path in loading.DATA.rglob("*") if path.is_file()]
    assert sum(path.stat().st_size for path in files) < 3_000_000
    readme = (loading.DATA / "README.md").read_text(encoding="utf-8")
    for line in ["« Source : France Travail, ROME 4.0 (v460) »", "« ESCO, © Union européenne »"]:
        assert line in readme
