"""Defences of the visitors' forms that need no third-party service and no per-visitor value
in the page: a honeypot field (roles.forms.visitors) and a per-IP rate limit (django-ratelimit).
"""

from django.conf import settings
from django_ratelimit.core import is_ratelimited

from promel.limits import client_ip


def over_rate(request, group, rate_setting):
    """Count this submission and say whether its sender went over the limit."""
    rate = getattr(settings, rate_setting)
    return is_ratelimited(
        request, group=group, key=client_ip, rate=rate, method="POST", increment=True
    )
