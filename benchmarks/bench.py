"""Load benchmark of the production stack (make serve): nginx (TLS, page cache) -> gunicorn
-> PostgreSQL and Redis, driven by wrk on this machine, asking for gzip as browsers do.

Prints requests/s, p50/p99, errors and non-2xx per page and connection count, each with its
ratio to a reference measured just before and just after it: pages through nginx against
nginx serving the same sheet bytes as a static file over the same TLS; pages from gunicorn
reached directly over plain HTTP against a Django view of that gunicorn returning fixed bytes.
And where each request's CPU went (gunicorn's workers, PostgreSQL, nginx, Redis, wrk), which
drifts less with the machine's speed than requests/s do. Then a 60-second soak over every
sheet page and a few searches, with the workers' memory before and after.

Usage: make bench   (BENCH_SECONDS=30 by default; BENCH_CONNECTIONS="16 64"; BENCH_SOAK=60)
On demand only, never in CI: figures depend on the machine and what else runs on it.
"""

import json
import os
import re
import resource
import shutil
import signal
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
SECONDS = int(os.environ.get("BENCH_SECONDS", "30"))
CONNECTIONS = [int(c) for c in os.environ.get("BENCH_CONNECTIONS", "16 64").split()]
SOAK_SECONDS = int(os.environ.get("BENCH_SOAK", "60"))
WARM_UP_SECONDS = 3
BRACKET_SECONDS = max(2, SECONDS // 5)  # each run of a row's reference, before and after it
# wrk counts a response slower than its timeout (2 s by default) as an error; a slow answer
# shows in the p99 column, an error is a failed request: a browser waits far longer than 2 s.
TIMEOUT = "10s"
PORT = int(os.environ.get("SERVE_HTTPS_PORT", "18443"))
APP_PORT = int(os.environ.get("SERVE_APP_PORT", "18001"))
SITE = f"https://127.0.0.1:{PORT}"
GUNICORN = f"http://127.0.0.1:{APP_PORT}"
STATIC, DJANGO = "static reference", "django fixed bytes"
# name: (server, path, the reference its ratio is taken to)
PAGES = {
    STATIC: (SITE, "/_reference/static/sheet.html", STATIC),
    "sheet (nginx hit)": (SITE, "/metiers/coo/", STATIC),
    "home": (SITE, "/", STATIC),
    "list": (SITE, "/metiers/", STATIC),
    "search": (SITE, "/recherche/?q=directeur", STATIC),
    "search, each new": (SITE, "/recherche/?q=directeur", STATIC),  # UNIQUE_PAGES
    DJANGO: (GUNICORN, "/_reference/django/", DJANGO),
    "sheet uncached": (GUNICORN, "/_reference/uncached-sheet/coo/", DJANGO),
    "search uncached": (GUNICORN, "/recherche/?q=directeur", DJANGO),  # UNIQUE_PAGES
}
# Rows whose every request has its own address (an ignored page number): no cache answers them.
UNIQUE_PAGES = {"search, each new", "search uncached"}
SEARCHES = ["directeur", "commercial", "relation client", "CRM", "opérations", "marketing"]
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}
# Where a request's CPU goes: the processes of these names on this machine (/proc), and wrk.
SERVERS = {"gunicorn": "django", "postgres": "postgres", "nginx": "nginx", "redis-server": "redis"}
INSECURE = ssl._create_unverified_context()


def fetch(path):
    with urllib.request.urlopen(SITE + path, context=INSECURE, timeout=10) as response:
        return response.read()


