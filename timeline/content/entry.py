"""One entry file's text -> Entry, with a Problem for every field an editor got wrong.

FRONT_MATTER below is the list of fields an entry accepts (the editor guide in
docs/ documents the same table). Each Problem points at the line of the key.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from timeline.content.frontmatter import split
from timeline.content.schema import Checked, Spec, check_mapping
from timeline.content.yamlload import YamlError, items, line_of, load_yaml
from timeline.model import Config, Entry, EventOverride, Origin, Problem, Review
from timeline.problems import error, suggest
from timeline.text import MAX_NESTING, TooDeep, plain_text, render_body

FRONT_MATTER = {
    "title": Spec("str", required=True),
    "published": Spec("date", required=True),  # a bare date or naive time is read in config.timezone
    "source": Spec("str", required=True),  # the outlet: "Europe 1"
    "url": Spec("str"),  # http(s) only
    "lang": Spec("str"),  # fr | en; default: the site's language
    "tags": Spec("list"),
    "actors": Spec("list"),  # keys of actors.yml
    "draft": Spec("bool"),  # drafts are built only with --drafts
    "events": Spec("records"),  # add or correct events (EVENT below)
    "ignore": Spec("list"),  # phrases that must not become events
    "reviewed": Spec("records"),  # `timeline check` warnings looked at (REVIEWED below)
}
EVENT = {
    "date": Spec("date", required=True),  # "2024-06-19", or a phrase read against `published`
    "title": Spec("str"),
    "kind": Spec("str"),  # a key of timeline.yml `kinds`
    "actors": Spec("list"),
    "quote": Spec("str"),  # the sentence the event comes from
}
REVIEWED = {
    "sentence": Spec("str", required=True),  # the start of the sentence whose dates were checked
    "note": Spec("str"),
}
LANGUAGES = ("fr", "en")
URL_SCHEMES = ("http", "https")

E_BODY_TOO_LARGE = "E134"
E_PUBLISHED = "E139"
E_FUTURE = "E140"
E_URL = "E141"
E_LANG = "E142"
E_ACTOR = "E143"
E_KIND = "E144"
E_TOO_DEEP = "E147"
E_EMPTY_VALUE = "E148"
E_NO_OFFSET = "E149"

_DATE_HINT = "write published: 2024-10-18, or 2024-10-18T14:20:00+02:00 with the time"


def _published(value: object, config: Config, where: Origin) -> tuple[dt.datetime | None, list[Problem]]:
    tz = config.timezone
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value.strip())
        except ValueError:
            return None, [error(E_PUBLISHED, f"cannot read published date '{value}'", where, _DATE_HINT)]
    if config.require_offset and not (isinstance(value, dt.datetime) and value.tzinfo):
        return None, [error(E_NO_OFFSET, f"published {value.isoformat()} has no UTC offset, and "
                            "timeline.yml requires one (require_offset: true)", where,
                            f"write the time with its offset, e.g. published: {value.isoformat()[:10]}T14:20:00+02:00")]
    if isinstance(value, dt.datetime):
        return (value if value.tzinfo else value.replace(tzinfo=ZoneInfo(tz))), []
    assert isinstance(value, dt.date)
    return dt.datetime(value.year, value.month, value.day, tzinfo=ZoneInfo(tz)), []


def _url(value: str, where: Origin) -> list[Problem]:
    parts = urlsplit(value.strip())
    if parts.scheme.lower() not in URL_SCHEMES or not parts.netloc or any(c.isspace() for c in value.strip()) \
            or any(ord(c) < 32 for c in value):
        shown = f"'{parts.scheme}:'" if parts.scheme else "no scheme"
        return [error(E_URL, f"url must be an http:// or https:// address ({shown} given)", where,
                      "paste the article's address from the browser's address bar")]
    return []


def _known(keys: tuple[str, ...], known: set[str], what: str, code: str, where: Origin,
           fix: str) -> list[Problem]:
    return [error(code, f"unknown {what} '{key}'", where, suggest(key, known) or fix)
            for key in keys if key not in known]


def _events(checked: Checked, config: Config, display: str) -> tuple[tuple[EventOverride, ...], list[Problem]]:
    out, problems = [], []
    actors = {a.key for a in config.actors}
    kinds = {k.key for k in config.kinds}
    for raw, node in zip(checked.values.get("events", ()), items(checked.nodes.get("events"))):
        item, found = check_mapping(raw, node, EVENT, display, 1, "an events: item")
        problems += found
        if item is None or found:
            continue
        where = Origin(display, line_of(node) + 1)
        date = item.values["date"]
        date = date.isoformat() if isinstance(date, dt.date) else date.strip()
        if not date:
            problems.append(error(E_EMPTY_VALUE, "events: date is empty", where, "e.g. date: 2024-06-19"))
            continue
        kind = item.values.get("kind", "")
        if kind and kind not in kinds:
            problems.append(error(E_KIND, f"unknown kind '{kind}'", Origin(display, item.lines["kind"]),
                                  suggest(kind, kinds) or f"kinds of timeline.yml: {', '.join(sorted(kinds))}"))
        event_actors = tuple(item.values.get("actors", ()))
        problems += _known(event_actors, actors, "actor", E_ACTOR, Origin(display, item.lines.get("actors", 0)),
                           "add it to actors.yml")
        out.append(EventOverride(date=date, title=item.values.get("title", ""), kind=kind, actors=event_actors,
                                 quote=item.values.get("quote", ""), origin=where))
    return tuple(out), problems


def _reviewed(checked: Checked, display: str) -> tuple[tuple[Review, ...], list[Problem]]:
    out, problems = [], []
    for raw, node in zip(checked.values.get("reviewed", ()), items(checked.nodes.get("reviewed"))):
        item, found = check_mapping(raw, node, REVIEWED, display, 1, "a reviewed: item")
        problems += found
        if item is not None and not found and item.values["sentence"].strip():
            out.append(Review(sentence=item.values["sentence"].strip(), note=item.values.get("note", ""),
                              origin=Origin(display, line_of(node) + 1)))
    return tuple(out), problems


def parse_entry(text: str, path: str, display: str, slug: str, config: Config,
                today: dt.date) -> tuple[Entry | None, list[Problem]]:
    """Validate one entry; `path` is relative to the content folder, `display` is what messages show."""
    parts, problems = split(text, display)
    if parts is None:
        return None, problems
    try:
        data, node = load_yaml(parts.yaml, line_offset=1)
    except YamlError as exc:
        return None, [error(exc.code, exc.message, Origin(display, exc.line, exc.col), exc.hint)]
    checked, problems = check_mapping(data, node, FRONT_MATTER, display, 1, "the front matter")
    if checked is None:
        return None, problems
    values, lines = checked.values, checked.lines

    def at(key: str) -> Origin:
        return Origin(display, lines.get(key, 1))

    for key in ("title", "source"):
        if key in values and not values[key].strip():
            problems.append(error(E_EMPTY_VALUE, f"'{key}' is empty", at(key), f"write {key}: followed by text"))
    published = None
    if "published" in values:
        published, found = _published(values["published"], config, at("published"))
        problems += found
        if published is not None and published.date() > today:
            problems.append(error(E_FUTURE, f"published {published.date().isoformat()} is after today "
                                  f"({today.isoformat()})", at("published"),
                                  "check the year; build with --today YYYY-MM-DD to date the build otherwise"))
    if "url" in values:
        problems += _url(values["url"], at("url"))
    lang = values.get("lang", config.language)
    if lang not in LANGUAGES:
        problems.append(error(E_LANG, f"lang '{lang}' is not supported", at("lang"),
                              f"use one of: {', '.join(LANGUAGES)}"))
    actor_keys = tuple(values.get("actors", ()))
    problems += _known(actor_keys, {a.key for a in config.actors}, "actor", E_ACTOR, at("actors"),
                       "add it to actors.yml")
    events, found = _events(checked, config, display)
    problems += found
    reviewed, found = _reviewed(checked, display)
    problems += found
    body = parts.body
    size = len(body.encode("utf-8"))
    if size > config.max_body_bytes:
        problems.append(error(E_BODY_TOO_LARGE, f"body is {size // 1024} KB, over the limit of "
                              f"{config.max_body_bytes // 1024} KB", Origin(display, parts.body_line),
                              "split the article, or raise max_body_kb in timeline.yml"))
    if any(p.level == "error" for p in problems):
        return None, problems
    try:
        html = render_body(body)
    except TooDeep as exc:
        return None, [error(E_TOO_DEEP, f"{exc.what} nested more than {MAX_NESTING} levels deep",
                            Origin(display, parts.body_line + exc.line - 1), "flatten the nesting")]
    except RecursionError:
        return None, [error(E_TOO_DEEP, "the Markdown body is nested too deeply to render",
                            Origin(display, parts.body_line), "flatten the nesting")]
    assert published is not None
    entry = Entry(path=path, slug=slug, title=values["title"].strip(), published=published,
                  source=values["source"].strip(), url=values.get("url", "").strip(), lang=lang,
                  tags=tuple(t.strip() for t in values.get("tags", ()) if t.strip()), actors=actor_keys,
                  draft=values.get("draft", False), events=events,
                  ignore=tuple(values.get("ignore", ())), body=body, body_line=parts.body_line,
                  html=html, text=plain_text(html), origin=Origin(display, 1),
                  field_lines=tuple(sorted(lines.items(), key=lambda kv: kv[1])), reviewed=reviewed)
    return entry, problems
