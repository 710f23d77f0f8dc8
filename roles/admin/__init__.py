"""Staff screens: editors' (sheets and vocabularies) and recruiters' and moderators'."""

from . import editors, sheets, tags, vocabulary  # noqa: F401 - registers the screens
