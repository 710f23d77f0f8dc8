"""E-mails about what visitors send, delivered at most once and never at the cost of the data.

The record is always stored first; these functions run after the commit (from the view
through `transaction.on_commit`, or from `manage.py send_pending_notifications`). Each record
is claimed by one conditional UPDATE before sending, so concurrent runs never send twice, and
its own fields say what has been delivered, so a failure leaves it visibly "not notified".
"""

import logging
import re

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac

from .models import Comment, MailedAddress, RecruitmentRequest

logger = logging.getLogger(__name__)

CONFIRMATION_SALT = "roles.comment-confirmation"
CONFIRMATION_MAX_AGE = 7 * 24 * 3600


def one_line(text, limit=120):
    """Text safe in a mail header: control characters and line breaks become spaces."""
    return re.sub(r"[\x00-\x1f\x7f\s]+", " ", text).strip()[:limit]


def admin_url(obj):
    info = (obj._meta.app_label, obj._meta.model_name)
    return settings.SITE_URL + reverse("admin:{}_{}_change".format(*info), args=[obj.pk])


FIRST_NAME = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def first_name(name):
    """The first word of a typed name, if it is a plain name ("Jean-Marie"); else empty.

    Mails to a typed address repeat nothing else the visitor typed: no link or text of his
    can travel in them (no relay).
    """
    words = name.split()
    word = words[0] if words else ""
    return word if FIRST_NAME.fullmatch(word) and len(word) <= 30 else ""


class VisitorMail(EmailMessage):
    """A mail to an address a visitor typed: sent only if the site has not written to it
    within a day (MailedAddress); otherwise skipped, and counted as done."""

    def __init__(self, subject, template, context, to):
        body = render_to_string(template, {**context, "SITE_URL": settings.SITE_URL})
        super().__init__(subject, body, to=[to], reply_to=[settings.CONTACT_EMAIL])


def request_messages(lead):
    """The (field to mark, message) pairs still to deliver for a recruitment request."""
    context = {"lead": lead, "admin_url": admin_url(lead), "SITE_URL": settings.SITE_URL}
    pending = []
    if lead.notified_at is None:
        who = one_line(lead.company or lead.name)
        subject = f"Demande de recrutement\u00a0: {who}"
        if lead.role:
            subject += f" ({one_line(lead.role.display_name)})"
        body = render_to_string("visitors/mail/request_notification.txt", context)
        message = EmailMessage(subject, body, to=[settings.CONTACT_EMAIL], reply_to=[lead.email])
        pending.append(("notified_at", message))
    if lead.acknowledged_at is None:
        subject = "Promel a bien reçu votre demande"
        context = {"first_name": first_name(lead.name)}
        message = VisitorMail(
            subject, "visitors/mail/request_acknowledgement.txt", context, lead.email
        )
        pending.append(("acknowledged_at", message))
    return pending


def comment_messages(comment):
    pending = []
    if comment.notified_at is None:
        context = {"comment": comment, "admin_url": admin_url(comment)}
        subject = f"Nouveau commentaire sur «\u202f{one_line(comment.role.title)}\u202f»"
        body = render_to_string("visitors/mail/comment_notification.txt", context)
        message = EmailMessage(subject, body, to=[settings.MODERATION_EMAIL])
        pending.append(("notified_at", message))
    if comment.confirmation_handled_at is None:
        context = {
            "first_name": first_name(comment.name),
            "role": comment.role,
            "link": settings.SITE_URL + confirmation_path(comment),
        }
        subject = "Promel\u00a0: confirmez votre commentaire"
        message = VisitorMail(
            subject, "visitors/mail/comment_confirmation.txt", context, comment.email
        )
        pending.append(("confirmation_handled_at", message))
    return pending


def confirmation_path(comment):
    return reverse("visitors:comment_confirm", args=[comment_token(comment)])


def comment_token(comment):
    """Proof of the comment's address: only its mailbox receives this (signed, a week)."""
    signer = signing.TimestampSigner(salt=CONFIRMATION_SALT)
    return signer.sign_object({"comment": comment.pk, "address": address_digest(comment)})


def address_digest(comment):
    """Binds a token to the comment's address without writing the address in the link."""
    return salted_hmac(CONFIRMATION_SALT, comment.email.strip().lower()).hexdigest()[:20]


def comment_of_token(token):
    """The pending comment a confirmation token proves, or None (forged, expired, changed)."""
    signer = signing.TimestampSigner(salt=CONFIRMATION_SALT)
    try:
        data = signer.unsign_object(token, max_age=CONFIRMATION_MAX_AGE)
    except (signing.BadSignature, TypeError, KeyError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    comment = Comment.objects.filter(pk=data.get("comment")).select_related("role").first()
    if comment is None or address_digest(comment) != data.get("address"):
        return None
    return comment


def send(message, connection):
    """Send one message, unless it is a visitor's mail and his address had one today."""
    claimed_at = None
    if isinstance(message, VisitorMail):
        claimed_at = MailedAddress.objects.claim(message.to[0])
        if claimed_at is None:
            return
    message.connection = connection
    try:
        message.send()
    except Exception:
        if claimed_at:  # not sent: the address may be written to again
            MailedAddress.objects.release(message.to[0], claimed_at)
        raise


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
                send(message, connection)
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
