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
