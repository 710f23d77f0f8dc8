"""Geometry of the server-drawn charts and graphs: positions in percent or in SVG units, for
SVG attributes (no styles)."""

import math
from collections import deque
from typing import NamedTuple


class Bar(NamedTuple):
    """One horizontal bar: where it starts, how wide it is, where its typical mark sits (%)."""

    start: float
    width: float
    typical: float


def nice_ceiling(amount):
    """A round upper bound for an axis: 87 000 -> 90 000, 4 200 -> 5 000."""
    if amount <= 0:
        return 1
    step = 10 ** (len(str(int(amount))) - 1)
    return -(-int(amount) // step) * step


def percent(amount, scale):
    return round(100 * amount / scale, 1)


def bar(figures, scale):
    """The bar of SalaryFigures (minimum, typical, maximum) on an axis from 0 to `scale`."""
    low = figures.minimum if figures.minimum is not None else figures.typical
    high = figures.maximum if figures.maximum is not None else figures.typical
    start = percent(low, scale)
    return Bar(start, round(percent(high, scale) - start, 1), percent(figures.typical, scale))


def salary_bars(salaries):
    """(salary, Bar) for each salary of a sheet, on a shared yearly axis, and the axis end."""
    yearly = [salary.gross_yearly for salary in salaries]
    scale = nice_ceiling(max((f.maximum or f.typical for f in yearly), default=0))
    return [(s, bar(f, scale)) for s, f in zip(salaries, yearly, strict=True)], scale


# Graphs of career moves (the pathfinder's, the career map's): columns of jobs from left to
# right, in SVG units; a column with no job takes no room.
NODE_WIDTH, NODE_HEIGHT, ROW, COLUMN = 210, 36, 48, 245
GAP = COLUMN - NODE_WIDTH
LABEL_CHARACTERS = 28


class Job(NamedTuple):
    """What a graph draws as one node: `key` tells it apart, `url` is None for a plain title."""

    key: object
    title: str
    url: str | None
    role: str  # its style: "before", "start", "destination", "member" or "other"


class Node(NamedTuple):
    x: int
    y: int
    label: str
    title: str
    url: str | None
    role: str


class Edge(NamedTuple):
    path: str  # SVG path data
    kind: str
    head: str  # the arrowhead's path data


def edge_to(path, x, y, kind):
    """An edge reaching (x, y), the middle of a node's left side, from the left."""
    return Edge(path, kind, f"M{x - 8},{y - 4} L{x},{y} L{x - 8},{y + 4} Z")


def short_label(title):
    if len(title) <= LABEL_CHARACTERS:
        return title
    return title[: LABEL_CHARACTERS - 1].rstrip() + "…"


def layered_graph(columns, links):
    """Nodes and edges of `columns` (lists of Jobs, left to right) joined by `links`
    ((source key, target key, kind)); a second link between the same two jobs is not drawn."""
    used = [column for column in columns if column]
    nodes, anchors = [], {}
    for number, column in enumerate(used):
        x = 10 + COLUMN * number
        for row, job in enumerate(column):
            y = 20 + row * ROW
            anchors[job.key] = (x, y + NODE_HEIGHT // 2)
            nodes.append(Node(x, y, short_label(job.title), job.title, job.url, job.role))

    def edge(source, target, kind):
        (x1, y1), (x2, y2) = anchors[source], anchors[target]
        x1 += NODE_WIDTH
        if x2 - x1 == GAP:  # to the next column: one curve across the gap
            middle = x1 + GAP // 2
            return edge_to(f"M{x1},{y1} C{middle},{y1} {middle},{y2} {x2},{y2}", x2, y2, kind)
        # Further or back: along the gutter between two rows, where no node stands.
        gutter = y1 + ROW // 2 if y2 >= y1 else y1 - ROW // 2
        path = (
            f"M{x1},{y1} C{x1 + 5},{y1} {x1 + 5},{gutter} {x1 + 10},{gutter} H{x2 - 10} "
            f"C{x2 - 5},{gutter} {x2 - 5},{y2} {x2},{y2}"
        )
        return edge_to(path, x2, y2, kind)

    unique = {(source, target): kind for source, target, kind in links}
    return {
        "width": 20 + COLUMN * (len(used) - 1) + NODE_WIDTH if used else 0,
        "height": 40 + max((len(column) for column in used), default=0) * ROW,
        "node_width": NODE_WIDTH,
        "node_height": NODE_HEIGHT,
        "nodes": nodes,
        "edges": [edge(source, target, kind) for (source, target), kind in unique.items()],
    }


def path_graph(result):
    """The graph of a Pathfinder result (roles.pathfinder): before -> start -> one move ->
    two moves, one node a sheet."""
    columns = [[], [], [], []]
    placed = set()

    def place(sheet, column, role):
        if sheet.pk not in placed:
            placed.add(sheet.pk)
            columns[column].append(Job(sheet.pk, sheet.title, sheet.url, role))

    for sheet in result.starts:
        place(sheet, 1, "start")
    for step in result.before:
        place(step.source, 0, "before")
    for destination in result.destinations:
        for column, step in enumerate(destination.path, start=2):
            place(step.target, column, "destination")
    steps = [*result.before, *(step for d in result.destinations for step in d.path)]
    return layered_graph(columns, [(s.source.pk, s.target.pk, s.kind) for s in steps])


def columns_by_depth(jobs, links):
    """Jobs in columns, each right of every job leading to it (a link closing a cycle aside),
    each column ordered by where the jobs leading to its jobs stand, to cross fewer links."""
    following = {job.key: [] for job in jobs}
    preceding = {job.key: [] for job in jobs}
    for source, target, _ in links:
        following[source].append(target)
        preceding[target].append(source)
    waiting = {key: len(sources) for key, sources in preceding.items()}
    depth = dict.fromkeys(following, 0)
    left = dict.fromkeys(following)  # jobs not placed yet, in their given order
    ready = deque(key for key in left if not waiting[key])
    while left:
        key = ready.popleft() if ready else next(iter(left))  # none ready: a cycle, broken here
        del left[key]
        for target in following[key]:
            if target in left:
                depth[target] = max(depth[target], depth[key] + 1)
                waiting[target] -= 1
                if not waiting[target]:
                    ready.append(target)

    columns, row = [[] for _ in range(max(depth.values(), default=-1) + 1)], {}

    def rows_before(job):
        rows = [row[source] for source in preceding[job.key] if source in row]
        return sum(rows) / len(rows) if rows else math.inf

    for job in jobs:
        columns[depth[job.key]].append(job)
    for column in columns:
        column.sort(key=rows_before)  # stable: the given order among equals
        row.update((job.key, number) for number, job in enumerate(column))
    return columns
