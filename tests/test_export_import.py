"""export_sheets and import_sheets: a lossless round trip, and all-or-nothing imports."""

import copy
import csv
import json
import re
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from roles.models import Family, Role, Sector, Skill
from roles.serialization import export_document

from .factories import fill_sheet, make_draft, make_role

pytestmark = pytest.mark.django_db


def export(tmp_path, name="export.json", **options):
    path = tmp_path / name
    call_command("export_sheets", str(path), stderr=open("/dev/null", "w"), **options)
    document = json.loads(path.read_text(encoding="utf-8"))
    document.pop("exported_at")
    return document


def import_file(tmp_path, document, name="import.json"):
    path = tmp_path / name
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    call_command("import_sheets", str(path), stdout=open("/dev/null", "w"))


@pytest.mark.django_db(transaction=True)
def test_export_flush_import_reproduces_the_same_sheets(tmp_path, fixture_sheets):
    draft = fill_sheet(make_draft(title="Fiche en préparation", rome_code_id="M1707"))
    make_role(title="Fiche programmée", published_at=timezone.now() + timedelta(days=3))
    Role.objects.get(slug="coo").related_roles.add(draft)
    before = export(tmp_path, csv=str(tmp_path / "fiches.csv"))
    assert len(before["sheets"]) == Role.objects.count() == 14 + 1 + 1 + 2

    call_command("flush", interactive=False)
    assert not Role.objects.exists() and not Family.objects.exists()
    call_command("load_referentials", stdout=open("/dev/null", "w"))  # flush emptied them too
    import_file(tmp_path, before)

    assert export(tmp_path, "again.json") == before
    coo = Role.objects.get(slug="coo")
    assert coo.updated_at.isoformat() == next(s for s in before["sheets"] if s["slug"] == "coo")[
        "updated_at"
    ].replace("Z", "+00:00")


def test_the_csv_has_one_row_of_flat_fields_per_sheet(tmp_path, fixture_sheets):
    export(tmp_path, csv=str(tmp_path / "fiches.csv"))
    with open(tmp_path / "fiches.csv", encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    assert {row["slug"] for row in rows} == set(Role.objects.values_list("slug", flat=True))
    row = next(row for row in rows if row["slug"] == "directeur-commercial")
    assert row["title"] == "Directeur commercial" and row["family"] == "commercial"
    assert row["rome"] == "M1715" and row["isco"] == "1221" and row["onet"] == "11-2022.00"
    assert row["rome_label"] == "Directeur commercial / Directrice commerciale"
    assert row["esco_label"] == "directeur commercial/directrice commerciale"


def test_the_export_is_the_api_document_plus_what_the_public_does_not_see(
    client, tmp_path, fixture_sheets
):
    document = export(tmp_path)
    exported = next(sheet for sheet in document["sheets"] if sheet["slug"] == "coo")
    assert client.get("/api/metiers/coo/").json() == exported


def a_valid_document():
    family = Family.objects.create(name="Commercial", slug="commercial")
    skill = Skill.objects.create(name="Négociation", slug="negociation")
    role = fill_sheet(make_role(slug="directeur-commercial", family=family))
    role.role_skills.create(skill=skill, order=9)
    document = export_document()
    for model in (Role, Family, Skill, Sector):
        model.objects.all().delete()
    return document


def sheet(document):
    return next(s for s in document["sheets"] if s["slug"] == "directeur-commercial")


@pytest.mark.parametrize(
    "spoil, field, reason",
    [
        (lambda d: sheet(d).pop("title"), "title", "champ obligatoire absent"),
        (lambda d: sheet(d).update(title=12), "title", "un texte est attendu"),
        (
            lambda d: sheet(d)["family"].update(slug="aucune"),
            "family.slug",
            "famille «\u202faucune\u202f» introuvable",
        ),
        (lambda d: sheet(d).update(status="archivee"), "status", "n’est pas un choix valide"),
        (
            lambda d: sheet(d).update(published_at="hier"),
            "published_at",
            "date et heure ISO 8601 avec fuseau horaire attendues",
        ),
        (
            lambda d: sheet(d)["codes"].update(rome="M1799"),
            "codes.rome",
            "Le code ROME M1799 n’existe pas dans le ROME 4.0",
        ),
        (
            lambda d: sheet(d)["missions"][0].update(text=""),
            "missions[0].text",
            "Ce champ ne peut pas être vide",
        ),
        (
            lambda d: sheet(d)["skills"][-1]["skill"].update(slug="inconnue"),
            "skills[2].skill.slug",
            "compétence «\u202finconnue\u202f» introuvable",
        ),
        (
            lambda d: sheet(d)["salaries"][0].update(amount_min=90000),
            "salaries[0]",
            "Le minimum ne peut pas dépasser le salaire habituel.",
        ),
        (
            lambda d: sheet(d)["career"]["outgoing"][0]["to"].update(slug="nulle-part"),
            "career.outgoing[0].to.slug",
            "fiche «\u202fnulle-part\u202f» introuvable",
        ),
    ],
)
def test_an_invalid_file_is_rejected_with_file_field_and_reason(tmp_path, spoil, field, reason):
    document = a_valid_document()
    spoilt = copy.deepcopy(document)
    spoil(spoilt)
    with pytest.raises(CommandError) as error:
        import_file(tmp_path, spoilt, name="fiches.json")
    message = str(error.value)
    assert message.startswith(str(tmp_path / "fiches.json"))
    where = rf"champ sheets\[\d+\] \(directeur-commercial\)\.{re.escape(field)}\u00a0: "
    assert re.search(where + ".*" + re.escape(reason), message)
    assert message.endswith("Aucune fiche n’a été importée.")
    # Nothing half-imported: not even the vocabularies read before the bad sheet.
    assert not Role.objects.exists() and not Family.objects.exists()
    import_file(tmp_path, document)  # the unspoilt file imports
    assert Role.objects.count() == 1 + 1 + 1  # the sheet, its incoming and related sheets


@pytest.mark.parametrize(
    "content, reason",
    [
        ("{pas du json", "JSON invalide, ligne 1, colonne 2"),
        ("[]", "champ (document)\u00a0: un objet JSON est attendu"),
        (
            '{"format": "autre"}',
            "ce fichier n’est pas un export «\u202fpromel-fiches-metiers\u202f»",
        ),
        ('{"format": "promel-fiches-metiers", "version": 2}', "seule la version 1 est lue"),
    ],
)
def test_a_file_that_is_not_an_export_is_rejected(tmp_path, db, content, reason):
    path = tmp_path / "autre.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError, match=re.escape(reason)):
        call_command("import_sheets", str(path))


def test_a_missing_file_is_reported(tmp_path):
    with pytest.raises(CommandError, match="lecture impossible"):
        call_command("import_sheets", str(tmp_path / "absent.json"))
