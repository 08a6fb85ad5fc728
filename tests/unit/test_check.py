"""timeline check: every date listed, each warning class, reviewed items, --strict, --format json."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from timeline.cli import cli

HEAD = """---
title: "{title}"
published: {published}
source: Europe 1
{extra}---
"""


def content(root: Path, entries: dict[str, tuple[str, str, str]]) -> Path:
    c = root / "content"
    (c / "entries").mkdir(parents=True)
    (c / "timeline.yml").write_text("title: Essai\nlanguage: fr\n", encoding="utf-8")
    (c / "actors.yml").write_text("russie:\n  name: Russie\n  aliases: [Moscou]\n", encoding="utf-8")
    for slug, (published, body, extra) in entries.items():
        (c / "entries" / f"{slug}.md").write_text(
            HEAD.format(title=slug, published=published, extra=extra) + body + "\n", encoding="utf-8")
    return c


def check(c: Path, *args: str):
    return CliRunner().invoke(cli, ["check", "--content", str(c), "--today", "2025-12-31", *args])


def codes(result) -> list[str]:
    data = json.loads(result.stdout)
    return sorted(p.rsplit("[", 1)[1].rstrip("]") for p in data["problems"])


def test_lists_every_mention_with_value_shown_date_and_anchor(tmp_path):
    c = content(tmp_path, {"a": ("2024-10-16", "Le traité a été signé en juin dernier à Pyongyang.", "")})
    result = check(c)
    assert result.exit_code == 0, result.output
    assert "line 6: 'juin dernier' -> 2024-06 = 'juin 2024' (anchor: dct, rule: " in result.stdout
    assert "entries/a.md  (published 2024-10-16, mercredi)" in result.stdout


def test_each_warning_class_and_strict(tmp_path):
    cases = {
        # published on a Friday: "ce vendredi" may be today or next week
        "w422": ("2024-10-18", "Et ce vendredi, les services sud-coréens évoquent un envoi de soldats.", "W422"),
        # published in June: "en juin dernier" may be this June or last year's
        "w423": ("2024-06-20", "Le texte a été rédigé en juin dernier à Moscou.", "W423"),
        # a bare weekday with no tense cue
        "w421": ("2024-10-16", "Rencontre mardi à Moscou entre les deux délégations.", "W421"),
        # read against the publication date, lands years away
        "w424": ("2024-10-16", "Cela s'est produit il y a dix ans à Moscou.", "W424"),
        # reads like a happening, no date
        "w425": ("2024-10-16", "Le ministre a signé un accord avec Moscou.", "W425"),
    }
    for slug, (published, body, code) in cases.items():
        c = content(tmp_path / slug, {slug: (published, body, "")})
        lenient = check(c, "--format", "json")
        assert lenient.exit_code == 0, (slug, lenient.output)
        assert codes(lenient) == [code], (slug, lenient.stdout)
        strict = check(c, "--strict")
        assert strict.exit_code == 1, slug
        assert f"[{code}]" in strict.stdout and f"entries/{slug}.md:" in strict.stdout


def test_no_warning_on_clear_dates(tmp_path):
    c = content(tmp_path, {"ok": ("2024-10-18", "Le traité a été signé le 19 juin 2024 à Pyongyang. "
                                  "Barrot est arrivé jeudi dernier à Kiev.", "")})
    result = check(c, "--strict", "--format", "json")
    assert result.exit_code == 0 and codes(result) == []


def test_reviewed_silences_a_sentence_and_stale_reviews_are_reported(tmp_path):
    body = "Et ce vendredi, les services sud-coréens évoquent un envoi de soldats."
    reviewed = 'reviewed:\n  - sentence: "Et ce vendredi, les services"\n    note: "le jour même"\n'
    c = content(tmp_path, {"a": ("2024-10-18", body, reviewed)})
    result = check(c, "--strict", "--format", "json")
    assert result.exit_code == 0 and codes(result) == []
    assert json.loads(result.stdout)["summary"]["reviewed"] == 1
    # the sentence changes: the warning is back and the review is stale, at its line
    (c / "entries" / "a.md").write_text(HEAD.format(title="a", published="2024-10-18", extra=reviewed)
                                        + "Ce vendredi, Séoul évoque un envoi de soldats.\n", encoding="utf-8")
    result = check(c, "--strict")
    assert result.exit_code == 1
    assert "[W422]" in result.stdout and "[W426]" in result.stdout
    assert "entries/a.md:6: warning: reviewed: no sentence starts with" in result.stdout


def test_build_errors_fail_check_without_writing(tmp_path):
    c = content(tmp_path, {"bad": ("2024-02-31", "Texte.", "")})
    result = check(c)
    assert result.exit_code == 1
    assert "entries/bad.md:3:" in result.stderr
    assert not (tmp_path / "_site").exists() and not (Path.cwd() / c / "_site").exists()


def test_a_theme_error_still_lists_the_dates(tmp_path):
    c = content(tmp_path, {"a": ("2024-10-16", "Le traité a été signé en juin dernier à Pyongyang.", "")})
    (c / "timeline.yml").write_text("title: Essai\nlanguage: fr\ntheme: nulle-part\n", encoding="utf-8")
    result = check(c)
    assert result.exit_code == 1
    assert "timeline.yml:3: error: theme 'nulle-part' not found" in result.stderr
    assert "line 6: 'juin dernier' -> 2024-06 = 'juin 2024'" in result.stdout
