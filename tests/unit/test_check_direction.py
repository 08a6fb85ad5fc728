"""timeline check, W421: warn where the date engine itself is unsure which way a tenseless day or
month points (no verb or lead word says, or its grammar went against the nearest verb), never
merely because a sentence has both a past and a future verb; stale reviews; check reuses the
build's work instead of reading every entry twice."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from test_check import HEAD, content

from timeline.cli import cli

# slug -> (published, sentence, whether W421 warns). 2024-10-16 is a Wednesday.
CASES = {
    # no verb says which Tuesday: yesterday or in six days
    "fr-no-verb": ("2024-10-16", "Rencontre mardi à Moscou entre les deux délégations.", True),
    # the engine follows "a annoncé" (past), but the verb nearest to "mardi" is "aura lieu" (future)
    "fr-against-nearest": ("2024-10-16", "Le ministre a annoncé une réunion mardi qui aura lieu à Genève.", True),
    # a day without its year and no verb: March 2025 (4.5 months on) or March 2024 (7 months back)
    "fr-day-no-year": ("2024-10-16", "Réunion le 5 mars à Genève.", True),
    "fr-month-no-year": ("2024-10-16", "Sommet en avril à Genève.", True),
    "en-no-verb": ("2024-10-16", "Talks between the two delegations on Tuesday in Moscow.", True),
    # both tenses in the sentence, each day read by its own verb: no doubt
    "fr-two-tenses": ("2024-10-16", "Zelensky a averti mardi que les unités nord-coréennes "
                      "pourraient être engagées dimanche.", False),
    "fr-future-then-past": ("2024-10-16", "La Corée du Nord va envoyer des démineurs en Russie, "
                            "a annoncé mardi Moscou.", False),
    "fr-participle-lead": ("2024-10-16", "Arrivé mardi à Moscou, le ministre doit rencontrer son homologue.", False),
    # "signé en juin": the participle right before fixes the past, though "doit" is a future
    "fr-lead-over-verb": ("2024-11-01", "Le Conseil doit encore approuver le traité signé en juin par Moscou.", False),
    "fr-soft-lead": ("2024-10-16", "Les renforts arriveront dès lundi.", False),
    # no verb, but the other reading is a year away: no real doubt
    "fr-near-day": ("2024-10-16", "Réunion le 20 octobre à Genève.", False),
    "en-two-tenses": ("2024-10-16", "The minister said on Tuesday that talks will resume in Geneva.", False),
    "en-future": ("2024-10-16", "Talks will resume on Monday in Geneva, the ministry said.", False),
}


def check(c: Path, *args: str):
    return CliRunner().invoke(cli, ["check", "--content", str(c), "--today", "2025-12-31", *args])


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("direction")
    c = content(root, {slug: (published, body, "lang: en\n" if slug.startswith("en-") else "")
                       for slug, (published, body, _) in CASES.items()})
    result = check(c, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize("slug", sorted(CASES))
def test_w421_only_where_the_engine_is_unsure(report, slug: str) -> None:
    entry = next(e for e in report["entries"] if e["slug"] == slug)
    w421 = [w for m in entry["mentions"] for w in m["warnings"] if w.endswith("[W421]")]
    assert bool(w421) == CASES[slug][2], (slug, entry["mentions"])
    for w in w421:  # file:line, what was read, why, and a hint
        line = 7 if slug.startswith("en-") else 6  # after the front matter (one line more: `lang: en`)
        assert f"entries/{slug}.md:{line}: warning: '" in w and " read as " in w and " — " in w, w


def test_w421_hint_speaks_the_entry_language(report) -> None:
    warned = {e["slug"]: [w for m in e["mentions"] for w in m["warnings"] if w.endswith("[W421]")]
              for e in report["entries"]}
    assert "add 'last' or 'next' to 'Tuesday', or write the date" in warned["en-no-verb"][0]
    assert "add 'dernier' or 'prochain' to 'mardi', or write the date" in warned["fr-no-verb"][0]
    assert "the nearest verb is future" in warned["fr-against-nearest"][0]
    assert "write the year" in warned["fr-day-no-year"][0]


def test_a_review_with_nothing_left_to_silence_is_stale(tmp_path) -> None:
    body = "Barrot est arrivé jeudi dernier à Kiev. Rencontre mardi à Moscou entre les délégations."
    live = '  - sentence: "Rencontre mardi"\n    note: "le mardi 15"\n'
    reviewed = 'reviewed:\n  - sentence: "Barrot est arrivé jeudi"\n    note: "vérifié"\n' + live
    c = content(tmp_path, {"a": ("2024-10-18", body, reviewed)})
    result = check(c, "--strict")
    assert result.exit_code == 1
    assert ("entries/a.md:6: warning: reviewed: the sentence starting with 'Barrot est arrivé jeudi' "
            "has no warning left to silence (stale review) — remove the item") in result.stdout
    assert result.stdout.count("[W426]") == 1 and "[W421]" not in result.stdout  # the other review silences
    (c / "entries" / "a.md").write_text(HEAD.format(title="a", published="2024-10-18", extra="reviewed:\n" + live)
                                        + body + "\n", encoding="utf-8")
    result = check(c, "--strict", "--format", "json")
    assert result.exit_code == 0 and json.loads(result.stdout)["summary"]["reviewed"] == 1


def test_check_reads_each_entry_once(tmp_path, monkeypatch) -> None:
    """The report reuses the build's sentences and date checks (20,000 articles: seconds)."""
    import timeline.check
    import timeline.text

    calls = {"sentences": 0, "check_entry": 0}

    def counted(name, fn):
        def wrapper(*args, **kwargs):
            calls[name] += 1
            return fn(*args, **kwargs)
        return wrapper

    monkeypatch.setattr(timeline.text, "sentences", counted("sentences", timeline.text.sentences))
    monkeypatch.setattr(timeline.check, "check_entry", counted("check_entry", timeline.check.check_entry))
    c = content(tmp_path, {f"e{i}": ("2024-10-16", "Rencontre mardi à Moscou entre les délégations.", "")
                           for i in range(3)})
    checks, problems = timeline.check.check_content(c, today="2025-12-31")
    assert calls == {"sentences": 3, "check_entry": 3}
    assert [mc.shown for c in checks for mc in c.mentions] == ["15 octobre 2024"] * 3
    assert sum(p.code == "W421" for p in problems) == 3


def test_w421_cost_grows_linearly_with_a_long_sentence() -> None:
    """Each doubt is read in a window around its words, not over the whole sentence or entry:
    four times the weekdays in one endless sentence cost about four times as much, not sixteen."""
    import time
    from datetime import datetime, timezone

    from timeline.check import direction_doubt
    from timeline.events.vocab import load_vocab
    from timeline.model import Entry, Sentence
    from timeline.temporal import extract

    def seconds(n: int) -> float:
        text = "Rencontre mardi à Genève, " * n + "fin."
        entry = Entry(path="x.md", slug="x", title="x", published=datetime(2024, 10, 16, tzinfo=timezone.utc),
                      source="s", lang="fr", text=text)
        sentence = Sentence("x", 0, text, 0, len(text), 1)
        mentions = extract(text, entry.published, "fr")
        assert len(mentions) == n
        best = float("inf")
        for _ in range(2):
            started = time.perf_counter()
            assert all(direction_doubt(m, sentence, entry, load_vocab("fr")) for m in mentions)
            best = min(best, time.perf_counter() - started)
        return best

    small, large = seconds(250), seconds(1000)
    assert large < 9 * small, (small, large)
