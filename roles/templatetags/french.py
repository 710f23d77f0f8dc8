"""French on the page: counts (« Aucune fiche », « 1 fiche », « 2 fiches »), English titles."""

from django import template

from roles.rendering import lang_title

register = template.Library()


@register.filter
def count(number, forms):
    """`forms` is "none,one,many": {{ n|count:"Aucune fiche,fiche,fiches" }}.

    French puts 0 and 1 in the singular, and says « Aucune » rather than « 0 ».
    """
    none, one, many = forms.split(",")
    number = int(number or 0)
    if number == 0:
        return none
    return f"{number}\u00a0{one if number == 1 else many}"


register.filter("lang_title", lang_title)
