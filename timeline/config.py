"""content/timeline.yml + content/actors.yml -> Config, with a Problem for each mistake.

The schema tables below are the documentation of what the two files accept;
an unknown key is an error with a "did you mean" (a typo such as `timzone:`
must not silently fall back to the default).
"""

from __future__ import annotations

import re
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from timeline.content.schema import Spec, check_mapping
from timeline.content.source import read_source
from timeline.content.yamlload import YamlError, key_nodes, line_of, load_yaml
from timeline.model import Actor, Config, Kind, Origin, Problem
from timeline.problems import error

CONFIG_FILE = "timeline.yml"
ACTORS_FILE = "actors.yml"

CONFIG_SCHEMA = {
    "title": Spec("str", required=True),
    "description": Spec("str"),
    "language": Spec("str"),  # one of LANGUAGES
    "base_url": Spec("str"),  # "/" or "/repo/" (GitHub project sites)
    "timezone": Spec("str"),  # IANA name; bare dates and naive times are read in it
    "theme": Spec("str"),  # a folder of themes/
    "kinds": Spec("mapping"),  # key -> label shown to readers
    "max_body_kb": Spec("int"),  # an entry's body above this size is refused
    "require_offset": Spec("bool"),  # every `published` must say its UTC offset (sources in many zones)
}
ACTOR_SCHEMA = {
    "name": Spec("str", required=True),
    "aliases": Spec("list"),
}
LANGUAGES = ("fr", "en")
KEY = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")  # kind and actor keys appear in URLs

E_NO_CONTENT = "E100"
E_NO_CONFIG = "E101"
E_VALUE = "E106"


def _path(content_dir: Path, name: str) -> str:
    return (content_dir / name).as_posix()


def read_yaml_file(path: Path, display: str) -> tuple[object, object, list[Problem]]:
    """(data, root node, problems) of one YAML file; data is None on any error."""
    text, problems = read_source(path, display)
    if text is None:
        return None, None, problems
    try:
        data, node = load_yaml(text)
    except YamlError as exc:
        return None, None, [error(exc.code, exc.message, Origin(display, exc.line, exc.col), exc.hint)]
    return data, node, []


def _kinds(raw: dict, node, display: str) -> tuple[tuple[Kind, ...], list[Problem]]:
    kinds, problems = [], []
    positions = key_nodes(node)
    for key, label in raw.items():
        line = line_of(positions.get(str(key), (None,))[0])
        if not isinstance(key, str) or not KEY.fullmatch(key):
            problems.append(error(E_VALUE, f"kind key '{key}' must be lowercase letters, digits and dashes",
                                  Origin(display, line), "e.g. diplomatic: Diplomatie"))
        elif not isinstance(label, str) or not label.strip():
            problems.append(error(E_VALUE, f"kind '{key}' needs a label", Origin(display, line),
                                  f"e.g. {key}: {key.capitalize()}"))
        else:
            kinds.append(Kind(key, label.strip()))
    return tuple(kinds), problems


def _settings(checked, display: str) -> tuple[dict, list[Problem]]:
    values, lines, problems = checked.values, checked.lines, []
    out: dict = {}
    language = values.get("language", "fr")
    if language not in LANGUAGES:
        problems.append(error(E_VALUE, f"language '{language}' is not supported",
                              Origin(display, lines["language"]), f"use one of: {', '.join(LANGUAGES)}"))
    out["language"] = language
    timezone = values.get("timezone", "Europe/Paris")
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        problems.append(error(E_VALUE, f"unknown time zone '{timezone}'", Origin(display, lines["timezone"]),
                              "use an IANA name such as Europe/Paris or UTC"))
    out["timezone"] = timezone
    base_url = values.get("base_url", "/")
    if not base_url.startswith("/") or "//" in base_url or ".." in base_url.split("/"):
        problems.append(error(E_VALUE, f"base_url '{base_url}' must be a path starting with /",
                              Origin(display, lines["base_url"]), "e.g. / or /my-repo/ for a GitHub project site"))
    out["base_url"] = base_url if base_url.endswith("/") else base_url + "/"
    theme = values.get("theme", "default")
    if not KEY.fullmatch(theme.replace("_", "-")):
        problems.append(error(E_VALUE, f"theme '{theme}' must be a folder name", Origin(display, lines["theme"]),
                              "e.g. theme: default"))
    out["theme"] = theme
    max_kb = values.get("max_body_kb", 1024)
    if max_kb <= 0:
        problems.append(error(E_VALUE, "max_body_kb must be positive", Origin(display, lines["max_body_kb"]),
                              "e.g. max_body_kb: 1024"))
    out["max_body_bytes"] = max_kb * 1024
    out["require_offset"] = values.get("require_offset", False)
    return out, problems


def _actors(content_dir: Path) -> tuple[tuple[Actor, ...], list[Problem]]:
    path = content_dir / ACTORS_FILE
    if not path.exists():
        return (), []  # a timeline without actors is valid
    display = _path(content_dir, ACTORS_FILE)
    data, node, problems = read_yaml_file(path, display)
    if problems:
        return (), problems
    if data is None:
        return (), []
    if not isinstance(data, dict):
        return (), [error("E102", "actors.yml must map actor keys to {name, aliases}",
                          Origin(display, line_of(node)), "e.g. russie: {name: Russie, aliases: [Moscou]}")]
    actors: list[Actor] = []
    positions = key_nodes(node)
    for key, raw in data.items():
        key_node, value_node = positions.get(str(key), (None, None))
        line = line_of(key_node)
        if not isinstance(key, str) or not KEY.fullmatch(key):
            problems.append(error(E_VALUE, f"actor key '{key}' must be lowercase letters, digits and dashes",
                                  Origin(display, line), "e.g. coree-du-nord"))
            continue
        checked, found = check_mapping(raw, value_node, ACTOR_SCHEMA, display, 0, f"actor '{key}'")
        problems += found
        if checked is not None and not found:
            actors.append(Actor(key, checked.values["name"], tuple(checked.values.get("aliases", ()))))
    return tuple(actors), problems


def load_config(content_dir: str | Path) -> tuple[Config | None, list[Problem]]:
    """Read and validate timeline.yml and actors.yml of a content folder."""
    root = Path(content_dir)
    if not root.is_dir():
        return None, [error(E_NO_CONTENT, f"content folder '{root.as_posix()}' not found", Origin(root.as_posix()),
                            "run the command from your project folder, pass --content DIR, "
                            "or create a project with `timeline init DIR`")]
    display = _path(root, CONFIG_FILE)
    if not (root / CONFIG_FILE).is_file():
        return None, [error(E_NO_CONFIG, f"no {CONFIG_FILE} in the content folder", Origin(display),
                            "create it with title:, language:, timezone: (see `timeline init`)")]
    data, node, problems = read_yaml_file(root / CONFIG_FILE, display)
    if problems:
        return None, problems
    checked, problems = check_mapping(data, node, CONFIG_SCHEMA, display, 0, CONFIG_FILE)
    if checked is None:
        return None, problems
    settings, found = _settings(checked, display)
    problems += found
    kinds: tuple[Kind, ...] = ()
    if "kinds" in checked.values:
        kinds, found = _kinds(checked.values["kinds"], checked.nodes.get("kinds"), display)
        problems += found
    actors, found = _actors(root)
    problems += found
    if any(p.level == "error" for p in problems):
        return None, problems
    config = Config(title=checked.values["title"], description=checked.values.get("description", ""),
                    kinds=kinds, actors=actors, root=root.as_posix(),
                    origin=Origin(display, 1), **settings)
    return config, problems
