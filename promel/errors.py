"""Error pages Django asks the project for."""

from django.shortcuts import render


def csrf_failure(request, reason=""):
    """An expired or cookie-less form: a French page saying how to send it again."""
    return render(request, "403_csrf.html", status=403)
