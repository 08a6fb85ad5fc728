"""The scan's word gates (gate.py) never change what is found, only how fast."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from timeline.temporal.batch import languages
from timeline.temporal.gate import required_words, text_prefixes
from timeline.temporal.language import LanguageError, load_language
from timeline.temporal.scan import scan

EVAL = Path(__file__).resolve().parents[2].parent / "shared" / "eval"
OWN = [
    "Jeudi, le ministre a réclamé une trêve ; la veille, les derniers convois étaient partis.",
    "Les dernières semaines ont été marquées par des frappes ; dans les prochains mois, rien.",
    "Cette année, le sommet du 14 au 18 octobre aura lieu à Kiev, vers 14h30 ou à midi.",
    "Il y a trois jours, 12.000 hommes ; l'an dernier, la résolution 2270 ; le week-end prochain.",
]


def _texts(code: str) -> list[str]:
    texts = list(OWN)
    lang = load_language(code)
    texts += [t.replace("[", "").replace("]", "") for r in lang.rules for t, _ in r.examples]
    texts += [t for r in lang.rules for t in r.negatives]
    for name in ("french_timebank.jsonl", f"duckling_{code}_time.jsonl", f"recognizers_{code}_datetime.jsonl"):
        path = EVAL / name
        if path.is_file():
            texts += [json.loads(line)["text"] for line in path.open(encoding="utf-8")
                      if json.loads(line).get("lang", code) == code][:150]
    return texts


def _key(matches: list) -> list[tuple[int, int, str]]:
    return [(m.start, m.end, m.rule.name) for m in matches]


@pytest.mark.parametrize("code", languages())
def test_gated_scan_finds_exactly_what_the_full_scan_finds(code: str) -> None:
    try:
        lang = load_language(code)
    except LanguageError:
        pytest.skip("language file does not load (see test_rules)")
    for text in _texts(code):
        assert _key(scan(text, lang)) == _key(scan(text, lang, gated=False)), text[:200]


def test_gates_of_typical_patterns() -> None:
    classes = {"month": {"janvier": 1, "février": 2}, "rel": {"dernier": -1, "dernière": -1}}
    assert required_words("{month} {rel}", classes) in ({"janvier", "février"}, {"dernier", "dernière"})
    assert required_words("(?:derniers|dernières) jours", {}) in ({"derni"}, {"jours"})
    assert required_words("(?:ce|cette|cet) mois", {}) == {"mois"}
    assert required_words("{dd} {month}", classes) in ({"<digit>"}, {"janvier", "février"})
    assert required_words("(?:le )?lendemain", {}) == {"lendemain"}
    assert "cett" in text_prefixes("Cette semaine") and "<digit>" in text_prefixes("le 5")
