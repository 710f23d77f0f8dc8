"""Search over role sheets: French full text on PostgreSQL, folded substrings elsewhere."""

import difflib
import functools
import html
import re
import unicodedata

from django.conf import settings
from django.contrib.postgres.search import SearchVector, TrigramWordDistance
from django.db import connection, connections, models
from django.db.models import Q, Value
from django.utils import timezone
from django.utils.html import strip_tags

from roles.rendering import HIGHLIGHT_START, HIGHLIGHT_STOP, render_markdown

from .prepared import execute_prepared
from .rows import Columns

# Long texts left out of lists (cards show the title, family and summary only).
SEARCH_FIELDS = [
    "search_official",
    "search_content",
    "search_folded",
    "search_vector",
    "search_summary_vector",
]

# Made by migration 0005 on PostgreSQL: the French configuration, accents removed.
SEARCH_CONFIG = "french_unaccent"
SUGGESTION_THRESHOLD = 0.3
TYPO_RESULTS = 24
# ts_headline parses its whole text, at about 0.25 ms per 1,000 characters: an excerpt comes
# from the summary when it holds the query (search_summary_vector tells, without parsing),
# else from the summary and the first characters of the content (skills, then missions). A
# word found only further on shows the card's summary instead.
EXCERPT_SOURCE_CHARACTERS = 600
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


def has_field(model, name):
    """Whether `model` has this field: migrations call refresh_search_columns() with the
    historical models of their time, which lack the later columns."""
    return any(field.name == name for field in model._meta.fields)


def refresh_search_columns(roles):
    """Recompute the search columns of `roles` (a queryset of any Role model, even historical)."""
    columns = ["search_titles", "search_content", "search_folded"]
    with_codes = has_field(roles.model, "search_official")
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
        vectors = {"search_vector": search_vector(with_codes)}
        if has_field(model, "search_summary_vector"):  # from roles 0015 on
            vectors["search_summary_vector"] = SearchVector("summary", config=SEARCH_CONFIG)
        model.objects.filter(pk__in=[r.pk for r in roles]).update(**vectors)


def prefix_terms(query):
    """Every word of `query` as a word start, for to_tsquery: "directr" finds "directrice"."""
    return " & ".join(f"{word}:*" for word in re.findall(r"[^\W_]+", query))


# The full-text search is SQL of its own: on a search no cache answers, the ORM took longer
# to build and compile its queries than PostgreSQL took to run them.
TS_QUERIES = {
    "websearch": "websearch_to_tsquery(%(config)s, %(text)s)",  # words as typed, "quotes", -not
    "prefix": "to_tsquery(%(config)s, %(text)s)",  # prefix_terms()
}
# A page of matches, each with the number of all matches (`total`). ts_headline() reads its
# whole text and costs the most: PostgreSQL runs it after the LIMIT, for the page's sheets.
PAGE_SQL = """
    SELECT role.id, role.title, role.short_name, role.slug, role.title_in_english,
        role.summary, role.family_id, family.id AS family__id, family.name AS family__name,
        family.slug AS family__slug, COUNT(*) OVER () AS total,
        ts_headline(%(config)s, CASE WHEN role.search_summary_vector @@ query THEN role.summary
            ELSE LEFT(role.summary || E'\\n' || role.search_content, %(characters)s) END,
            query, %(headline_options)s) AS excerpt
    FROM roles_role role JOIN roles_family family ON family.id = role.family_id,
        {ts_query} query
    WHERE role.status = %(published)s AND role.published_at <= %(now)s
        AND role.search_vector @@ query
    ORDER BY ts_rank(role.search_vector, query) DESC, role.sort_title
    LIMIT %(limit)s OFFSET %(offset)s
"""
# One passage, the one with the most of the query's words: asking for two fragments made
# ts_headline half as slow again.
HEADLINE_OPTIONS = f"StartSel={HIGHLIGHT_START}, StopSel={HIGHLIGHT_STOP}, MaxWords=30, MinWords=12"


@functools.cache
def card_columns(role_model):
    """The columns of PAGE_SQL, as the cards of a list read them."""
    family_model = role_model._meta.get_field("family").related_model
    names = ["id", "title", "short_name", "slug", "title_in_english", "summary", "family_id"]
    sheet = Columns(role_model, {name: name for name in names})
    family = Columns(family_model, {name: name for name in ["id", "name", "slug"]})
    return sheet, family


class FullTextResults:
    """The published sheets a full-text query finds, best first, as a paginator reads them.

    The first page comes with the number of matches, in one query; another page (a slice)
    takes one more.
    """

    def __init__(self, model, kind, text, db, first_page_size=settings.ROLES_PER_PAGE):
        self.model, self.db = model, db
        self.sql = PAGE_SQL.format(ts_query=TS_QUERIES[kind])
        self.params = {
            "config": SEARCH_CONFIG,
            "text": text,
            "published": model.Status.PUBLISHED.value,
            "now": timezone.now(),
            "characters": EXCERPT_SOURCE_CHARACTERS,
            "headline_options": HEADLINE_OPTIONS,
        }
        self.first_rows = self._rows(0, first_page_size)
        self.count = self.first_rows[0]["total"] if self.first_rows else 0

    def __len__(self):
        return self.count

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop, _ = index.indices(self.count)
        if start == 0 and stop <= len(self.first_rows):
            rows = self.first_rows[:stop]
        else:
            rows = self._rows(start, max(stop - start, 0))
        return [self.card(row) for row in rows]

    def _rows(self, offset, limit):
        with connections[self.db].cursor() as cursor:
            params = self.params | {"offset": offset, "limit": limit}
            execute_prepared(connections[self.db], cursor, self.sql, params)
            names = [column.name for column in cursor.description]
            return [dict(zip(names, values, strict=True)) for values in cursor]

    def card(self, row):
        sheet_columns, family_columns = card_columns(self.model)
        sheet = sheet_columns.instance(row, self.db)
        sheet._state.fields_cache["family"] = family_columns.instance(row, self.db, "family__")
        sheet.excerpt = row["excerpt"]
        return sheet


def query_words(query):
    return [word for word in re.findall(r"\w+", folded(query)) if word not in STOP_WORDS]


class SearchQuerySetMixin:
    """Search methods of the Role queryset."""

    def refresh_search(self):
        """Bring the stored search document of these sheets up to date."""
        refresh_search_columns(self)

    def search(self, query):
        """The published sheets matching `query`, best first, each with an `excerpt` (or None).

        Call it on Role.objects: it searches every published sheet, whatever the queryset.
        On PostgreSQL, a sequence a paginator slices (FullTextResults) or a queryset.
        """
        if self.query.has_filters():
            raise TypeError("search() runs over every published sheet: call Role.objects.search()")
        if connection.vendor == "postgresql":
            return self._full_text_search(query)
        return self.published().for_list()._folded_search(query)

    def _full_text_search(self, query):
        # Cheapest first, each through its GIN index: whole words, then word starts
        # ("directr"), then trigrams for typos ("operatons"), which cost the most.
        for kind, text in [("websearch", query), ("prefix", prefix_terms(query))]:
            if text:
                results = FullTextResults(self.model, kind, text, self.db)
                if results.count:
                    return results
        # Typos: the titles nearest the query, one page of them, straight from the index.
        distance = TrigramWordDistance(Value(folded(query)), "search_titles")
        return (
            self.published()
            .for_list()
            .filter(search_titles__trigram_word_similar=folded(query))
            .annotate(rank=distance, excerpt=Value(None, models.TextField()))
            .order_by("rank", "sort_title")[:TYPO_RESULTS]
        )

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
