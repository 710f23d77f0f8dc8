"""Pages where visitors write to Promel: the recruitment form, comments and their confirmation."""

import re

from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from django.views.generic import TemplateView

from promel.limits import too_many_requests
from roles.models import Role
from roles.views.mixins import BreadcrumbsMixin
from roles.views.sheets import RoleDetailView

from . import antispam, notifications
from .forms import CommentForm, RecruitmentRequestForm
from .notifications import comment_of_token

SLUG = re.compile(r"[-a-zA-Z0-9_]{1,150}")


def preset_role(request):
    """The published sheet named by ?metier=<slug>, if any (anything else is ignored)."""
    slug = request.GET.get("metier", "")
    if not SLUG.fullmatch(slug):
        return None
    role = Role.objects.published().filter(slug=slug).first()
    return role.slug if role else None


@csrf_exempt  # protected by promel.cross_origin, with no token in the page
def contact(request):
    """The recruitment form on its own page; the sheets' forms post here too."""
    crumbs = [("Nous contacter", None)]
    if request.method != "POST":
        form = RecruitmentRequestForm(initial={"role": preset_role(request)})
        return render(request, "visitors/contact.html", {"form": form, "crumbs": crumbs})
    form = RecruitmentRequestForm(request.POST)
    if form.is_bot():
        return redirect("visitors:contact_thanks")
    context = {"form": form, "crumbs": crumbs}
    if not form.is_valid():
        return render(request, "visitors/contact.html", context)
    # Only what would be stored counts: a person correcting mistakes is never limited.
    if antispam.over_rate(request, "contact", "CONTACT_RATE"):
        return too_many_requests(request, settings.CONTACT_RATE)
    with transaction.atomic():
        lead = form.save()
        # robust: whatever happens to the mail, the visitor gets the thank-you page.
        transaction.on_commit(lambda: notifications.notify_request(lead.pk), robust=True)
    return redirect("visitors:contact_thanks")


class ContactThanksView(BreadcrumbsMixin, TemplateView):
    template_name = "visitors/contact_thanks.html"

    def get_breadcrumbs(self):
        return [("Nous contacter", reverse("visitors:contact")), ("Merci", None)]


@method_decorator(csrf_exempt, name="dispatch")  # promel.cross_origin protects it
class CommentView(RoleDetailView):
    """Posting a comment: back to the sheet when stored, the sheet with the errors otherwise."""

    http_method_names = ["get", "post"]

    def shows_unpublished(self):
        return False

    def get(self, request, *args, **kwargs):
        """Reloading the page of a refused comment (its address) leads back to the form."""
        sheet = reverse("roles:role_detail", args=[kwargs["slug"]])
        return redirect(sheet + "#laisser-un-commentaire")

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        form = self.comment_form(request)
        if form.is_bot():
            return self.stored()
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(comment_form=form))
        if antispam.over_rate(request, "comment", "COMMENT_RATE"):
            return too_many_requests(request, settings.COMMENT_RATE)
        # Every comment waits for moderation, and a repeat is answered like a new one: the
        # answer never tells whether an address is known.
        if form.instance.is_duplicate():
            return self.stored()
        with transaction.atomic():
            comment = form.save()
            transaction.on_commit(lambda: notifications.notify_comment(comment.pk), robust=True)
        return self.stored()

    def comment_form(self, request):
        return CommentForm(request.POST, role=self.object)

    def stored(self):
        messages.info(
            self.request, "Merci, votre commentaire sera publié après relecture par notre équipe."
        )
        return redirect(self.object.get_absolute_url() + "#commentaires")


# The signed token in the address is the proof, and only the commenter's mailbox has it: no
# CSRF token needed, and the page holds no per-visitor value.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def confirm_comment(request, token):
    """GET shows a button (mail scanners open links), POST confirms."""
    comment = comment_of_token(token)
    if comment is None:
        return render(request, "visitors/comment_confirm.html", {"expired": True}, status=404)
    confirmed = request.method == "POST"
    if confirmed:
        comment.confirm()
    context = {
        "role": comment.role,
        "confirmed": confirmed,
        "published": comment.status == comment.Status.APPROVED,
    }
    return render(request, "visitors/comment_confirm.html", context)
