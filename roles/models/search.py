"""Search over role sheets: French full text on PostgreSQL, folded substrings elsewhere."""

import difflib
import html
import re
import unicodedata

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
    TrigramWordDistance,
)
from django.db import connection, models
from django.db.models import F, Q, Value
from django.db.models.functions import Concat, Left
from django.utils.html import strip_tags

from roles.rendering import HIGHLIGHT_START, HIGHLIGHT_STOP, render_markdown

# Long texts left out of lists (cards show the title, family and summary only).
SEARCH_FIELDS = ["search_official", "search_content", "search_folded", "search_vector"]

# Made by migration 0005 on PostgreSQL: the French configuration, accents removed.
SEARCH_CONFIG = "french_unaccent"
SUGGESTION_THRESHOLD = 0.3
TYPO_RESULTS = 24
# ts_headline reads its whole text: excerpts come from the summary and the first characters of
# the content (skills, missions, then the introduction). A word found only further on shows
# the card's summary instead.
EXCERPT_SOURCE_CHARACTERS = 1000
# Words the SQLite fallback ignores, as PostgreSQL's French dictionary does.
STOP_WORDS = set("a au aux d de des du en et l la le les ou pour un une".split())


def folded(text):
    """Lower-case text without accents: "Éditeur" -> "editeur"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def plain_text(text):
    """Text safe to store for search: no markup, no control characters."""
    return re.sub(r"[\x00-\x08\x0b-\x1f]", " ", text)


def official_titles(role):
    """The titles the official lists give the sheet's codes: ROME titles, ESCO labels."""
    titles = []
    if role.rome_code_id:
        titles += [title.label for title in role.rome_code.titles.all()]
    if role.esco_uri_id:
        titles += [role.esco_uri.label, role.esco_uri.alternative_labels]
    return "\n".join(titles)


def search_fields(role, with_codes=True):
    """The stored search columns of one sheet, from its (prefetched) parts."""
    titles = " ".join([role.title, role.short_name, role.alternative_titles])
    official = folded(official_titles(role)) if with_codes else ""
    introduction = html.unescape(strip_tags(render_markdown(role.introduction)))
    missions = [mission.text for mission in role.missions.all()]
    skills = [role_skill.skill.name for role_skill in role.role_skills.all()]
    content = plain_text("\n".join([*skills, *missions, introduction]))
    return {
        "search_titles": folded(titles),
        "search_official": official,
        "search_content": content,
        "search_folded": folded(" ".join([titles, role.summary, content])) + "\n" + official,
    }


def search_vector(with_codes=True):
    """The weighted document: titles first, then official titles and summary, then the rest."""
    vector = SearchVector("search_titles", weight="A", config=SEARCH_CONFIG)
    if with_codes:
        vector += SearchVector("search_official", weight="B", config=SEARCH_CONFIG)
    return (
        vector
        + SearchVector("summary", weight="B", config=SEARCH_CONFIG)
        + SearchVector("search_content", weight="C", config=SEARCH_CONFIG)
    )


def refresh_search_columns(roles):
    """Recompute the search columns of `roles` (a queryset of any Role model, even historical)."""
    columns = ["search_titles", "search_content", "search_folded"]
    with_codes = any(field.name == "search_official" for field in roles.model._meta.fields)
    if with_codes:  # historical models before roles 0010 have neither codes nor the column
        columns.append("search_official")
        roles = roles.select_related("esco_uri").prefetch_related("rome_code__titles")
    roles = list(roles.prefetch_related("missions", "role_skills__skill"))
    for role in roles:
        fields = search_fields(role, with_codes)
        for name in columns:
            setattr(role, name, fields[name])
    if not roles:
        return
    model = roles[0].__class__
    model.objects.bulk_update(roles, columns, 500)
    if connection.vendor == "postgresql":
        model.objects.filter(pk__in=[r.pk for r in roles]).update(
            search_vector=search_vector(with_codes)
        )


def prefix_query(query):
    """Every word of `query` as a word start: "directr" finds "directrice"."""
    words = re.findall(r"[^\W_]+", query)
    if not words:
        return SearchQuery("", config=SEARCH_CONFIG)
    return SearchQuery(
        " & ".join(f"{word}:*" for word in words), search_type="raw", config=SEARCH_CONFIG
    )


