"""Helpers for tests of the visitors' forms: valid submissions a person would send."""


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
    }
    return {**data, **fields}


def comment_data(**fields):
    data = {
        "name": "Paul",
        "email": "paul@example.com",
        "text": "Très utile, merci.",
        "parent": "",
        "website": "",
    }
    return {**data, **fields}
