"""YAML as editors write it, read safely and with positions.

Why a loader of our own: `yaml.safe_load` accepts alias bombs (a 306-byte file
expanding to millions of values), silently keeps the last of two duplicate keys,
reads `no` as false (so `lang: no` becomes a boolean) and crashes with a bare
ValueError on `2024-02-31`. Here every one of those is a YamlError with a line,
a column and an editor-facing hint, raised before anything is expanded.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

MAX_ALIASES = 20  # enough for hand-written reuse, far too few for a bomb
MAX_DEPTH = 50  # nested mappings/lists; libyaml's composer crashes the process on deep nesting

_Base: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class YamlError(Exception):
    """A YAML problem at a 1-based line/column of the YAML text."""

    message: str
    hint: str
    line: int
    col: int = 0
    code: str = "E120"  # E120 syntax, E121 duplicate key, E122 too many aliases / too deep, E123 tag, E124 date


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """Safe loader: YAML 1.2 booleans, duplicate keys refused, impossible dates reported."""

    line_offset = 0  # lines before the YAML text in its file (front matter: 1)

    yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
        for first, resolvers in _Base.yaml_implicit_resolvers.items()
    }

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict:
        seen: dict[str, int] = {}
        for key_node, _value in node.value:
            if isinstance(key_node, ScalarNode):
                if key_node.value in seen:
                    raise ConstructorError(
                        None, None,
                        f"duplicate key '{key_node.value}' (first on line {seen[key_node.value] + self.line_offset})",
                        key_node.start_mark)
                seen[key_node.value] = key_node.start_mark.line + 1
        return super().construct_mapping(node, deep)

    def construct_yaml_timestamp(self, node: ScalarNode) -> dt.date | dt.datetime:
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError) as exc:
            raise ConstructorError(None, None, f"impossible date '{node.value}' ({exc})",
                                   node.start_mark) from None


_Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                              list("tTfF"))
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)

# libyaml's wording (first) and PyYAML's, mapped to what an editor can act on.
_FRIENDLY: tuple[tuple[str, str, str], ...] = (
    ("cannot start any token", "a tab or a character YAML does not accept here",
     "indent with spaces, never tabs; put values starting with @ or ` in quotes"),
    ("mapping values are not allowed", "a ': ' inside a value",
     'put the value in double quotes, e.g. title: "Kiev : la visite de Barrot"'),
    ("while scanning a quoted scalar", "a quote is opened and never closed",
     "close the quote at the end of the value"),
    ("unknown escape", "an unknown backslash escape inside double quotes",
     "use single quotes, or write \\\\ for a backslash"),
    ("could not determine a constructor", "YAML tags such as !!python/object are not allowed",
     "remove the tag: front matter holds text, numbers, dates, lists and mappings only"),
    ("duplicate key", "", "keep one of the two lines"),
    ("impossible date", "", "check the day and the month"),
    ("expected <block end>", "bad indentation", "keys of the same level must start in the same column"),
    ("did not find expected key", "bad indentation", "keys of the same level must start in the same column"),
    ("expected <document start>", "bad indentation", "the first key must start in column 1"),
    ("did not find expected ',' or", "a list or mapping in brackets is not closed",
     "close it with ] or }, or quote the value"),
    ("did not find expected node content", "a value is missing or malformed",
     "check the brackets and quotes on this line"),
    ("found undefined alias", "a *name refers to no &name anchor", "quote the value if it starts with *"),
)


_CODES = {"duplicate key": "E121", "could not determine a constructor": "E123", "impossible date": "E124"}


def _friendly(exc: yaml.MarkedYAMLError, text: str, offset: int) -> YamlError:
    found = _explain(exc, text)
    found.line += offset if found.line else 0
    return found


def _explain(exc: yaml.MarkedYAMLError, text: str) -> YamlError:
    problem = exc.problem or ""
    mark = exc.problem_mark or exc.context_mark
    if "mapping values are not allowed" in problem and mark is not None:
        line = text.split("\n")[mark.line] if mark.line < text.count("\n") + 1 else ""
        if line[:1] == " " and line.find(": ") == mark.column:  # first ': ' of an indented line
            return YamlError("bad indentation: this key is indented under a key that already has a value",
                             "align it with the keys above it", mark.line + 1, mark.column + 1)
    for needle, message, hint in _FRIENDLY:
        if needle in problem or needle in (exc.context or ""):
            if needle == "while scanning a quoted scalar" and exc.context_mark is not None:
                mark = exc.context_mark  # where the quote was opened
            return YamlError(message or problem, hint, mark.line + 1 if mark else 0,
                             mark.column + 1 if mark else 0, _CODES.get(needle, "E120"))
    return YamlError(f"YAML syntax error: {problem}", "check this line and the one above it",
                     mark.line + 1 if mark else 0, mark.column + 1 if mark else 0)


def _prescan(text: str, offset: int) -> None:
    """Walk the parse events once: refuse alias bombs and deep nesting before composing anything."""
    aliases = 0
    depth = 0
    first_alias: Any = None
    loader = _Loader(text)
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.AliasEvent):
                aliases += 1
                if aliases > MAX_ALIASES:
                    raise YamlError(f"more than {MAX_ALIASES} YAML aliases (*name): refused",
                                    "write the values out; aliases can expand to millions of values",
                                    first_alias.line + 1 + offset, first_alias.column + 1, "E122")
                if aliases == 1:
                    first_alias = event.start_mark
            elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    raise YamlError(f"YAML nested more than {MAX_DEPTH} levels deep",
                                    "flatten the lists and mappings", event.start_mark.line + 1 + offset,
                                    event.start_mark.column + 1, "E122")
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    finally:
        loader.dispose()


def load_yaml(text: str, line_offset: int = 0) -> tuple[Any, Node | None]:
    """Parse one YAML document: (data, root node for positions). Raises YamlError.

    `line_offset` is the number of lines before `text` in its file: YamlError lines
    are file lines; node positions stay relative to `text`.
    """
    try:
        _prescan(text, line_offset)
        loader = _Loader(text)
        loader.line_offset = line_offset
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        raise _friendly(exc, text, line_offset) from None
    except yaml.YAMLError as exc:  # reader errors (control characters) carry a position too
        line = getattr(exc, "line", -1) + 1 + line_offset if hasattr(exc, "line") else 0
        raise YamlError(f"YAML cannot be read: {exc}", "remove control characters", line) from None
    return data, node


def key_nodes(node: Node | None) -> dict[str, tuple[ScalarNode, Node]]:
    """Top-level keys of a mapping node -> (key node, value node)."""
    if not isinstance(node, MappingNode):
        return {}
    return {k.value: (k, v) for k, v in node.value if isinstance(k, ScalarNode)}


def line_of(node: Node | None) -> int:
    """1-based line of a node (0 when unknown)."""
    return node.start_mark.line + 1 if node is not None else 0


def items(node: Node | None) -> list[Node]:
    """The item nodes of a sequence node (empty for anything else)."""
    return list(node.value) if isinstance(node, SequenceNode) else []
