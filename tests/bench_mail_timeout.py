"""Benchmark, not collected by the suite: how long a visitor waits when the mail server hangs.

Run: .venv/bin/python -m pytest tests/bench_mail_timeout.py -s -q
"""

import statistics
import time

import pytest

from roles.visitors.models import RecruitmentRequest

from .visitors import request_data

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("server", ["mail_server", "mail_server_hanging", "mail_server_down"])
def test_time_to_answer_a_recruitment_request(
    client, settings, request, server, django_capture_on_commit_callbacks
):
    request.getfixturevalue(server)
    settings.EMAIL_TIMEOUT = 2  # the production default
    settings.CONTACT_RATE = "1000/m"
    timings = []
    for number in range(3):
        start = time.perf_counter()
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post("/contact/", request_data(email=f"v{number}@example.com"))
        timings.append(time.perf_counter() - start)
        assert response.status_code == 302
    print(f"\n{server}: median {statistics.median(timings):.3f} s, max {max(timings):.3f} s")
    assert RecruitmentRequest.objects.count() == 3
