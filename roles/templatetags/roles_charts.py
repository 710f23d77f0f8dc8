from django import template

from roles.charts import percent
from roles.rendering import salary_chart

register = template.Library()


register.simple_tag(salary_chart)


@register.filter
def percent_of(amount, scale):
    return percent(amount or 0, scale)


@register.filter
def minus(amount, other):
    return (amount or 0) - (other or 0)
