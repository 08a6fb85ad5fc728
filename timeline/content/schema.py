"""One small schema engine for every YAML mapping editors write.

timeline.yml, each actor of actors.yml, each entry's front matter and each of
its `events:` items are checked by the same code, so that an unknown key, a
missing field or a wrong type reads the same everywhere: the file, the line of
the key, what was expected, and a "did you mean" when a known key is close.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from yaml.nodes import Node, ScalarNode

from timeline.content.yamlload import key_nodes, line_of
from timeline.model import Origin, Problem
from timeline.problems import error, suggest

E_NOT_MAPPING = "E102"
E_UNKNOWN_KEY = "E103"
E_MISSING = "E104"
E_TYPE = "E105"

_KIND_WORDS = {
    "str": "a text",
    "bool": "true or false",
    "list": "a list of texts, e.g. [a, b]",
    "mapping": "a mapping of keys to values",
    "records": "a list of mappings",
    "date": "a date (YYYY-MM-DD) or a date and time with offset (2024-10-18T14:20:00+02:00)",
    "int": "a whole number",
}


_SHAPES = {dict: "a mapping", list: "a list"}


@dataclass(frozen=True)
class Spec:
    kind: str  # one of _KIND_WORDS
    required: bool = False


@dataclass
class Checked:
    """Validated values (absent optional keys are missing) and the line of every key."""

    values: dict[str, Any]
    lines: dict[str, int]
    nodes: dict[str, Node]


def _as_text(value: Any, node: Node | None) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool) and isinstance(node, ScalarNode):
        return node.value  # `title: 1984` stays "1984" as written
    return None


def _convert(kind: str, value: Any, node: Node | None) -> tuple[bool, Any]:
    if kind == "str":
        text = _as_text(value, node)
        return text is not None, text
    if kind == "bool":
        return isinstance(value, bool), value
    if kind == "int":
        return isinstance(value, int) and not isinstance(value, bool), value
    if kind == "list":
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            value, node = [value], None
        if not isinstance(value, list):
            return False, None
        subnodes = list(node.value) if node is not None and hasattr(node, "value") else [None] * len(value)
        texts = [_as_text(v, n) for v, n in zip(value, subnodes)]
        return all(t is not None for t in texts), tuple(texts)
    if kind == "mapping":
        return isinstance(value, dict), value
    if kind == "records":
        return isinstance(value, list) and all(isinstance(v, dict) for v in value), value
    if kind == "date":
        return isinstance(value, (dt.date, str)), value
    raise ValueError(kind)


def check_mapping(data: Any, node: Node | None, schema: dict[str, Spec], display: str,
                  line_offset: int, what: str) -> tuple[Checked | None, list[Problem]]:
    """Validate one mapping against `schema`; lines are shifted by `line_offset`."""
    if data is None:  # an empty file or block: report the missing keys, not a type
        data = {}
    if not isinstance(data, dict):
        got = _SHAPES.get(type(data), f"'{data}'")
        return None, [error(E_NOT_MAPPING, f"{what} must be a mapping of 'key: value' lines, not {got}",
                            Origin(display, line_of(node) + line_offset if node else 0),
                            "write one 'key: value' per line")]
    problems: list[Problem] = []
    positions = key_nodes(node)
    checked = Checked({}, {}, {})
    base_line = line_of(node) + line_offset if node is not None else max(line_offset, 1)
    for key in data:
        key_node, value_node = positions.get(str(key), (None, None))
        line = line_of(key_node) + line_offset if key_node is not None else base_line
        if str(key) not in schema:
            hint = suggest(str(key), schema) or f"known keys: {', '.join(sorted(schema))}"
            problems.append(error(E_UNKNOWN_KEY, f"unknown key '{key}' in {what}", Origin(display, line), hint))
            continue
        spec = schema[str(key)]
        value = data[key]
        checked.lines[str(key)] = line
        if value_node is not None:
            checked.nodes[str(key)] = value_node
        if value is None:
            if spec.required:
                problems.append(error(E_MISSING, f"'{key}' has no value", Origin(display, line),
                                      f"write {key}: followed by {_KIND_WORDS[spec.kind]}"))
            continue
        ok, converted = _convert(spec.kind, value, value_node)
        if not ok:
            shown = f"'{value_node.value}'" if isinstance(value_node, ScalarNode) else _SHAPES.get(
                type(value), type(value).__name__)
            problems.append(error(E_TYPE, f"'{key}' must be {_KIND_WORDS[spec.kind]}, not {shown}",
                                  Origin(display, line), _type_hint(spec.kind, key)))
            continue
        checked.values[str(key)] = converted
    for key, spec in schema.items():
        if spec.required and key not in data:
            problems.append(error(E_MISSING, f"missing '{key}' in {what}", Origin(display, base_line),
                                  f"add a line {key}: ({_KIND_WORDS[spec.kind]})"))
    return checked, problems


def _type_hint(kind: str, key: str) -> str:
    if kind == "bool":
        return f"write {key}: true or {key}: false"
    if kind == "str":
        return f'put the value in double quotes: {key}: "…"'
    return f"write {key}: followed by {_KIND_WORDS[kind]}"
