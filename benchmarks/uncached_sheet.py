"""In-process cost of a page no cache answers: the sheet and a search, against fixed bytes.

Fair on a busy machine: the three views are measured in turn, in rounds, in one run, so that
the ratio holds when the absolute figures drift; and cProfile's count of function calls per
request does not depend on the load at all.

    DATABASE_URL=postgres://USER:PASSWORD@127.0.0.1:5432/promel_bench \\
        .venv/bin/python benchmarks/uncached_sheet.py --slug coo --requests 300

It migrates and loads the fixture sheets if the database is empty, then asks Django's test
client (middleware included, no network) for /_reference/django/, the sheet's
/_reference/uncached-sheet/<slug>/ and a search with a new page number each time. Besides wall
time, it prints the CPU time per request of this Python process and of its PostgreSQL backend
(read in /proc: a server on this machine), the two parts of a request's cost under load, and
the number and mean pause of the garbage collector's full collections. The application is
loaded as a gunicorn worker loads it (promel.wsgi); migrations run in another process.
"""

import argparse
import cProfile
import gc
import io
import os
import pstats
import subprocess
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "promel.settings")
os.environ["BENCH_REFERENCE_VIEW"] = "1"  # the two reference views
os.environ.setdefault("SEARCH_RATE", "100000000/m")  # one client asks for every search

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

import promel.wsgi  # noqa: E402,F401  the application as a gunicorn worker loads it
from benchmarks.bench import process_cpu  # noqa: E402

ROUNDS = 10


def addresses(slug):
    return {
        "octets fixes": lambda n: "/_reference/django/",
        "fiche sans cache": lambda n: f"/_reference/uncached-sheet/{slug}/",
        "recherche sans cache": lambda n: f"/recherche/?q=directeur&page={n}",
    }


def client_as_nginx():
    return Client(HTTP_X_FORWARDED_PROTO="https")  # as nginx says it


def counted(queries):
    """A database execute wrapper that appends each query to `queries`."""

    def wrapper(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    return wrapper


def backend_cpu_seconds():
    """CPU time so far of this connection's PostgreSQL backend (a local server: /proc), or 0."""
    if connection.vendor != "postgresql":
        return 0.0
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        return process_cpu(pid)[1]
    except OSError:  # a server on another machine
        return 0.0


class FullCollections:
    """The pauses of the garbage collector's full collections, in seconds (gc.callbacks)."""

    def __init__(self):
        self.pauses, self.started = [], None
        gc.callbacks.append(self.observe)

    def observe(self, phase, info):
        if phase == "start":
            self.started = time.perf_counter()
        elif info["generation"] == 2:
            self.pauses.append(time.perf_counter() - self.started)

    def stop(self):
        gc.callbacks.remove(self.observe)


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
    for command in ["migrate", "load_initial_content"]:  # as in production: other processes
        subprocess.run([sys.executable, "manage.py", command, "-v0"], cwd=PROJECT, check=True)

    client = client_as_nginx()
    pages = addresses(args.slug)
    for name, address in pages.items():
        for n in range(20):  # warm-up: templates, connection, caches
            assert client.get(address(n)).status_code == 200, name
    spent = dict.fromkeys(pages, 0.0)
    python_cpu = dict.fromkeys(pages, 0.0)
    database_cpu = dict.fromkeys(pages, 0.0)
    full_collections = {name: [] for name in pages}
    collections = FullCollections()
    per_round = max(1, args.requests // ROUNDS)
    for round_number in range(ROUNDS):
        for name, address in pages.items():
            start, cpu, backend = time.perf_counter(), time.process_time(), backend_cpu_seconds()
            already = len(collections.pauses)
            for n in range(per_round):
                client.get(address(1000 + round_number * per_round + n))
            spent[name] += time.perf_counter() - start
            python_cpu[name] += time.process_time() - cpu
            database_cpu[name] += backend_cpu_seconds() - backend
            full_collections[name] += collections.pauses[already:]
    collections.stop()

    fixed = spent["octets fixes"]
    print(f"\n{per_round * ROUNDS} requêtes par page, {connection.vendor}, client de test.\n")
    print(f"{'page':<22} {'ms/requête':>10} {'rapport':>8} {'appels/requête':>15}", end="")
    print(f" {'requêtes SQL':>13} {'CPU Python ms':>14} {'CPU PostgreSQL ms':>18}", end="")
    print(f" {'collectes GC':>12} {'pause GC ms':>12}")
    reports = []
    for name, address in pages.items():
        queries = []
        with connection.execute_wrapper(counted(queries)):
            client.get(address(10**7))
        calls, report = profile(client, address, 20, args.top)
        reports.append((name, report))
        per_request = 1000 / (per_round * ROUNDS)
        pauses = full_collections[name]
        print(
            f"{name:<22} {spent[name] * per_request:10.2f} {fixed / spent[name]:8.1%}"
            f" {calls:15.0f} {len(queries):13d} {python_cpu[name] * per_request:14.2f}"
            f" {database_cpu[name] * per_request:18.2f} {len(pauses):12d}"
            f" {1000 * sum(pauses) / len(pauses) if pauses else 0:12.1f}"
        )
    for name, report in reports if args.top else []:
        print(f"\n{name}\n{report}")


if __name__ == "__main__":
    main()
