"""Write the compact copy of the official lists that the project ships (roles/referentials/data).

    .venv/bin/python scripts/compact_referentials.py /path/to/release [roles/referentials/data]

The release folder is laid out like the official downloads (rome-4.0/, esco-1.0-fr/, onet/).
Only the columns the site reads are kept, each file gzip'd; rows are unchanged.
"""

import csv
import gzip
import io
import sys
from pathlib import Path

# File name pattern -> columns kept (the loader reads columns by name).
KEPT = {
    "rome-*/unix_referentiel_code_rome_v*_utf8.csv": [
        "code_rome",
        "libelle_rome",
        "code_rome_parent",
    ],
    "rome-*/unix_referentiel_appellation_v*_utf8.csv": [
        "code_ogr",
        "libelle_appellation_long",
        "libelle_appellation_court",
        "code_rome",
        "classification",
    ],
    "esco-*/occupations_fr.csv": ["conceptUri", "iscoGroup", "preferredLabel", "altLabels"],
    "esco-*/ISCOGroups_fr.csv": ["code", "preferredLabel"],
    "onet*/occupations.tsv": ["O*NET-SOC Code", "Title"],
}


def compact(source, target):
    for pattern, columns in KEPT.items():
        for path in sorted(source.glob(pattern)):
            delimiter = "\t" if path.suffix == ".tsv" else ","
            out = target / path.relative_to(source).with_name(path.name + ".gz")
            out.parent.mkdir(parents=True, exist_ok=True)
            with path.open(encoding="utf-8", newline="") as rows_in:
                reader = csv.DictReader(rows_in, delimiter=delimiter)
                # mtime=0: the same rows give the same bytes, so git sees no change
                with gzip.GzipFile(out, "wb", mtime=0) as raw, _text(raw) as text:
                    writer = csv.writer(text, delimiter=delimiter, lineterminator="\n")
                    writer.writerow(columns)
                    for row in reader:
                        writer.writerow([row[column] for column in columns])
            print(out)


def _text(raw):
    return io.TextIOWrapper(raw, encoding="utf-8", newline="")


if __name__ == "__main__":
    target = Path(sys.argv[2] if len(sys.argv) > 2 else "roles/referentials/data")
    compact(Path(sys.argv[1]), target)
