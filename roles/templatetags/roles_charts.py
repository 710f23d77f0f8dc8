from django import template

from roles.charts import percent, salary_bars

register = template.Library()


@register.simple_tag
def salary_chart(salaries):
    """{% salary_chart salaries as chart %}: chart.bars [(salary, Bar)] and chart.scale (€)."""
    bars, scale = salary_bars(list(salaries))
    return {"bars": bars, "scale": scale}


@register.filter
def percent_of(amount, scale):
    return percent(amount or 0, scale)


@register.filter
def minus(amount, other):
    return (amount or 0) - (other or 0)
