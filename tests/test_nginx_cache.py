"""nginx in front, as `make serve` runs it: anonymous pages from its cache, the rest from Django."""

import os
import shutil
import signal
import ssl
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from .live_stack import PROJECT, free_port, wait_until
from .tools import require_tool
from .visitors import request_data

pytestmark = pytest.mark.stack

INSECURE = ssl._create_unverified_context()  # make serve's own throw-away certificate


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    require_tool(shutil.which("nginx"), "nginx (Debian's nginx-light)")
    # One database per test process: two stacks migrating one database would collide.
    database = f"promel_nginx_test_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"
    subprocess.run(["bash", "scripts/local_services.sh", database], cwd=PROJECT, check=True)
    info = tmp_path_factory.mktemp("serve") / "info"
    https_port = free_port()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST"))},
        "DATABASE_URL": f"postgres://promel:promel@127.0.0.1:5432/{database}",
        "SERVE_INFO": str(info),
        "SERVE_HTTPS_PORT": str(https_port),
        "SERVE_HTTP_PORT": str(free_port()),
        "SERVE_APP_PORT": str(free_port()),
        "SERVE_WORKERS": "1",
        "PUBLIC_CACHE_SECONDS": "2",
    }
    stack = subprocess.Popen(
        ["bash", "scripts/serve.sh"],
        cwd=PROJECT,
        env=env,
        stdout=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        assert wait_until(lambda: info.exists() and info.read_text().strip(), seconds=180)
        yield f"https://127.0.0.1:{https_port}"
    finally:
        os.killpg(stack.pid, signal.SIGTERM)
        stack.wait(timeout=30)


def get(url, data=None, **headers):
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    request = urllib.request.Request(url, data=body, headers=headers)
    try:
        response = urllib.request.urlopen(request, context=INSECURE, timeout=20)
    except urllib.error.HTTPError as error:
        response = error
    with response:
        return response.status, response.headers, response.read()


def cache_status(url, **headers):
    return get(url, **headers)[1]["X-Cache-Status"]


def test_the_second_anonymous_get_of_a_sheet_is_an_nginx_hit(site):
    url = f"{site}/metiers/chef-de-secteur/"
    status, first_headers, first = get(url)
    assert status == 200 and first_headers["X-Cache-Status"] in ("MISS", "EXPIRED")
    status, headers, second = get(url)
    assert status == 200 and headers["X-Cache-Status"] == "HIT" and second == first
    assert "Set-Cookie" not in headers


def test_a_search_is_kept_once_it_has_been_asked_for_twice(site):
    url = f"{site}/recherche/?q=chef"
    assert [cache_status(url) for _ in range(3)] == ["MISS", "MISS", "HIT"]


def test_an_expired_page_is_revalidated_with_its_validators(site):
    url = f"{site}/metiers/directeur-regional/"
    get(url)
    assert cache_status(url) == "HIT"
    time.sleep(4)  # PUBLIC_CACHE_SECONDS=2, and nginx counts in whole seconds
    # Served stale while one request asks Django, which answers 304 (the content is the same).
    assert cache_status(url) in ("STALE", "UPDATING", "REVALIDATED")
    assert wait_until(lambda: cache_status(url) == "HIT", seconds=10)


@pytest.mark.parametrize("cookie", ["sessionid=abc", "messages=abc"])
def test_editors_and_visitors_with_a_message_reach_django(site, cookie):
    url = f"{site}/metiers/coo/"
    get(url)
    assert cache_status(url, Cookie=cookie) == "BYPASS"


def test_posts_pass_through_and_cross_site_ones_are_refused(site):
    url = f"{site}/contact/"
    status, headers, body = get(url, request_data(), **{"Sec-Fetch-Site": "cross-site"})
    assert status == 403 and "Votre envoi a été refusé" in body.decode()
    assert headers["X-Cache-Status"] is None  # nginx never looks a POST up in its cache
