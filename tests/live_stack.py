"""A throw-away stack for fault tests: our own PostgreSQL cluster and Redis on other ports,
and gunicorn serving the site against them, as in production.

Never the machine's shared PostgreSQL or Redis: those are not stopped, nor even used.
"""

import http.cookies
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(check, seconds=20):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.1)
    return False


def postgres_bin(name):
    """The cluster tools, which Debian keeps out of PATH."""
    found = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))
    return str(found[-1]) if found else shutil.which(name)


class OwnPostgres:
    """An initdb cluster in a temporary folder, run as user postgres when we are root."""

    def __init__(self):
        # Not under pytest's folder: user postgres must be able to reach it.
        self.folder, self.port = Path(tempfile.mkdtemp(prefix="promel-faults-pg-")), free_port()
        self.data = self.folder / "data"
        self.as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_postgres:
            shutil.chown(self.folder, "postgres")
        self.run(
            postgres_bin("initdb"),
            "-D",
            self.data,
            "-A",
            "trust",
            "-U",
            "postgres",
            "--no-sync",
            "-E",
            "UTF8",
            "--locale",
            "C.UTF-8",
        )
        self.start()
        self.run(
            postgres_bin("createdb"), "-h", "127.0.0.1", "-p", self.port, "-U", "postgres", "promel"
        )

    @property
    def url(self):
        return f"postgres://postgres@127.0.0.1:{self.port}/promel"

    def run(self, *args):
        result = subprocess.run(
            [*self.as_postgres, *map(str, args)], capture_output=True, text=True, timeout=60
        )
        assert result.returncode == 0, result.stdout + result.stderr

    def start(self):
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        self.run(
            postgres_bin("pg_ctl"),
            "-D",
            self.data,
            "-o",
            options,
            "-l",
            self.folder / "log",
            "-w",
            "start",
        )

    def stop(self):
        self.run(postgres_bin("pg_ctl"), "-D", self.data, "-m", "fast", "-w", "stop")

    def remove(self):
        if (self.data / "postmaster.pid").exists():
            self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


class OwnRedis:
    def __init__(self):
        self.port = free_port()
        self.process = None
        self.start()

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
        )
        assert wait_until(lambda: port_open(self.port))

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


def port_open(port):
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


def production_env(database_url, redis_url, **extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST"))}
    return {
        **env,
        "DJANGO_ENV": "production",
        "SECRET_KEY": "fault-test-key-0123456789abcdefghijklmnopqrstuvwxyz-0123456789",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "SITE_URL": "http://127.0.0.1",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(free_port()),  # nobody listens: mails wait for the retry command
        "SECURE_SSL_REDIRECT": "false",  # no TLS proxy in front here
        "CONN_MAX_AGE": "60",
        "LOG_LEVEL": "CRITICAL",
        **extra,
    }


def manage(env, *args):
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT,
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )


class Gunicorn:
    def __init__(self, env):
        self.port = free_port()
        self.process = subprocess.Popen(
            [
                str(Path(sys.executable).with_name("gunicorn")),
                "promel.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                "1",
                "--timeout",
                "20",
                "--no-control-socket",
            ],
            cwd=PROJECT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        assert wait_until(lambda: port_open(self.port)), "gunicorn did not start"
        self.base = f"http://127.0.0.1:{self.port}"

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Visitor:
    """A browser: cookies kept (Secure ones too: the test talks plain HTTP to gunicorn, as
    nginx does), redirects not followed, any status returned."""

    def __init__(self):
        self.cookies = {}
        self.opener = urllib.request.build_opener(NoRedirect)

    def request(self, url, data=None):
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        cookie = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        request = urllib.request.Request(url, data=body, headers={"Cookie": cookie})
        try:
            response = self.opener.open(request, timeout=30)
        except urllib.error.HTTPError as error:
            response = error
        with response:
            for header in response.headers.get_all("Set-Cookie") or []:
                jar = http.cookies.SimpleCookie(header)
                self.cookies.update({name: morsel.value for name, morsel in jar.items()})
            return response.status, response.read().decode(), response.headers

    def form_fields(self, url):
        """The hidden fields of the page's forms (CSRF token, signed start time)."""
        status, html, _ = self.request(url)
        assert status == 200, (url, status)
        return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html))
