"""`timeline new` and `timeline init`: files an editor starts from, written from templates/.

Both only ever create files: an existing file is never overwritten (the open
mode is "x"), and a refusal writes nothing at all.
"""

from __future__ import annotations

import datetime as dt
import json
from importlib import metadata, resources
from pathlib import Path
from urllib.parse import urlsplit

from timeline.content import slugify
from timeline.content.entry import LANGUAGES
from timeline.model import Origin, Problem
from timeline.problems import error, warning

E_EXISTS = "E160"
E_ARGUMENT = "E161"
E_NOT_PROJECT = "E162"
E_WRITE = "E163"
W_REQUIREMENT = "W160"


def _template(name: str) -> str:
    return resources.files("timeline.scaffold").joinpath(f"templates/{name}").read_text("utf-8")


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _fill(template: str, values: dict[str, str]) -> str:
    for key, value in values.items():
        template = template.replace(f"@{key}@", value)
    return template


def _published(value: str | dt.date) -> dt.date | dt.datetime | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(value.strip())
    except ValueError:
        return None


def _write_new(path: Path, text: str, created: list[Path]) -> Problem | None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:
        return error(E_EXISTS, "already exists: not overwritten", Origin(path.as_posix()),
                     "choose another title, or edit the existing file")
    except OSError as exc:
        return error(E_WRITE, f"cannot write: {exc.strerror or exc}", Origin(path.as_posix()),
                     "check the folder's permissions and free space")
    created.append(path)
    return None


def new_entry(content_dir: str | Path, title: str, source: str, published: str | dt.date,
              url: str | None = None, lang: str | None = None) -> tuple[Path | None, list[Problem]]:
    """Create content/entries/<date>-<slug>.md with valid front matter; never overwrites."""
    root = Path(content_dir)
    problems: list[Problem] = []
    if not (root / "timeline.yml").is_file():
        return None, [error(E_NOT_PROJECT, f"'{root.as_posix()}' has no timeline.yml", Origin(root.as_posix()),
                            "run this in your project folder, pass --content DIR, or start one with `timeline init DIR`")]
    if not title.strip():
        problems.append(error(E_ARGUMENT, "the title is empty", None, 'timeline new "Titre de l\'article" ...'))
    if not source.strip():
        problems.append(error(E_ARGUMENT, "--source is empty", None, 'e.g. --source "Europe 1"'))
    when = _published(published)
    if when is None:
        problems.append(error(E_ARGUMENT, f"--published '{published}' is not a date", None,
                              "write 2024-10-18, or 2024-10-18T14:20:00+02:00 with the time"))
    if url is not None and (urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).netloc):
        problems.append(error(E_ARGUMENT, f"--url '{url}' is not an http(s) address", None,
                              "paste the article's address from the browser's address bar"))
    if lang is not None and lang not in LANGUAGES:
        problems.append(error(E_ARGUMENT, f"--lang '{lang}' is not supported", None,
                              f"use one of: {', '.join(LANGUAGES)}"))
    if problems or when is None:
        return None, problems
    day = when.date() if isinstance(when, dt.datetime) else when
    slug = f"{day.isoformat()}-{slugify(title)}"
    entries = root / "entries"
    if entries.is_dir():
        for existing in sorted(entries.rglob("*.md")):
            if slugify(existing.name[:-3]) == slug:
                return None, [error(E_EXISTS, f"an entry with this URL already exists: {existing.as_posix()}",
                                    Origin((entries / f"{slug}.md").as_posix()),
                                    "choose another title, or edit the existing file")]
    text = _fill(_template("entry.md"), {
        "TITLE_YAML": _quoted(title.strip()),
        "PUBLISHED": when.isoformat(),
        "SOURCE_YAML": _quoted(source.strip()),
        "URL_LINE": f"url: {_quoted(url.strip())}\n" if url else "",
        "LANG": lang or _site_language(root),
    })
    created: list[Path] = []
    problem = _write_new(entries / f"{slug}.md", text, created)
    return (created[0], []) if problem is None else (None, [problem])


def _site_language(root: Path) -> str:
    from timeline.config import load_config

    config, _ = load_config(root)
    return config.language if config is not None else "fr"


def _requirement() -> str | None:
    """Where this copy of timeline was installed from, as a pip requirement, if pip recorded it."""
    try:
        raw = metadata.distribution("timeline").read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        return None
    if not raw:
        return None
    info = json.loads(raw)
    url = info.get("url", "")
    if "vcs_info" in info and url.startswith("https://"):
        commit = info["vcs_info"].get("commit_id", "")
        return f"timeline @ git+{url}@{commit}" if commit else f"timeline @ git+{url}"
    if url.startswith("https://"):
        return f"timeline @ {url}"
    return None  # a local folder or file: GitHub's runners cannot reach it


PROJECT_FILES = {  # template -> path in the new project
    "timeline.yml": "content/timeline.yml",
    "actors.yml": "content/actors.yml",
    "example.md": "content/entries/exemple.md",
    "gitignore": ".gitignore",
    "requirements.txt": "requirements.txt",
    "pages.yml": ".github/workflows/pages.yml",
}


def init_project(directory: str | Path, requirement: str | None = None) -> tuple[list[Path], list[Problem]]:
    """Create a new timeline project in `directory`; refuses (writing nothing) if any file exists."""
    root = Path(directory)
    if root.exists() and not root.is_dir():
        return [], [error(E_EXISTS, "exists and is not a folder", Origin(root.as_posix()), "choose another name")]
    existing = [root / rel for rel in PROJECT_FILES.values() if (root / rel).exists()]
    if existing:
        return [], [error(E_EXISTS, "already exists: nothing was written", Origin(p.as_posix()),
                          "choose an empty or new folder") for p in existing]
    problems: list[Problem] = []
    spec = requirement or _requirement()
    if spec is None:
        spec = "# timeline @ git+https://github.com/OWNER/REPO@TAG   <- the pip requirement of the timeline tool"
        problems.append(warning(W_REQUIREMENT, "could not tell where timeline was installed from",
                                Origin((root / "requirements.txt").as_posix()),
                                "write its pip requirement in requirements.txt before publishing "
                                "(or rerun with --requirement SPEC)"))
    title = root.resolve().name.replace("-", " ").replace("_", " ").strip().capitalize() or "Chronologie"
    values = {"TITLE_YAML": _quoted(title), "REQUIREMENT": spec}
    created: list[Path] = []
    for template, rel in PROJECT_FILES.items():
        problem = _write_new(root / rel, _fill(_template(template), values), created)
        if problem is not None:
            return created, problems + [problem]
    return created, problems
