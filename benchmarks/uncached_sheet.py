"""In-process cost of a page no cache answers: the sheet and a search, against fixed bytes.

Fair on a busy machine: the three views are measured in turn, in rounds, in one run, so that
the ratio holds when the absolute figures drift; and cProfile's count of function calls per
request does not depend on the load at all.

    DATABASE_URL=postgres://USER:PASSWORD@127.0.0.1:5432/promel_bench \\
        .venv/bin/python benchmarks/uncached_sheet.py --slug coo --requests 300

It migrates and loads the fixture sheets if the database is empty, then asks Django's test
client (middleware included, no network) for /_reference/django/, the sheet's
/_reference/uncached-sheet/<slug>/ and a search with a new page number each time.
"""

import argparse
import cProfile
import io
import os
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "promel.settings")
os.environ["BENCH_REFERENCE_VIEW"] = "1"  # the two reference views
os.environ.setdefault("SEARCH_RATE", "100000000/m")  # one client asks for every search

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

ROUNDS = 10


def addresses(slug):
    return {
        "octets fixes": lambda n: "/_reference/django/",
        "fiche sans cache": lambda n: f"/_reference/uncached-sheet/{slug}/",
        "recherche sans cache": lambda n: f"/recherche/?q=directeur&page={n}",
    }


def counted(queries):
    """A database execute wrapper that appends each query to `queries`."""

    def wrapper(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    return wrapper


def profile(client, address, requests, top):
    profiler = cProfile.Profile()
    profiler.enable()
    for n in range(requests):
        client.get(address(10**6 + n))
    profiler.disable()
    stats = pstats.Stats(profiler, stream=io.StringIO())
    if top:
        stats.sort_stats("tottime").print_stats(top)
    return stats.total_calls / requests, stats.stream.getvalue()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--slug", default="coo")
    parser.add_argument("--requests", type=int, default=300, help="requests per page")
    parser.add_argument("--top", type=int, default=0, help="print the N costliest functions")
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    call_command("load_initial_content", verbosity=0)

    client = Client(HTTP_X_FORWARDED_PROTO="https")  # as nginx says it
    pages = addresses(args.slug)
    for name, address in pages.items():
        for n in range(20):  # warm-up: templates, connection, caches
            assert client.get(address(n)).status_code == 200, name
    spent = dict.fromkeys(pages, 0.0)
    per_round = max(1, args.requests // ROUNDS)
    for round_number in range(ROUNDS):
        for name, address in pages.items():
            start = time.perf_counter()
            for n in range(per_round):
                client.get(address(1000 + round_number * per_round + n))
            spent[name] += time.perf_counter() - start

    fixed = spent["octets fixes"]
    print(f"\n{per_round * ROUNDS} requêtes par page, {connection.vendor}, client de test.\n")
    print(f"{'page':<22} {'ms/requête':>10} {'rapport':>8} {'appels/requête':>15}", end="")
    print(f" {'requêtes SQL':>13}")
    reports = []
    for name, address in pages.items():
        queries = []
        with connection.execute_wrapper(counted(queries)):
            client.get(address(10**7))
        calls, report = profile(client, address, 20, args.top)
        reports.append((name, report))
        ms = spent[name] / (per_round * ROUNDS) * 1000
        print(f"{name:<22} {ms:10.2f} {fixed / spent[name]:8.1%} {calls:15.0f} {len(queries):13d}")
    for name, report in reports if args.top else []:
        print(f"\n{name}\n{report}")


if __name__ == "__main__":
    main()
