"""Discovery benchmark: latency (p50/p95) and query counts of search, list, filter and sheet pages.

Run on PostgreSQL, on a database of its own (it adds synthetic sheets):

    DATABASE_URL=postgres://USER:PASSWORD@127.0.0.1:5432/promel_bench \\
        .venv/bin/python benchmarks/discovery.py --sheets 10000

It migrates, loads the fixture sheets if the database is empty, tops the synthetic sheets up to
--sheets with `manage.py generate_sheets`, then renders each page through Django's test client
(the whole stack but the network) and prints the figures. Targets (p95): search under 50 ms,
the career map and the pathfinder under 100 ms.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "promel.settings")
# One client asks for every page: the per-client search limit would answer it 429.
os.environ.setdefault("SEARCH_RATE", "100000000/m")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from roles.management.commands.generate_sheets import PREFIX  # noqa: E402
from roles.models import Role  # noqa: E402

SEARCHES = [
    "opérations",
    "directrice des opérations",
    "coo",
    "operatons",
    "directr",
    "CRM",
    "négociation fournisseurs",
    "zzqxw",
]


TARGETS = [  # (group, what it is, p95 in ms)
    ("recherche", "recherche", 50),
    ("parcours", "carte des parcours", 100),
    ("mon-evolution", "«\u202fOù puis-je aller\u202f?\u202f»", 100),
]


def pages(sample_slugs):
    """(group, url) of every page measured."""
    yield from (("recherche", f"/recherche/?q={q}") for q in SEARCHES)
    yield from (
        ("liste", url) for url in ["/metiers/", "/metiers/?page=200", "/metiers/?ordre=alpha"]
    )
    yield from (
        ("filtres", url)
        for url in [
            f"/metiers/?famille={PREFIX}b",
            "/metiers/?niveau=bac5&salaire=50k-70k",
            f"/metiers/?famille={PREFIX}c&niveau=bac3&salaire=35k-50k&ordre=alpha",
        ]
    )
    yield from (("fiche", f"/metiers/{slug}/") for slug in sample_slugs)
    yield from (("salaires", url) for url in ["/salaires/", "/salaires/?tri=senior&sens=desc"])
    yield from (("parcours", url) for url in ["/parcours/", "/parcours/?page=100"])
    yield ("comparer", f"/comparer/?metiers={sample_slugs[0]},{sample_slugs[1]},{sample_slugs[2]}")
    yield from (
        ("mon-evolution", url)
        for url in [
            f"/mon-evolution/?depuis={sample_slugs[0]}",
            f"/mon-evolution/?depuis={sample_slugs[1]}",
            "/mon-evolution/?depuis=directeur+commercial&ordre=salaire",
            "/mon-evolution/?competences=leadership&competences=negociation-commerciale",
            # Five skills each asked by some 300 synthetic sheets.
            "/mon-evolution/?" + "&".join(f"competences={PREFIX}competence-{n}" for n in range(5)),
        ]
    )


def measure(client, url, repeat):
    timings, queries = [], 0
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        queries = len(captured)
    return timings, queries


def percentile(values, p):
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sheets", type=int, default=10_000, help="synthetic sheets wanted")
    parser.add_argument("--repeat", type=int, default=30, help="requests per URL")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Ce banc d'essai mesure PostgreSQL : définissez DATABASE_URL=postgres://...")

    call_command("migrate", verbosity=0)
    call_command("load_initial_content", verbosity=0)
    missing = args.sheets - Role.objects.filter(slug__startswith=PREFIX).count()
    if missing > 0:
        call_command("generate_sheets", missing)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")

    total = Role.objects.published().count()
    slugs = list(Role.objects.filter(slug__startswith=PREFIX).values_list("slug", flat=True)[:5])
    # An anonymous visitor's pages, computed at every request: Django keeps no page cache
    # (nginx does, in production), and the client sends no validator to be answered 304.
    client = Client()
    results = {}
    for group, url in pages(["coo", *slugs]):
        client.get(url)  # warm-up: templates, connection, caches
        timings, queries = measure(client, url, args.repeat)
        results.setdefault(group, []).append((url, timings, queries))

    print(f"\n{total} fiches publiées, {args.repeat} requêtes par adresse (PostgreSQL).\n")
    print(f"{'page':<10} {'p50 ms':>8} {'p95 ms':>8} {'requêtes':>9}  adresse")
    for group, rows in results.items():
        for url, timings, queries in rows:
            p50, p95 = statistics.median(timings), percentile(timings, 95)
            print(f"{group:<10} {p50:8.1f} {p95:8.1f} {queries:9d}  {url}")
        every = [t for _, timings, _ in rows for t in timings]
        print(f"{group + ' *':<10} {statistics.median(every):8.1f} {percentile(every, 95):8.1f}")
    print()
    for group, label, target in TARGETS:
        every = [t for _, timings, _ in results[group] for t in timings]
        p95 = percentile(every, 95)
        verdict = "atteint" if p95 < target else "MANQUÉ"
        print(f"Objectif {label} p95 < {target} ms : {verdict} ({p95:.1f} ms).")


if __name__ == "__main__":
    main()
