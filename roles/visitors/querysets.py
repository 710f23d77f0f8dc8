"""What the visitors' records are asked: pending mails, claims, retention, comment threads."""

import functools
from datetime import timedelta

from django.apps import apps
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from roles.models.rows import Columns
from roles.models.sheet_page import PartList

# A process that claimed a notification and died leaves it claimed this long at most.
NOTIFICATION_LEASE = timedelta(minutes=10)


class NotifiableQuerySet(models.QuerySet):
    """Records whose e-mails have not all been delivered yet."""

    pending_filter = Q(notified_at__isnull=True)

    def awaiting_notification(self):
        return self.filter(self.pending_filter)

    def claim(self, pk):
        """Take the right to send this record's e-mails; True for exactly one caller.

        One conditional UPDATE: concurrent callers (the web request, several cron runs)
        cannot both win, on PostgreSQL as on SQLite.
        """
        now = timezone.now()
        free = Q(notification_claimed_until__isnull=True) | Q(notification_claimed_until__lt=now)
        claimed = self.filter(self.pending_filter, free, pk=pk).update(
            notification_claimed_until=now + NOTIFICATION_LEASE
        )
        return claimed == 1

    def release(self, pk, error=""):
        """Give the claim back, counting a failed attempt when there is an error."""
        changes = {"notification_claimed_until": None, "notification_error": error[:500]}
        if error:
            changes["notification_attempts"] = F("notification_attempts") + 1
        self.filter(pk=pk).update(**changes)


class RecruitmentRequestQuerySet(NotifiableQuerySet):
    pending_filter = Q(notified_at__isnull=True) | Q(acknowledged_at__isnull=True)

    def expired(self, company_days, candidate_days):
        """Requests kept past their retention period, counted from the last contact."""
        now = timezone.now()
        kinds = self.model.Kind
        return self.filter(
            Q(kind=kinds.COMPANY, last_contact_at__lt=now - timedelta(days=company_days))
            | Q(kind=kinds.CANDIDATE, last_contact_at__lt=now - timedelta(days=candidate_days))
        )

    def by_email(self, email):
        return self.filter(email__iexact=email)


class CommentQuerySet(NotifiableQuerySet):
    pending_filter = Q(notified_at__isnull=True) | Q(confirmation_handled_at__isnull=True)

    def approved(self):
        return self.filter(status=self.model.Status.APPROVED)

    def pending(self):
        return self.filter(status=self.model.Status.PENDING)

    def by_email(self, email):
        return self.filter(email__iexact=email)


@functools.cache  # one per process: its SQL is compiled once
def sheet_comments():
    """A sheet's approved comments, oldest first, as a list the sheet page reads in the sheet's
    own query (roles.models.sheet_page): `.annotation(db)`, then `.instances(rows, db)`."""
    comment = apps.get_model("visitors", "Comment")
    fields = ["id", "role_id", "parent_id", "name", "text", "created_at"]
    columns = Columns(comment, {name: name for name in fields})
    return PartList(columns, comment.objects.approved(), "role", ("created_at", "id"))


def threads(comments):
    """Top-level comments, each with its replies (`approved_replies`), from approved comments
    oldest first."""
    threads = {}
    replies = []
    for comment in comments:
        if comment.parent_id is None:
            comment.approved_replies = []
            threads[comment.pk] = comment
        else:
            replies.append(comment)
    for reply in replies:
        if reply.parent_id in threads:  # a reply to a comment not approved stays hidden
            threads[reply.parent_id].approved_replies.append(reply)
    return list(threads.values())


def thread_size(threads):
    """Number of comments in `threads()`, replies included."""
    return sum(1 + len(thread.approved_replies) for thread in threads)


def find_thread(threads, pk):
    """The thread of `threads` whose comment has this primary key (any type), or None."""
    return next((thread for thread in threads if str(thread.pk) == str(pk)), None)


DAY = timedelta(days=1)


class MailedAddressQuerySet(models.QuerySet):
    def claim(self, email):
        """The right to mail this visitor's address now; None if it was mailed in the last day.

        Returns the time recorded, for `release` if the mail then fails. One conditional UPDATE:
        two records from one address cannot both win.
        """
        key, now = self.model.key_of(email), timezone.now()
        self.get_or_create(key=key)
        free = Q(last_mailed_at__isnull=True) | Q(last_mailed_at__lt=now - DAY)
        return now if self.filter(free, key=key).update(last_mailed_at=now) else None

    def release(self, email, claimed_at):
        self.filter(key=self.model.key_of(email), last_mailed_at=claimed_at).update(
            last_mailed_at=None
        )
