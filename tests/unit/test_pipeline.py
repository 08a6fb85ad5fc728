"""pipeline: the stages chained on a small content folder; today and base URL resolution."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from timeline.pipeline import build_site, normalise_base_url, resolve_today, run

ENTRY = """---
title: "Signature du traité"
published: 2024-10-18
source: Europe 1
actors: [russie]
{extra}---
Un accord de défense mutuelle a été signé entre Moscou et Pyongyang en juin dernier. Et ce vendredi,
les renseignements sud-coréens évoquent un envoi de soldats.
"""


def make_content(root: Path, extra: str = "") -> Path:
    content = root / "content"
    (content / "entries").mkdir(parents=True)
    (content / "timeline.yml").write_text(
        "title: Essai\nlanguage: fr\nkinds:\n  diplomatic: Diplomatie\n  military: Militaire\n"
        "  other: Autre\n", encoding="utf-8")
    (content / "actors.yml").write_text(
        "russie:\n  name: Russie\n  aliases: [Moscou]\ncoree-du-nord:\n  name: Corée du Nord\n"
        "  aliases: [Pyongyang]\n", encoding="utf-8")
    (content / "entries" / "traite.md").write_text(ENTRY.format(extra=extra), encoding="utf-8")
    return content


def test_run_gives_the_files_of_the_site_with_the_events(tmp_path):
    content = make_content(tmp_path)
    files, problems, timeline = run(content, today="2024-12-31", base_url="/repo/")
    assert [p for p in problems if p.level == "error"] == []
    assert "index.html" in files and "events.json" in files
    events = json.loads(files["events.json"])["events"]
    quotes = sorted(s["quote"] for e in events for s in e["sources"])
    assert quotes[0].startswith("Et ce vendredi")
    june = [e for e in events if e["when"]["value"] == "2024-06"]
    assert len(june) == 1 and june[0]["actors"] == ["coree-du-nord", "russie"]
    assert timeline.today == "2024-12-31"
    assert b'href="/repo/' in files["index.html"]


def test_build_site_writes_and_reports(tmp_path):
    content = make_content(tmp_path)
    out = tmp_path / "_site"
    result = build_site(content, out, today="2024-12-31")
    assert result.code == 0, result.problems
    assert (out / "index.html").is_file() and (out / ".timeline-site").is_file()
    assert "2 events from 1 entries" in result.summary


def test_a_failing_build_leaves_the_output_and_says_so(tmp_path):
    content = make_content(tmp_path)
    out = tmp_path / "_site"
    assert build_site(content, out, today="2024-12-31").code == 0
    before = (out / "index.html").read_bytes()
    (content / "entries" / "traite.md").write_text("---\ntitle: [oops\n---\nx\n", encoding="utf-8")
    result = build_site(content, out, today="2024-12-31")
    assert result.code == 1 and "unchanged" in result.summary
    assert any(p.origin and p.origin.path.endswith("traite.md") and p.origin.line for p in result.problems)
    assert (out / "index.html").read_bytes() == before


def test_strict_turns_a_warning_into_failure(tmp_path):
    extra = 'events:\n  - date: 2024-06-19\n    quote: "une phrase absente"\n'
    content = make_content(tmp_path, extra)
    out = tmp_path / "_site"
    lenient = build_site(content, out, today="2024-12-31")
    assert lenient.code == 0
    assert sorted(p.code for p in lenient.problems if p.level == "warning") == ["W401", "W422"]
    (out / "index.html").unlink()
    strict = build_site(content, out, today="2024-12-31", strict=True)
    assert strict.code == 1 and not (out / "index.html").exists()


def test_out_dir_is_checked_before_building(tmp_path):
    content = make_content(tmp_path)
    result = build_site(content, content, today="2024-12-31")
    assert result.code == 1 and [p.code for p in result.problems] == ["E451"]


def test_missing_content_folder(tmp_path):
    result = build_site(tmp_path / "nope", tmp_path / "_site")
    assert result.code == 1 and "not found" in result.problems[0].message


def test_today_resolution(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert resolve_today("2024-10-18") == (date(2024, 10, 18), [])
    day, problems = resolve_today("18/10/2024")
    assert day is None and problems[0].code == "E410"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1729209600")  # 2024-10-18T00:00Z
    assert resolve_today(None, "UTC")[0] == date(2024, 10, 18)
    assert resolve_today(None, "Pacific/Auckland")[0] == date(2024, 10, 18)
    assert resolve_today(None, "America/New_York")[0] == date(2024, 10, 17)
    assert resolve_today("2020-01-01")[0] == date(2020, 1, 1)  # the option wins
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "soon")
    assert resolve_today(None)[1][0].code == "E410"


@pytest.mark.parametrize("raw,expected", [("/", "/"), ("", "/"), ("/repo", "/repo/"), ("repo/", "/repo/"),
                                          ("https://me.github.io/repo/", "/repo/"), ("/a/b/", "/a/b/")])
def test_base_url_normalised(raw, expected):
    assert normalise_base_url(raw) == (expected, [])


@pytest.mark.parametrize("raw", ["//evil.example/", "/../x/", "/a\\b/", "/a b/", "/x\x00/", "javascript:alert(1)"])
def test_base_url_refused(raw):
    base, problems = normalise_base_url(raw)
    assert base is None and problems[0].code == "E411"


def test_build_strict_fails_on_an_ambiguous_date_until_it_is_reviewed(tmp_path):
    """'ce vendredi' in an article published on a Friday (RELIABILITY A4: ambiguous date)."""
    content = make_content(tmp_path)
    out = tmp_path / "_site"
    result = build_site(content, out, today="2024-12-31", strict=True)
    assert result.code == 1 and [p.code for p in result.problems] == ["W422"]
    assert result.problems[0].origin.path.endswith("traite.md") and result.problems[0].origin.line == 7
    assert not out.exists()
    reviewed = 'reviewed:\n  - sentence: "Et ce vendredi"\n    note: "le jour de la publication"\n'
    (content / "entries" / "traite.md").write_text(ENTRY.format(extra=reviewed), encoding="utf-8")
    assert build_site(content, out, today="2024-12-31", strict=True).code == 0


def test_stage_cache_reads_only_changed_entries_again(tmp_path, monkeypatch):
    """serve's rebuilds: the date engine runs again only for the entry that changed."""
    from timeline import temporal
    from timeline.pipeline import StageCache

    content = make_content(tmp_path)
    other = ENTRY.format(extra="").replace("Signature du traité", "Autre").replace("Un accord", "Le texte d'un accord")
    (content / "entries" / "autre.md").write_text(other, encoding="utf-8")
    calls: list[str] = []
    real = temporal.extract
    monkeypatch.setattr(temporal, "extract", lambda text, *a, **k: calls.append(text[:20]) or real(text, *a, **k))
    cache = StageCache()
    first, _, _ = run(content, today="2024-12-31", cache=cache)
    assert len(calls) == 2
    again, _, _ = run(content, today="2024-12-31", cache=cache)
    assert len(calls) == 2 and again == first
    (content / "entries" / "autre.md").write_text(other.replace("en juin dernier", "le 19 juin"),
                                                   encoding="utf-8")
    changed, _, _ = run(content, today="2024-12-31", cache=cache)
    assert len(calls) == 3 and changed != first
    assert changed == run(content, today="2024-12-31")[0]  # same bytes as a build without cache
