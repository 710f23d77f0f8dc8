"""Read the official lists (the shipped copy in data/, or a release folder) into the database.

Idempotent: rows are compared with what the database holds; only new rows are inserted,
changed rows updated, and rows a release no longer has deleted (unless a sheet still uses them).
Takes the model classes as arguments, so that migrations can call it with historical models.
"""

import csv
import gzip
import io
import re
from pathlib import Path
from typing import NamedTuple

from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone

from ..models.search import folded

DATA = Path(__file__).resolve().parent / "data"
BATCH = 2000


class ListFile(NamedTuple):
    model: str
    pattern: str  # glob inside the release folder; the file may be gzip'd
    rows: object  # function: reader -> model field dicts, keyed by primary key


def open_rows(path):
    raw = gzip.open(path, "rb") if path.suffix == ".gz" else path.open("rb")
    text = io.TextIOWrapper(raw, encoding="utf-8", newline="")
    delimiter = "\t" if ".tsv" in path.suffixes else ","
    return text, csv.DictReader(text, delimiter=delimiter)


def genders(label):
    """The masculine and feminine forms of a ROME title, "Directeur / Directrice des ventes".

    ROME writes the masculine, a slash, then the feminine; words after the shorter form are
    shared by both, as are words before it when the feminine is the shorter one.
    """
    forms = label.split(" / ")
    if len(forms) != 2:
        return label, label
    masculine, feminine = (form.split() for form in forms)
    if len(feminine) > len(masculine):
        masculine += feminine[len(masculine) :]
    elif len(masculine) > len(feminine):
        feminine = masculine[: len(masculine) - len(feminine)] + feminine
    return " ".join(masculine), " ".join(feminine)


def rome_codes(reader):
    for row in reader:
        code, parent = row["code_rome"], row["code_rome_parent"]
        yield (
            code,
            {
                "label": row["libelle_rome"],
                "folded_label": folded(row["libelle_rome"]),
                "parent_id": parent if parent != code else None,
            },
        )


def rome_titles(reader):
    for row in reader:
        label = row["libelle_appellation_long"]
        masculine, feminine = genders(label)
        yield (
            int(row["code_ogr"]),
            {
                "label": label,
                "folded_label": folded(label),
                "masculine": masculine,
                "feminine": feminine,
                "rome_id": row["code_rome"],
                "is_main": row["classification"] == "PRINCIPALE",
            },
        )


def isco_groups(reader):
    for row in reader:
        yield (
            row["code"],
            {
                "label": row["preferredLabel"],
                "folded_label": folded(row["preferredLabel"]),
                "level": len(row["code"]),
            },
        )


def esco_occupations(reader):
    for row in reader:
        label = row["preferredLabel"]
        alternatives = "\n".join(line.strip() for line in row["altLabels"].splitlines())
        yield (
            row["conceptUri"],
            {
                "label": label,
                "alternative_labels": alternatives,
                "folded_label": folded(f"{label}\n{alternatives}"),
                "isco_id": row["iscoGroup"] or None,
            },
        )


def onet_occupations(reader):
    for row in reader:
        yield row["O*NET-SOC Code"], {"label": row["Title"], "folded_label": folded(row["Title"])}


# In loading order: a list comes after the lists it refers to.
LISTS = [
    ListFile("RomeCode", "rome-*/unix_referentiel_code_rome_v*_utf8.csv*", rome_codes),
    ListFile("RomeTitle", "rome-*/unix_referentiel_appellation_v*_utf8.csv*", rome_titles),
    ListFile("IscoGroup", "esco-*/ISCOGroups_fr.csv*", isco_groups),
    ListFile("EscoOccupation", "esco-*/occupations_fr.csv*", esco_occupations),
    ListFile("OnetOccupation", "onet*/occupations.tsv*", onet_occupations),
]


def releases_in(source):
    """The version of each list, read from the release folder's file names."""
    rome = next(source.glob("rome-*/unix_referentiel_code_rome_v*"))
    esco = next(source.glob("esco-*"))
    return {
        "rome": re.search(r"_(v\d+)_", rome.name).group(1),
        "esco": esco.name.removeprefix("esco-").removesuffix("-fr"),
        "onet": "2019",
    }


class Counts(NamedTuple):
    total: int
    created: int
    updated: int
    deleted: int
    kept: int  # gone from the release but still used by a sheet


def load_list(model, rows):
    """Bring one table in line with `rows` ({primary key: fields})."""
    names = list(next(iter(rows.values())).keys())
    existing = {obj.pk: obj for obj in model.objects.all()}
    created, changed = [], []
    for pk, fields in rows.items():
        obj = existing.get(pk)
        if obj is None:
            created.append(model(pk=pk, **fields))
        elif any(getattr(obj, name) != value for name, value in fields.items()):
            for name, value in fields.items():
                setattr(obj, name, value)
            changed.append(obj)
    model.objects.bulk_create(created, batch_size=BATCH)
    model.objects.bulk_update(changed, names, batch_size=BATCH)
    deleted = kept = 0
    for pk in existing.keys() - rows.keys():
        try:
            model.objects.filter(pk=pk).delete()
            deleted += 1
        except ProtectedError:
            kept += 1
    return Counts(model.objects.count(), len(created), len(changed), deleted, kept)


def load(models, source=DATA, progress=None):
    """Load every list of `source` into `models` (name -> model class); counts by model name."""
    source = Path(source)
    counts = {}
    with transaction.atomic():
        for done, list_file in enumerate(LISTS):
            path = next(source.glob(list_file.pattern), None)
            if path is None:
                raise FileNotFoundError(f"{source}/{list_file.pattern}")
            text, reader = open_rows(path)
            with text:
                rows = dict(list_file.rows(reader))
            counts[list_file.model] = load_list(models[list_file.model], rows)
            if progress:
                progress(done + 1, len(LISTS), list_file.model)
        now = timezone.now()
        for key, version in releases_in(source).items():
            models["Release"].objects.update_or_create(
                key=key, defaults={"version": version, "loaded_at": now}
            )
    return counts
