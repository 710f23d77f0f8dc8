"""The career map (/parcours/): each family's sheets drawn with the moves into and out of them."""

from dataclasses import dataclass
from itertools import groupby
from operator import attrgetter

from .charts import Job, columns_by_depth, layered_graph
from .models.search import folded
from .models.sheet_page import with_career_moves


@dataclass
class FamilyMap:
    family: object
    sheets: list  # the family's public sheets on this page
    moves: list  # the career moves into or out of them, each once
    graph: dict

    @property
    def sheets_without_moves(self):
        return [sheet for sheet in self.sheets if not moves_of(sheet)]


def family_maps(roles):
    """A FamilyMap for each family of these sheets (ordered by family): one query."""
    by_family = groupby(with_career_moves(roles), attrgetter("family"))
    return [family_map(family, list(sheets)) for family, sheets in by_family]


def moves_of(sheet):
    return [*sheet.incoming_moves.all(), *sheet.outgoing_moves.all()]


def job(sheet, title, role="other"):
    """A node of the graph: a sheet the public may open, else a plain title (a str key, never
    equal to a sheet's)."""
    if sheet:
        return Job(sheet.pk, sheet.title, sheet.get_absolute_url(), role)
    return Job(title, title, None, role)


def family_map(family, sheets):
    jobs = {sheet.pk: job(sheet, sheet.title, "member") for sheet in sheets}
    moves = {move.pk: move for sheet in sheets for move in moves_of(sheet)}.values()
    moves = sorted(moves, key=lambda move: (folded(move.source_name), folded(move.target_name)))
    links = []
    for move in moves:
        source = job(move.source_sheet, move.source_name)
        target = job(move.target_sheet, move.target_name)
        jobs.setdefault(source.key, source)
        jobs.setdefault(target.key, target)
        links.append((source.key, target.key, move.kind))
    graph = layered_graph(columns_by_depth(list(jobs.values()), links), links)
    return FamilyMap(family, sheets, moves, graph)