def start_stack(info):
    env = {
        **os.environ,
        "SERVE_INFO": str(info),
        "SERVE_HTTPS_PORT": str(PORT),
        "SERVE_HTTP_PORT": os.environ.get("SERVE_HTTP_PORT", "18080"),
        "SERVE_APP_PORT": str(APP_PORT),
        "BENCH_REFERENCE_VIEW": "1",
        # wrk is one client: the per-client search limit would answer it 429 at once.
        "SEARCH_RATE": os.environ.get("SEARCH_RATE", "100000000/m"),
        # A database connection outlives every run: a closed backend's CPU can no longer be read.
        "CONN_MAX_AGE": "3600",
    }
    stack = subprocess.Popen(["bash", "scripts/serve.sh"], cwd=PROJECT, env=env)
    for _ in range(600):
        if info.exists() and info.read_text().strip():
            return stack, Path(info.read_text().strip())
        if stack.poll() is not None:
            sys.exit("make serve failed")
        time.sleep(0.2)
    sys.exit("make serve did not start")


def worker_memory(work):
    """Resident memory (kB) of the gunicorn workers."""
    master = (work / "gunicorn.pid").read_text().strip()
    out = subprocess.run(["ps", "--ppid", master, "-o", "rss="], capture_output=True, text=True)
    return sum(int(line) for line in out.stdout.split())


def process_cpu(pid):
    """(name, CPU seconds so far) of a process of this machine, read in /proc (OSError: ended)."""
    name, fields = Path(f"/proc/{pid}/stat").read_text().split(" (", 1)[1].rsplit(") ", 1)
    user, system = fields.split()[11:13]
    return name, (int(user) + int(system)) / os.sysconf("SC_CLK_TCK")


def server_cpu():
    """CPU seconds so far of each process of SERVERS, by pid: {pid: (kind, seconds)}."""
    readings = {}
    for process in Path("/proc").glob("[0-9]*"):
        try:
            name, seconds = process_cpu(process.name)
        except OSError:  # ended meanwhile
            continue
        if name in SERVERS:
            readings[process.name] = (SERVERS[name], seconds)
    return readings


def cpu_per_request(before, after, wrk_seconds, requests):
    """CPU ms per request of each kind of process between two readings, and of wrk."""
    spent = dict.fromkeys(SERVERS.values(), 0.0)
    for pid, (kind, seconds) in after.items():
        spent[kind] += seconds - before.get(pid, (kind, 0.0))[1]
    spent["wrk"] = wrk_seconds
    return {kind: 1000 * seconds / requests for kind, seconds in spent.items()}


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def wrk(url, connections, seconds, script=None):
    options = ["-s", str(script)] if script else []
    if url.startswith(GUNICORN):  # as nginx says it: the site is served over HTTPS
        options += ["-H", "X-Forwarded-Proto: https"]
    before, wrk_before = server_cpu(), children_cpu()
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", f"--timeout={TIMEOUT}", "--latency"]
        + ["-H", "Accept-Encoding: gzip", *options, url],
        capture_output=True,
        text=True,
    ).stdout
    after, wrk_seconds = server_cpu(), children_cpu() - wrk_before
    latency = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", out, re.M))

    def ms(value):
        number, unit = re.fullmatch(r"([\d.]+)(\w+)", value).groups()
        return float(number) * UNITS[unit]

    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": ms(latency["50"]),
        "p99": ms(latency["99"]),
        "errors": sum(map(int, errors.groups())) if errors else 0,
        "non2xx": int(non2xx.group(1)) if non2xx else 0,
        "cpu": cpu_per_request(before, after, wrk_seconds, requests),
    }


def lua_script(path, prelude, next_address):
    """A wrk script whose n-th request (n counts from 1 in each thread) asks for next_address."""
    path.write_text(
        f"{prelude}\n"
        "i = 0\n"
        "request = function()\n"
        "  i = i + 1\n"
        f'  return wrk.format("GET", {next_address})\n'
        "end\n"
    )
    return path


def unique_address_script(work):
    """A wrk script that adds a page number of its own to every request: a new cache key.

    The number holds the run's start time, so that a run never meets its warm-up's addresses.
    """
    threads = (
        "counter = 0\n"
        "setup = function(t) counter = counter + 1; t:set('id', os.time() .. '-' .. counter) end"
    )
    return lua_script(work / "unique.lua", threads, 'wrk.path .. "&page=" .. id .. "-" .. i')


