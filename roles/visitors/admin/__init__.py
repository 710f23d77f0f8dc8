"""Recruiters' and moderators' screens."""

from . import comments, requests  # noqa: F401 - registers the screens
