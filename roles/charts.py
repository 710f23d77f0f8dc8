"""Geometry of the server-drawn charts: positions in percent, for SVG attributes (no styles)."""

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


# The pathfinder's graph: columns before -> start -> one move -> two moves, in SVG units;
# a column with no node takes no room.
NODE_WIDTH, NODE_HEIGHT, ROW, COLUMN = 210, 36, 48, 245
LABEL_CHARACTERS = 28


class Node(NamedTuple):
    x: int
    y: int
    label: str
    title: str
    url: str
    role: str  # "before", "start" or "destination"


class Edge(NamedTuple):
    path: str  # SVG path data
    kind: str


def short_label(title):
    if len(title) <= LABEL_CHARACTERS:
        return title
    return title[: LABEL_CHARACTERS - 1].rstrip() + "…"


def path_graph(result):
    """Nodes and edges of a Pathfinder result (roles.pathfinder), one node a sheet."""
    columns = [[], [], [], []]
    placed = {}  # sheet id -> (column, row)

    def place(sheet, column, role):
        if sheet.pk not in placed:
            placed[sheet.pk] = (column, len(columns[column]))
            columns[column].append((sheet, role))

    for sheet in result.starts:
        place(sheet, 1, "start")
    for step in result.before:
        place(step.source, 0, "before")
    for destination in result.destinations:
        for column, step in enumerate(destination.path, start=2):
            place(step.target, column, "destination")

    used = [number for number, column in enumerate(columns) if column]
    x_of = {number: 10 + COLUMN * used.index(number) for number in used}
    nodes = [
        Node(x_of[number], 20 + row * ROW, short_label(sheet.title), sheet.title, sheet.url, role)
        for number in used
        for row, (sheet, role) in enumerate(columns[number])
    ]

    def anchor(pk, side):
        column, row = placed[pk]
        x = x_of[column] + (NODE_WIDTH if side == "out" else 0)
        return x, 20 + row * ROW + NODE_HEIGHT // 2

    def edge(step):
        (x1, y1), (x2, y2) = anchor(step.source.pk, "out"), anchor(step.target.pk, "in")
        middle = (x1 + x2) // 2
        return Edge(f"M{x1},{y1} C{middle},{y1} {middle},{y2} {x2},{y2}", step.kind)

    steps = [*result.before, *(step for d in result.destinations for step in d.path)]
    unique = {(step.source.pk, step.target.pk): step for step in steps}
    rows = max(len(column) for column in columns)
    return {
        "width": 20 + COLUMN * (len(used) - 1) + NODE_WIDTH,
        "height": 40 + rows * ROW,
        "node_width": NODE_WIDTH,
        "node_height": NODE_HEIGHT,
        "nodes": nodes,
        "edges": [edge(step) for step in unique.values()],
    }
