"""Helpers for tests of the visitors' forms: valid submissions a person would send."""

import time

from roles.antispam import start_token


def started_a_minute_ago():
    return start_token(now=time.time() - 60)


def request_data(**fields):
    data = {
        "kind": "entreprise",
        "name": "Claire Martin",
        "company": "Acme Industrie",
        "job_title": "DRH",
        "email": "claire.martin@acme.example",
        "phone": "01 23 45 67 89",
        "role": "",
        "message": "Nous cherchons un directeur des opérations pour notre site de Lyon.",
        "consent": "on",
        "website": "",
        "started": started_a_minute_ago(),
    }
    return {**data, **fields}


def comment_data(**fields):
    data = {
        "name": "Paul",
        "email": "paul@example.com",
        "text": "Très utile, merci.",
        "parent": "",
        "website": "",
        "started": started_a_minute_ago(),
    }
    return {**data, **fields}
