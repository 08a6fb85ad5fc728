"""The package's own YAML data files (word lists, rules, places, feasts, UI strings), read one way.

Why a module of its own: the modules that ship their knowledge as YAML each opened, parsed
and checked their file in a few lines of their own, and a maintainer who broke one got a
bare yaml traceback or a KeyError far from the file. Here a broken file is one error
worded `file:line[:col]: what — hint`. A duplicate key, which YAML would silently resolve
by keeping the last one (a word losing its value), is refused too.

Editors' files (front matter, timeline.yml) go through content/yamlload.py instead: it
also refuses alias bombs and reads `no` as text, which trusted package files need not.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode, Node, ScalarNode
from yaml.reader import ReaderError

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

LINE_KEY = "__line__"  # with lines=True, every mapping holds its own 1-based line under this key
_TYPE_NAMES = {dict: "a mapping", list: "a list", str: "a text"}
# the parser's wording -> what a maintainer can do about it (the first that matches)
_HINTS = (
    ("tab character", "indent with spaces, never tabs"),
    ("mapping values are not allowed", 'a value holding ": " must be quoted'),
    ("quoted scalar", "close the quote opened on this line"),
    ("flow", "close the [ or { opened on this line, or quote the value holding a comma"),
    ("duplicate key", "keep one of the two entries"),
    ("alias", "define the &anchor before any *alias to it"),
)
_HINT = "check the indentation and the quotes on this line and the one above"


class DataFileError(ValueError):
    """One of the package's data files is broken; the message names the file and the line."""


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Safe loader (the C one when available: start-up time) that refuses duplicate keys."""

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[tuple[str, str], int] = {}  # (tag, text): "1" and 1 are two keys
        for key, _value in node.value:
            if isinstance(key, ScalarNode) and key.tag != "tag:yaml.org,2002:merge":
                if (key.tag, key.value) in seen:
                    raise ConstructorError(None, None, f"duplicate key '{key.value}' (first on line "
                                           f"{seen[key.tag, key.value]})", key.start_mark)
                seen[key.tag, key.value] = key.start_mark.line + 1
        return super().construct_mapping(node, deep)


class _LineLoader(_Loader):
    """The same, recording each mapping's line under LINE_KEY."""


def _mapping_with_line(loader: _LineLoader, node: MappingNode) -> dict[Any, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping[LINE_KEY] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


def read_data(path: Path | Traversable, expect: type = dict, *, keys: Mapping[str, type] | None = None,
              lines: bool = False, error: type[DataFileError] = DataFileError) -> Any:
    """The YAML document of a package data file: `expect` at the top (an empty file is an empty
    one), holding every name of `keys` with a value of its type. `lines=True` adds LINE_KEY to
    every mapping, for the caller's own messages. Raises `error` naming the file and the line."""
    def fail(line: int, col: int, message: str, hint: str) -> DataFileError:
        where = f"{path}:{line}:{col}" if col else f"{path}:{line}" if line else str(path)
        return error(f"{where}: {message} — {hint}")

    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise fail(0, 0, f"cannot be read ({exc.strerror})", "the package is incomplete: reinstall it") \
            from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise fail(raw.count(b"\n", 0, exc.start) + 1, 0, f"not UTF-8 (byte {raw[exc.start]:#04x})",
                   "save the file as UTF-8") from None
    loader = (_LineLoader if lines else _Loader)(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else expect()
    except yaml.MarkedYAMLError as exc:
        context = exc.context or ""
        opened = "quoted scalar" in context or "flow" in context  # point at the opening, not the end
        mark = (exc.context_mark if opened else None) or exc.problem_mark or exc.context_mark
        problem = " ".join(filter(None, (exc.context, exc.problem)))
        hint = next((h for needle, h in _HINTS if needle in problem), _HINT)
        raise fail(mark.line + 1 if mark else 0, mark.column + 1 if mark else 0,
                   f"not valid YAML: {problem}", hint) from None
    except ReaderError as exc:  # a control character: the reader knows its position
        line_start = text.rfind("\n", 0, exc.position) + 1
        raise fail(text.count("\n", 0, exc.position) + 1, exc.position - line_start + 1,
                   f"a control character (U+{_code_point(exc.character):04X})",
                   "remove it; YAML files hold printable text only") from None
    except yaml.YAMLError as exc:  # none known without a position; kept so that none escapes as a traceback
        raise fail(0, 0, f"not valid YAML: {' '.join(str(exc).split())}", _HINT) from None
    finally:
        loader.dispose()
    if not isinstance(data, expect):
        raise fail(_line(node), 0, f"expected {_name(expect)} at the top, found {_name(type(data))}",
                   "compare the top of the file with the version in git")
    for name, kind in (keys or {}).items():
        if name not in data:
            raise fail(_line(node), 0, f"no '{name}:' ({_name(kind)}) at the top",
                       "the code reads it: add it, or restore it from git")
        if not isinstance(data[name], kind):
            raise fail(_line(_key_node(node, name)), 0,
                       f"'{name}:' must be {_name(kind)}, not {_name(type(data[name]))}",
                       "check its indentation and brackets against the version in git")
    return data


def _code_point(character: int | str) -> int:
    return character if isinstance(character, int) else ord(character)  # libyaml gives an int


def _name(kind: type) -> str:
    return _TYPE_NAMES.get(kind, kind.__name__)


def _line(node: Node | None) -> int:
    return node.start_mark.line + 1 if node is not None else 1


def _key_node(root: Node | None, name: str) -> Node | None:
    if isinstance(root, MappingNode):
        return next((k for k, _ in root.value if isinstance(k, ScalarNode) and k.value == name), root)
    return root
