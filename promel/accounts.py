"""Editors' accounts under attack: lock-outs per real client address, limited reset mails."""

from axes.utils import reset as reset_lockouts
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordResetForm
from django_ratelimit.core import is_ratelimited

from .limits import client_ip, too_many_requests


def axes_client_ip(request):
    """django-axes' AXES_CLIENT_IP_CALLABLE: the address the rate limits use too.

    Behind nginx REMOTE_ADDR is the proxy's: counting failures by it would let anyone lock
    every editor out (TRUSTED_PROXY_COUNT picks the client's address instead).
    """
    return client_ip(None, request)


def email_key(group, request):
    return request.POST.get("email", "").strip().lower()


def too_many_resets(request):
    """Counts one reset request per client and per address; True when one is over its limit.

    The per-address limit only stops the mail (the answer stays the same, so it tells nothing
    about the address); the per-client limit answers with the 429 page.
    """
    kwargs = {"request": request, "method": "POST", "increment": True}
    over_client = is_ratelimited(
        group="password-reset-client",
        key=client_ip,
        rate=settings.PASSWORD_RESET_CLIENT_RATE,
        **kwargs,
    )
    over_address = is_ratelimited(
        group="password-reset-address",
        key=email_key,
        rate=settings.PASSWORD_RESET_ADDRESS_RATE,
        **kwargs,
    )
    return over_client, over_address


class LimitedPasswordResetView(auth_views.PasswordResetView):
    """Django's reset, with at most a few mails per client and per address."""

    def form_valid(self, form):
        over_client, over_address = too_many_resets(self.request)
        if over_client:
            return too_many_requests(self.request, settings.PASSWORD_RESET_CLIENT_RATE)
        if over_address:  # the same page as a mail sent, and no mail
            return super(auth_views.PasswordResetView, self).form_valid(form)
        return super().form_valid(form)


class UnlockingPasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """A new password chosen through the mailed link also lifts its address' lock-out."""

    def form_valid(self, form):
        reset_lockouts(ip=axes_client_ip(self.request))
        return super().form_valid(form)


class StaffPasswordResetForm(PasswordResetForm):
    """Resets only the passwords of staff accounts (editors, recruiters)."""

    def get_users(self, email):
        return (user for user in super().get_users(email) if user.is_staff)
