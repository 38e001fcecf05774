"""The JSON Schema of wirewatch's public records, and validators for each record kind."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator

KINDS = ("article", "merged_event", "story", "event_mention")


@cache
def schema() -> dict[str, Any]:
    text = resources.files(__package__).joinpath("records.schema.json").read_text("utf-8")
    return dict(json.loads(text))


@cache
def validator(kind: str) -> Draft202012Validator:
    """A validator for one record kind: article, merged_event, story or event_mention."""
    if kind not in KINDS:
        raise ValueError(f"unknown record kind {kind!r}")
    whole = schema()
    return Draft202012Validator({"$ref": f"#/$defs/{kind}", "$defs": whole["$defs"]})


def errors(kind: str, record: dict[str, Any]) -> list[str]:
    """Every way the record breaks the schema, as readable lines (empty when it is valid)."""
    return [f"{'/'.join(map(str, e.absolute_path)) or '<record>'}: {e.message}"
            for e in validator(kind).iter_errors(record)]
