"""The demo timeline in content/ is what a visitor of the published site reads.

These checks read the files the way an editor writes them (YAML front matter
between '---' lines, then Markdown), with yaml.safe_load only, so that a broken
demo entry is caught even while the loader itself is being changed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "content"
ENTRIES = CONTENT / "entries"
SEED_DIR = ROOT.parent / "shared" / "seeds"
SEED_ENTRY = ENTRIES / "2024-10-18-coree-du-nord-soldats-russie.md"
# SHA-256 of the seed article (../shared/seeds/*.txt, trailing whitespace
# stripped): the shared folder is not present in CI, the digest is.
SEED_SHA256 = "3254363a3839ebc97ccbd952fa866e65936b5140130061a57b2e93a281a59eac"

FIELDS = {"title", "published", "source", "url", "lang", "tags", "actors",
          "draft", "events", "ignore", "reviewed"}
EVENT_FIELDS = {"date", "title", "kind", "actors", "quote"}
WEEKDAYS_FR = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
CE_WEEKDAY = re.compile(r"\b[Cc]e (" + "|".join(WEEKDAYS_FR) + r")\b")


def split_entry(path: Path) -> tuple[dict[str, Any], str]:
    """Return (front matter, body) of one entry file."""
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), f"{path.name}: no front matter"
    end = text.index("\n---\n", 4)
    meta = yaml.safe_load(text[4:end])
    assert isinstance(meta, dict), f"{path.name}: front matter is not a mapping"
    return meta, text[end + 5:]


def load_yaml(name: str) -> Any:
    return yaml.safe_load((CONTENT / name).read_text(encoding="utf-8"))


ENTRY_PATHS = sorted(ENTRIES.glob("*.md"))
ENTRIES_BY_NAME = {p.name: split_entry(p) for p in ENTRY_PATHS}
ACTORS = load_yaml("actors.yml")
CONFIG = load_yaml("timeline.yml")


def published_date(meta: dict[str, Any]) -> dt.date:
    value = meta["published"]
    return value.date() if isinstance(value, dt.datetime) else value


def test_site_config() -> None:
    assert CONFIG["language"] == "fr"
    assert CONFIG["base_url"] == "/"
    assert CONFIG["timezone"] == "Europe/Paris"
    assert CONFIG["theme"] == "default"
    assert CONFIG["title"].strip() and CONFIG["description"].strip()
    assert CONFIG["kinds"] == {
        "diplomatic": "Diplomatie", "military": "Militaire", "sanctions": "Sanctions",
        "humanitarian": "Humanitaire", "other": "Autre",
    }


def test_actors_have_names_and_unambiguous_aliases() -> None:
    required = {"russie", "ukraine", "coree-du-nord", "coree-du-sud", "france",
                "etats-unis", "otan", "union-europeenne", "chine", "onu"}
    assert required <= set(ACTORS)
    owner: dict[str, str] = {}
    for key, actor in ACTORS.items():
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", key), key
        assert set(actor) == {"name", "aliases"}, key
        assert isinstance(actor["name"], str) and actor["name"].strip(), key
        for alias in [actor["name"], *actor["aliases"]]:
            assert isinstance(alias, str) and alias == alias.strip() and alias, (key, alias)
            assert owner.setdefault(alias, key) == key, f"{alias!r} names {owner[alias]} and {key}"


def test_enough_entries_in_both_languages() -> None:
    langs = [meta.get("lang", "fr") for meta, _ in ENTRIES_BY_NAME.values()]
    assert len(langs) >= 33
    assert langs.count("en") >= 5
    assert langs.count("fr") >= 25
    sources = {meta["source"] for meta, _ in ENTRIES_BY_NAME.values()}
    assert len(sources) >= 8, sources


def test_every_actor_has_entries() -> None:
    """An actor nobody is tagged with would publish an empty actor page."""
    tagged = {key for meta, _ in ENTRIES_BY_NAME.values() for key in meta.get("actors", [])}
    assert set(ACTORS) - tagged == set()


@pytest.mark.parametrize("path", ENTRY_PATHS, ids=lambda p: p.stem)
def test_entry_front_matter(path: Path) -> None:
    meta, body = ENTRIES_BY_NAME[path.name]
    assert set(meta) <= FIELDS, set(meta) - FIELDS
    assert isinstance(meta["title"], str) and meta["title"].strip()
    assert isinstance(meta["source"], str) and meta["source"].strip()
    published = meta["published"]
    if isinstance(published, dt.datetime):
        assert published.utcoffset() is not None, "a datetime needs its UTC offset"
    else:
        assert isinstance(published, dt.date)
    assert path.name.startswith(published_date(meta).isoformat() + "-"), "file name starts with the day"
    assert meta.get("lang", "fr") in {"fr", "en"}
    assert meta.get("url", "https://").startswith("https://")
    assert isinstance(meta.get("draft", False), bool)
    assert all(isinstance(tag, str) and tag for tag in meta.get("tags", []))
    assert set(meta.get("actors", [])) <= set(ACTORS), set(meta.get("actors", [])) - set(ACTORS)
    assert body.strip()


@pytest.mark.parametrize("path", ENTRY_PATHS, ids=lambda p: p.stem)
def test_entry_events_and_ignores(path: Path) -> None:
    meta, body = ENTRIES_BY_NAME[path.name]
    for event in meta.get("events", []):
        assert set(event) <= EVENT_FIELDS and {"date", "title"} <= set(event), event
        assert event.get("kind", "other") in CONFIG["kinds"], event
        assert set(event.get("actors", [])) <= set(ACTORS), event
        if "quote" in event:
            assert event["quote"] in body, f"quote not in the body: {event['quote']!r}"
    for phrase in meta.get("ignore", []):
        assert phrase in body, f"ignored phrase not in the body: {phrase!r}"


@pytest.mark.parametrize("path", ENTRY_PATHS, ids=lambda p: p.stem)
def test_snippets_are_short_news_items(path: Path) -> None:
    if path == SEED_ENTRY:
        pytest.skip("the seed article is kept verbatim, whatever its length")
    words = len(ENTRIES_BY_NAME[path.name][1].split())
    assert 50 <= words <= 200, words


@pytest.mark.parametrize("path", ENTRY_PATHS, ids=lambda p: p.stem)
def test_ce_weekday_is_the_publication_day(path: Path) -> None:
    """'ce jeudi' in a French snippet names the day it was published."""
    meta, body = ENTRIES_BY_NAME[path.name]
    weekday = WEEKDAYS_FR[published_date(meta).weekday()]
    for found in CE_WEEKDAY.findall(body + "\n" + meta["title"]):
        assert found == weekday, f"'ce {found}' in an entry published on a {weekday}"


def test_seed_entry_metadata() -> None:
    meta, _ = ENTRIES_BY_NAME[SEED_ENTRY.name]
    assert meta["published"] == dt.date(2024, 10, 18)
    assert meta["source"] == "Europe 1"
    assert meta["lang"] == "fr"
    assert "url" not in meta


def seed_lines(body: str) -> str:
    """The seed's text from its Markdown: one paragraph per line of the article, its
    ">> LIRE AUSSI" cross-links escaped so that Markdown does not read them as quotes."""
    lines = [line.removeprefix("\\") for line in body.splitlines() if line.strip()]
    return "\n".join(lines)


def test_seed_entry_body_is_the_seed_verbatim() -> None:
    body = seed_lines(ENTRIES_BY_NAME[SEED_ENTRY.name][1].rstrip())
    assert hashlib.sha256(body.encode("utf-8")).hexdigest() == SEED_SHA256
    seeds = sorted(SEED_DIR.glob("*.txt"))
    if not seeds:
        pytest.skip(f"{SEED_DIR} is not available here; the digest above was checked")
    assert body == seeds[0].read_text(encoding="utf-8").rstrip()
