"""The answer to a client over a rate limit: a French 429 page saying when to come back."""

import math

from django.shortcuts import render
from django_ratelimit.core import _split_rate


def retry_seconds(rate):
    """The longest wait before a limit of this rate ("5/10m") lets the client in again."""
    return _split_rate(rate)[1]


def too_many_requests(request, rate, template="429.html"):
    seconds = retry_seconds(rate)
    context = {"retry_minutes": max(1, math.ceil(seconds / 60))}
    response = render(request, template, context, status=429)
    response["Retry-After"] = str(seconds)
    return response
