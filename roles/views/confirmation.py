"""The page a commenter reaches from the link mailed to his address."""

from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from ..notifications import comment_of_token


# The signed token in the address is the proof, and only the commenter's mailbox has it: no
# CSRF token needed, and the page holds no per-visitor value.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def confirm_comment(request, token):
    """GET shows a button (mail scanners open links), POST confirms."""
    comment = comment_of_token(token)
    if comment is None:
        return render(request, "roles/comment_confirm.html", {"expired": True}, status=404)
    confirmed = request.method == "POST"
    if confirmed:
        comment.confirm()
    context = {
        "role": comment.role,
        "confirmed": confirmed,
        "published": comment.status == comment.Status.APPROVED,
    }
    return render(request, "roles/comment_confirm.html", context)
