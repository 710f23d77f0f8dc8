"""E-mails about what visitors send, delivered at most once and never at the cost of the data.

The record is always stored first; these functions run after the commit (from the view
through `transaction.on_commit`, or from `manage.py send_pending_notifications`). Each record
is claimed by one conditional UPDATE before sending, so concurrent runs never send twice, and
its own fields say what has been delivered, so a failure leaves it visibly "not notified".
"""

import logging
import re

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from .models import Comment, RecruitmentRequest

logger = logging.getLogger(__name__)


def one_line(text, limit=120):
    """Text safe in a mail header: control characters and line breaks become spaces."""
    return re.sub(r"[\x00-\x1f\x7f\s]+", " ", text).strip()[:limit]


def admin_url(obj):
    info = (obj._meta.app_label, obj._meta.model_name)
    return settings.SITE_URL + reverse("admin:{}_{}_change".format(*info), args=[obj.pk])


def request_messages(lead):
    """The (field to mark, message) pairs still to deliver for a recruitment request."""
    context = {"lead": lead, "admin_url": admin_url(lead), "SITE_URL": settings.SITE_URL}
    pending = []
    if lead.notified_at is None:
        who = one_line(lead.company or lead.name)
        subject = f"Demande de recrutement : {who}"
        if lead.role:
            subject += f" ({one_line(lead.role.display_name)})"
        body = render_to_string("mail/request_notification.txt", context)
        message = EmailMessage(subject, body, to=[settings.CONTACT_EMAIL], reply_to=[lead.email])
        pending.append(("notified_at", message))
    if lead.acknowledged_at is None:
        body = render_to_string("mail/request_acknowledgement.txt", context)
        subject = "Promel a bien reçu votre demande"
        message = EmailMessage(subject, body, to=[lead.email], reply_to=[settings.CONTACT_EMAIL])
        pending.append(("acknowledged_at", message))
    return pending


def comment_messages(comment):
    context = {"comment": comment, "admin_url": admin_url(comment)}
    subject = f"Nouveau commentaire sur « {one_line(comment.role.title)} »"
    body = render_to_string("mail/comment_notification.txt", context)
    return [("notified_at", EmailMessage(subject, body, to=[settings.MODERATION_EMAIL]))]


def deliver(model, pk, build_messages):
    """Send what a record still owes, if this caller wins its claim; True when all went out."""
    if not model.objects.claim(pk):
        return False
    record = model.objects.filter(pk=pk).first()
    if record is None:  # erased meanwhile: nothing left to say
        return False
    try:
        # One connection; the first failure stops it (each socket wait is bounded by
        # EMAIL_TIMEOUT, so a hanging server costs one timeout, not one per message).
        with get_connection() as connection:
            for field, message in build_messages(record):
                message.connection = connection
                message.send()
                model.objects.filter(pk=pk).update(**{field: timezone.now()})
    except Exception as error:  # any failure of the mail server: the retry command takes over
        logger.warning("Mail for %s #%s not sent: %r", model.__name__, pk, error)
        model.objects.release(pk, error=repr(error))
        return False
    model.objects.release(pk)
    return True


def notify_request(pk):
    return deliver(RecruitmentRequest, pk, request_messages)


def notify_comment(pk):
    return deliver(Comment, pk, comment_messages)


def send_pending():
    """Deliver every e-mail still owed; returns (delivered, failed) counts of records."""
    delivered = failed = 0
    jobs = [
        (notify_request, RecruitmentRequest.objects.awaiting_notification()),
        (notify_comment, Comment.objects.awaiting_notification()),
    ]
    for notify, pending in jobs:
        for pk in pending.order_by("pk").values_list("pk", flat=True):
            if notify(pk):
                delivered += 1
            else:
                failed += 1
    return delivered, failed