def excerpt(ts_query):
    """Summary and content around the matched words, marked for highlighting."""
    text = Concat("summary", Value("\n"), "search_content", output_field=models.TextField())
    return SearchHeadline(
        Left(text, EXCERPT_SOURCE_CHARACTERS),
        ts_query,
        config=SEARCH_CONFIG,
        start_sel=HIGHLIGHT_START,
        stop_sel=HIGHLIGHT_STOP,
        max_words=30,
        min_words=12,
        max_fragments=2,
        fragment_delimiter=" … ",
    )


def query_words(query):
    return [word for word in re.findall(r"\w+", folded(query)) if word not in STOP_WORDS]


class SearchQuerySetMixin:
    """Search methods of the Role queryset."""

    def refresh_search(self):
        """Bring the stored search document of these sheets up to date."""
        refresh_search_columns(self)

    def search(self, query):
        """Sheets matching `query`, best first, each with an `excerpt` (or None)."""
        return self.search_counted(query)[0]

    def search_counted(self, query):
        """search(), and how many sheets it finds when that was counted on the way (or None)."""
        if connection.vendor == "postgresql":
            return self._full_text_search(query)
        return self._folded_search(query), None

    def _full_text_search(self, query):
        # Cheapest first, each through its GIN index: whole words, then word starts
        # ("directr"), then trigrams for typos ("operatons"), which cost the most.
        for ts_query in [
            SearchQuery(query, search_type="websearch", config=SEARCH_CONFIG),
            prefix_query(query),
        ]:
            matches = self.filter(search_vector=ts_query)
            count = matches.count()  # exists() would scan the table: LIMIT 1 defeats the index
            if count:
                rank = SearchRank(F("search_vector"), ts_query)
                ranked = matches.annotate(rank=rank, excerpt=excerpt(ts_query))
                return ranked.order_by("-rank", "sort_title"), count
        # Typos: the titles nearest the query, one page of them, straight from the index.
        distance = TrigramWordDistance(Value(folded(query)), "search_titles")
        typos = (
            self.filter(search_titles__trigram_word_similar=folded(query))
            .annotate(rank=distance, excerpt=Value(None, models.TextField()))
            .order_by("rank", "sort_title")[:TYPO_RESULTS]
        )
        return typos, None

    def _folded_search(self, query):
        words = query_words(query) or [folded(query).strip()]
        in_text = Q()
        in_titles = Q()
        for word in words:
            in_text &= Q(search_folded__contains=word)
            in_titles &= Q(search_titles__contains=word)
        # Then sheets one of whose official titles holds the query as typed.
        in_official = Q(search_official__contains=" ".join(folded(query).split()))
        title_first = models.Case(
            models.When(in_titles, then=0), models.When(in_official, then=1), default=2
        )
        return (
            self.filter(in_text)
            .annotate(rank=title_first, excerpt=Value(None, models.TextField()))
            .order_by("rank", "sort_title")
        )

    def suggestion(self, query):
        """Something close to a query that found nothing ("did you mean"), or None.

        A sheet's title first; else one of the official titles of the sheets' ROME codes.
        """
        if connection.vendor == "postgresql":
            distance = TrigramWordDistance(Value(folded(query)), "search_titles")
            nearest = self.annotate(distance=distance).order_by("distance")
            best = nearest.values_list("title", "distance").first()
            if best and best[1] < 1 - SUGGESTION_THRESHOLD:
                return best[0]
            return self._nearest_official_title(query)
        rows = self.values_list("search_titles", "search_official")
        vocabulary = {word for row in rows for text in row for word in text.split()}
        words = query_words(query)
        # Each word replaced by the closest title word; words close to nothing are dropped.
        corrected = [
            close[0]
            for close in (difflib.get_close_matches(w, vocabulary, n=1, cutoff=0.7) for w in words)
            if close
        ]
        return " ".join(corrected) if corrected and corrected != words else None

    def _nearest_official_title(self, query):
        from ..referentials.models import RomeTitle

        titles = RomeTitle.objects.filter(rome__roles__in=self.values("pk"))
        distance = TrigramWordDistance(Value(folded(query)), "folded_label")
        nearest = titles.annotate(distance=distance).order_by("distance", "folded_label")
        best = nearest.values_list("masculine", "distance").first()
        return best[0] if best and best[1] < 1 - SUGGESTION_THRESHOLD else None
