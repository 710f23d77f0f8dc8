"""Twenty people sending the form at the same moment are all stored, each once."""

import http.cookiejar
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections

from roles.visitors.models import RecruitmentRequest
from roles.visitors.notifications import send_pending

from .factories import make_request
from .visitors import request_data

SENDERS = 20

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="concurrent writes need a real server database"
    ),
    pytest.mark.django_db(transaction=True),
]


def send_as_a_visitor(base_url, number):
    """What a browser does: open the form, then post it from the site's own origin."""
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    form = opener.open(f"{base_url}/contact/").read().decode()
    assert 'action="/contact/"' in form
    data = request_data(email=f"visiteur{number}@example.com")
    body = urllib.parse.urlencode(data).encode()
    request = urllib.request.Request(f"{base_url}/contact/", data=body, method="POST")
    request.add_header("Origin", base_url)
    request.add_header("Sec-Fetch-Site", "same-origin")
    with opener.open(request) as response:  # follows the redirect to the thank-you page
        return response.status, response.url


def test_concurrent_submissions_are_all_stored_once(live_server, settings):
    settings.CONTACT_RATE = "1000/m"
    with ThreadPoolExecutor(max_workers=SENDERS) as pool:
        results = list(pool.map(lambda n: send_as_a_visitor(live_server.url, n), range(SENDERS)))
    assert results == [(200, f"{live_server.url}/contact/merci/")] * SENDERS
    emails = sorted(RecruitmentRequest.objects.values_list("email", flat=True))
    assert emails == sorted(f"visiteur{n}@example.com" for n in range(SENDERS))


def retry_run(_):
    try:
        return send_pending()
    finally:
        connections.close_all()  # this thread's connection, or the test database stays busy


def test_overlapping_retry_runs_send_each_mail_once(mail_server_down, settings):
    """Cron runs that overlap (a slow run, a manual one) never mail anyone twice."""
    senders = [make_request(email=f"visiteur{n}@example.com").email for n in range(10)]
    mail_server_down.start()
    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(retry_run, range(4)))
    expected = [settings.CONTACT_EMAIL] * len(senders) + senders
    assert sorted(mail_server_down.handler.recipients()) == sorted(expected)
    assert RecruitmentRequest.objects.awaiting_notification().count() == 0
