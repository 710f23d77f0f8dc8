"""Instructions per request of the pages of uncached_sheet.py, counted by valgrind.

Seconds drift with the machine's speed and load, by a third from one minute to the next on a
shared machine; instructions do not (valgrind's callgrind counts them, whatever else runs):
this is the figure to compare between two commits.

    DATABASE_URL=postgres://USER:PASSWORD@127.0.0.1:5432/promel_bench \\
        .venv/bin/python benchmarks/instructions.py [--requests 20]

For each page, the application runs twice under callgrind with the same warm-up, once asking
for no measured page and once for N; the difference over N is what one request costs in this
Python process (PostgreSQL's own work is not counted). A few minutes: valgrind runs Python
about fifty times slower. The database must be ready (run uncached_sheet.py once before).
"""

import argparse
import re
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
PAGES = ["octets fixes", "fiche sans cache", "recherche sans cache"]


def child(page, requests):
    from benchmarks.uncached_sheet import addresses, client_as_nginx

    address, client = addresses("coo")[page], client_as_nginx()
    for n in range(5):
        client.get(address(n))
    for n in range(requests):
        client.get(address(1000 + n))


def instructions(page, requests):
    run = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable,
         __file__, "--child", page, "--requests", str(requests)],
        cwd=PROJECT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return int(re.search(r"Collected : (\d+)", run.stderr).group(1))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--child", choices=PAGES, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.child, args.requests)
    print(f"{'page':<22} {'instructions/requête':>21}")
    for page in PAGES:
        per_request = (instructions(page, args.requests) - instructions(page, 0)) / args.requests
        print(f"{page:<22} {per_request / 1e6:19.2f} M")


if __name__ == "__main__":
    sys.path.insert(0, str(PROJECT))
    main()