def rotation_script(work):
    """A wrk script that asks for every sheet page and a few searches, in turn."""
    slugs = [sheet["slug"] for sheet in json.loads(fetch("/api/metiers/"))["results"]]
    paths = [f"/metiers/{slug}/" for slug in slugs]
    paths += [f"/recherche/?q={urllib.parse.quote(query)}" for query in SEARCHES]
    listed = f"paths = {{{', '.join(json.dumps(path) for path in paths)}}}"
    return lua_script(work / "rotation.lua", listed, "paths[i % #paths + 1]")


def main():
    if not shutil.which("wrk"):
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True)
    info = Path(tempfile.mkdtemp()) / "serve-info"
    stack, work = start_stack(info)
    try:
        (work / "reference" / "sheet.html").write_bytes(fetch("/metiers/coo/"))
        unique = unique_address_script(work)
        results = {}
        for connections in CONNECTIONS:
            for name in PAGES:
                results[name, connections] = measure(name, connections, unique)
        rotation = rotation_script(work)
        wrk(SITE + "/", 16, 10, rotation)  # every page rendered and cached once before measuring
        memory_before = worker_memory(work)
        soak = wrk(SITE + "/", 16, SOAK_SECONDS, rotation)
        memory_after = worker_memory(work)
    finally:
        stack.send_signal(signal.SIGTERM)
        stack.wait(timeout=30)
    report(results)
    report_soak(soak, memory_before, memory_after)


def measure(name, connections, unique):
    """wrk's figures for one page, with `reference_rps`: its reference's requests/s, measured
    just before and just after it, so that a drift of the machine's speed moves both."""
    server, path, reference = PAGES[name]
    script = unique if name in UNIQUE_PAGES else None
    # Unmeasured first: fills the cache, and lets the workers finish the previous run's
    # queued requests.
    wrk(server + path, connections, WARM_UP_SECONDS, script)
    if name == reference:
        result = wrk(server + path, connections, SECONDS, script)
        return {**result, "reference_rps": result["rps"]}
    reference_url = "".join(PAGES[reference][:2])
    before = wrk(reference_url, connections, BRACKET_SECONDS)
    result = wrk(server + path, connections, SECONDS, script)
    after = wrk(reference_url, connections, BRACKET_SECONDS)
    return {**result, "reference_rps": (before["rps"] + after["rps"]) / 2}


def report(results):
    print(
        f"\nwrk -t2, {SECONDS} s per run, gzip; nginx over TLS, or gunicorn directly"
        " (the rows measured against the fixed-bytes view)\n"
    )
    kinds = list(next(iter(results.values()))["cpu"])
    print(
        f"{'page':<20} {'conn':>4} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}"
        f" {'non-2xx':>8} {'ratio':>7}  {'to':<19}" + "".join(f" {kind:>8}" for kind in kinds)
    )
    for (name, connections), r in results.items():
        reference = PAGES[name][2]
        ratio = r["rps"] / r["reference_rps"]
        print(
            f"{name:<20} {connections:>4} {r['rps']:>9.0f} {r['p50']:>8.2f} {r['p99']:>8.2f}"
            f" {r['errors']:>7} {r['non2xx']:>8} {ratio:>7.1%}  {reference:<19}"
            + "".join(f" {r['cpu'][kind]:>8.3f}" for kind in kinds)
        )
    print("\nThe last columns: CPU ms per request of each kind of process, read in /proc.")


def report_soak(soak, memory_before, memory_after):
    growth = (memory_after - memory_before) / memory_before
    print(
        f"\nSoak, {SOAK_SECONDS} s at 16 connections over every sheet page and"
        f" {len(SEARCHES)} searches: {soak['rps']:.0f} req/s, p50 {soak['p50']:.2f} ms,"
        f" p99 {soak['p99']:.2f} ms, {soak['errors']} errors, {soak['non2xx']} non-2xx"
    )
    print(
        f"gunicorn workers' memory: {memory_before} kB before, {memory_after} kB after"
        f" ({growth:+.1%})"
    )


if __name__ == "__main__":
    main()
