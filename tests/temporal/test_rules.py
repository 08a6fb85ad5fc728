"""Every rule's own `examples` and `not` lists (lang/<code>/rules.yaml) run as tests."""

from __future__ import annotations

import re

import pytest

from timeline.temporal import extract
from timeline.temporal.batch import languages
from timeline.temporal.language import LanguageError, load_language

BRACKETS = re.compile(r"\[([^\]]*)\]")


def _cases(kind: str) -> list[tuple[str, str, str, str, str]]:
    out = []
    for code in languages():
        try:
            lang = load_language(code)
        except LanguageError:
            continue  # reported by test_language_files_load
        for rule in lang.rules:
            if kind == "examples":
                out += [(code, rule.name, lang.example_dct, text, value) for text, value in rule.examples]
            else:
                out += [(code, rule.name, lang.example_dct, text, "") for text in rule.negatives]
    return out


def _span(example: str) -> tuple[str, int, int]:
    m = BRACKETS.search(example)
    if not m:
        return example, 0, len(example)
    text = example[:m.start()] + m.group(1) + example[m.end():]
    return text, m.start(), m.start() + len(m.group(1))


@pytest.mark.parametrize("code,rule,dct,example,value", _cases("examples"))
def test_rule_example(code: str, rule: str, dct: str, example: str, value: str) -> None:
    text, start, end = _span(example)
    found = [m for m in extract(text, dct, code) if m.start == start and m.end == end]
    assert found, f"{rule}: no mention for {text[start:end]!r} in {text!r}: {extract(text, dct, code)}"
    assert found[0].rule == rule, f"{text!r}: read by {found[0].rule}, expected {rule}"
    assert found[0].value == value


@pytest.mark.parametrize("code,rule,dct,example,value", _cases("not"))
def test_rule_counter_example(code: str, rule: str, dct: str, example: str, value: str) -> None:
    mentions = extract(example, dct, code)
    assert not [m for m in mentions if m.rule == rule], f"{rule} fired on {example!r}"
    if load_language(code).rules and any(r.name == rule and r.produce == "nothing" for r in load_language(code).rules):
        assert not mentions, f"{example!r} is not a date, got {mentions}"


@pytest.mark.parametrize("code", languages())
def test_language_files_load(code: str) -> None:
    rules = load_language(code).rules
    assert rules
    assert all(rule.regex.pattern for rule in rules)  # every pattern compiles


def test_every_rule_has_an_example_or_is_a_blocker() -> None:
    for code in ("fr",):
        for rule in load_language(code).rules:
            assert rule.examples or (rule.produce == "nothing" and rule.negatives), rule.name


@pytest.mark.parametrize("raw,message", [
    ({"name": "r", "pattern": "(?:le", "produce": "nothing"}, "not a valid regex"),
    ({"name": "r", "pattern": "{monthz}", "produce": "nothing"}, "unknown word class {monthz}"),
    ({"name": "r", "pattern": "le", "produce": "no_such_thing"}, "not a production"),
    ({"name": "r", "pattern": "{month} {month}", "produce": "nothing"}, "group 'month' used twice"),
    ({"name": "r", "pattern": "le", "produce": "nothing", "exemples": []}, "unknown key"),
    ({"name": "r", "pattern": "le{@nowhere}", "produce": "nothing"}, "unknown fragment {@nowhere}"),
])
def test_rule_mistakes_are_reported_with_file_and_line(raw: dict, message: str) -> None:
    from pathlib import Path

    from timeline.temporal.language import _rule
    from timeline.temporal.productions import PRODUCTIONS

    with pytest.raises(LanguageError) as info:
        _rule({**raw, "__line__": 12}, {"month": {"juin": 6}}, Path("lang/xx/rules.yaml"), 0, set(PRODUCTIONS),
              {"phrase_ends": r"(?=\s*[,.])"})
    assert "lang/xx/rules.yaml:12" in str(info.value) and message in str(info.value)


def test_a_fragment_is_written_once_and_read_where_it_is_named() -> None:
    from pathlib import Path

    from timeline.temporal.language import _rule
    from timeline.temporal.productions import PRODUCTIONS

    raw = {"name": "r", "pattern": "{month}{@phrase_ends}", "produce": "nothing", "__line__": 3}
    rule = _rule(raw, {"month": {"juin": 6}}, Path("lang/xx/rules.yaml"), 0, set(PRODUCTIONS),
                 {"phrase_ends": r"(?=\s*[,.])"})
    assert rule.regex.search("en juin, puis") and not rule.regex.search("en juin puis")
    assert rule.gates == (frozenset({"juin"}),)  # the fragment adds no required word
