"""Pages -> bytes: the Jinja2 environment of a theme, and rendering with file:line errors.

Why these settings: autoescape is on for every HTML/XML template (a title
with "<script>" is text, never markup); StrictUndefined turns a typo in a
template into a build error naming the template's file and line instead of
an empty string on the page; a ChoiceLoader lets a custom theme override one
template of the default theme (or extend "default/base.html") and keep the rest.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any
from pathlib import Path

import jinja2
from markupsafe import Markup

from timeline.model import Origin, Page, Problem
from timeline.problems import error, suggest
from timeline.views import json_ld

DEFAULT_THEME = "default"
PACKAGE_THEMES = Path(__file__).resolve().parent.parent / "themes"  # source checkout / editable install
INSTALLED_THEMES = Path(sys.prefix) / "share" / "timeline" / "themes"


def theme_roots(content_dir: str | os.PathLike[str]) -> list[Path]:
    """Where themes are looked up, first match wins: beside the content folder, then ours."""
    roots = [Path(content_dir).resolve().parent / "themes", PACKAGE_THEMES, INSTALLED_THEMES]
    return list(dict.fromkeys(roots))


def find_theme(name: str, content_dir: str | os.PathLike[str]) -> Path | None:
    if not name or "/" in name or "\\" in name or name in (".", ".."):
        return None
    for root in theme_roots(content_dir):
        if (root / name / "templates").is_dir():
            return root / name
    return None


def _known_themes(content_dir: str | os.PathLike[str]) -> list[str]:
    return sorted({p.name for root in theme_roots(content_dir) if root.is_dir()
                   for p in root.iterdir() if (p / "templates").is_dir()})


def _key_line(path: Path, key: str) -> int:
    """Line of a top-level `key:` in a YAML file, for the message; 0 when unknown."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return 0
    return next((n for n, line in enumerate(lines, 1) if re.match(rf"{key}\s*:", line)), 0)


def make_env(theme: str, content_dir: str | os.PathLike[str]) -> tuple[jinja2.Environment | None, list[Problem]]:
    """The environment of `theme`, falling back on the default theme's templates."""
    chosen = find_theme(theme, content_dir)
    default = find_theme(DEFAULT_THEME, content_dir)
    if chosen is None or default is None:
        missing = theme if chosen is None else DEFAULT_THEME
        hint = suggest(missing, _known_themes(content_dir)) or (
            f"put it in {Path(content_dir).resolve().parent / 'themes' / missing}/templates/")
        config = Path(content_dir) / "timeline.yml"
        return None, [error("E040", f"theme '{missing}' not found", Origin(str(config), _key_line(config, "theme")),
                            hint=hint)]
    loaders: list[jinja2.BaseLoader] = [jinja2.FileSystemLoader(str(chosen / "templates"))]
    if chosen != default:
        loaders.append(jinja2.FileSystemLoader(str(default / "templates")))
    loaders.append(jinja2.PrefixLoader({"default": jinja2.FileSystemLoader(str(default / "templates"))}))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=jinja2.select_autoescape(["html", "htm", "xml", "svg"], default_for_string=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["jsonld"] = json_ld
    env.globals["static_dirs"] = [str(default / "static")] + ([str(chosen / "static")] if chosen != default else [])
    return env, []


def output_path(url: str) -> str:
    """ "events/x/" -> "events/x/index.html"; "" -> "index.html"; files stay as they are."""
    if url == "" or url.endswith("/"):
        return url + "index.html"
    return url


def _template_origin(exc: BaseException, template: str) -> Origin:
    """file:line of the template frame where rendering failed (Jinja2 keeps template
    file names and lines in the traceback it rewrites)."""
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return Origin(exc.filename or exc.name or template, exc.lineno or 0)
    found = Origin(template)
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith((".html", ".xml", ".svg", ".txt")) and os.path.isfile(filename):
            found = Origin(filename, tb.tb_lineno)
        tb = tb.tb_next
    return found


def _static_files(env: jinja2.Environment) -> Iterable[tuple[str, Path]]:
    """(output path, file) of the themes' static folders; the custom theme wins.
    Symlinks are not followed out of the theme: a link to a file elsewhere is skipped."""
    files: dict[str, Path] = {}
    for folder in env.globals.get("static_dirs", []):
        root = Path(folder)
        if not root.is_dir():
            continue
        real_root = root.resolve()
        for path in sorted(root.rglob("*")):
            if not path.is_file() or not path.resolve().is_relative_to(real_root):
                continue
            files["static/" + path.relative_to(root).as_posix()] = path
    return sorted(files.items())


def _partial(env: jinja2.Environment, name: str) -> Callable[..., Markup]:
    """`event_item(ev, labels, heading)` for templates: the partial rendered once per event and
    heading, then reused by every page listing that event (index, actor, kind, month, source…)."""
    cache: dict[tuple[str, str, int], Markup] = {}

    def render(ev: Any, labels: Any, heading: str = "h4") -> Markup:
        key = (ev.id, heading, id(labels))
        if key not in cache:
            html = env.get_template(name).render(ev=ev, labels=labels, heading=heading)
            cache[key] = Markup(html.rstrip("\n"))  # noqa: S704 - an autoescaped template's output
        return cache[key]

    return render


def iter_rendered(pages: Iterable[Page], env: jinja2.Environment, *, base_url: str,
                  problems: list[Problem]) -> Iterator[tuple[str, bytes]]:
    """(output path, bytes) of the theme's static files, then of every page, one at a time:
    a streamed build writes each file as it comes and keeps none. Problems are appended to
    `problems` as they are met (a broken template is reported once, not once per page)."""
    reported: set[tuple[str, str]] = set()
    env.globals["event_item"] = _partial(env, "event_item.html")  # a fresh cache per build
    for key, path in _static_files(env):
        try:
            data = path.read_bytes()
        except OSError as exc:
            problems.append(error("E042", f"cannot read theme file: {exc.strerror}", Origin(str(path))))
        else:
            yield key, data
    for page in pages:
        out = output_path(page.url)
        if page.body is not None:
            yield out, page.body
            continue
        try:
            template = env.get_template(page.template)
            html = template.render({**page.context, "base_url": base_url}).encode("utf-8")
        except jinja2.TemplateNotFound as exc:
            problem = error("E041", f"template '{exc.name}' not found (needed by {out})",
                            Origin(page.template), hint="add it to the theme's templates/ folder")
        except jinja2.TemplateSyntaxError as exc:
            problem = error("E043", f"template syntax error: {exc.message}", _template_origin(exc, page.template))
        except (jinja2.UndefinedError, jinja2.TemplateError, TypeError, ValueError, AttributeError,
                KeyError, IndexError) as exc:
            problem = error("E044", f"template error while rendering {out}: {exc}",
                            _template_origin(exc, page.template),
                            hint="check the variable name against the page's context")
        else:
            yield out, html
            continue
        key = (problem.code, problem.message if problem.code != "E044" else str(problem.origin))
        if key not in reported:  # one broken template should not print 20,000 lines
            reported.add(key)
            problems.append(problem)


def render_pages(pages: Iterable[Page], env: jinja2.Environment, *, base_url: str) -> tuple[dict[str, bytes], list[Problem]]:
    """Every page rendered (or its body taken as is), plus the theme's static files, in memory
    (`check`, `serve` and the tests; `build` streams with iter_rendered)."""
    problems: list[Problem] = []
    files = dict(iter_rendered(pages, env, base_url=base_url, problems=problems))
    return files, problems
