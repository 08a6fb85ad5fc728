"""`timeline extract` as scripts use it: one text, or a batch of JSON lines."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from timeline.cli import cli

REPO = Path(__file__).resolve().parents[2]
CONTRACT_KEYS = {"text", "start", "end", "type", "value", "mod", "earliest", "latest", "anchor"}


def _batch(lines: list[str], *args: str):
    result = CliRunner().invoke(cli, ["extract", "--jsonl", *args], input="\n".join(lines) + "\n")
    out = [json.loads(line) for line in result.stdout.splitlines()]
    return result, out


def _line(id_, text, dct="2024-10-18", lang="fr", **extra) -> str:
    return json.dumps({"id": id_, "text": text, "dct": dct, "lang": lang, **extra}, ensure_ascii=False)


def test_one_output_line_per_input_line_in_order_with_the_same_ids():
    texts = ["Il est arrivé hier à Kiev.", "Aucune date ici.", "Le sommet a eu lieu le 19 juin 2024.",
             "Il était là ce vendredi.", "La réunion se tiendra demain."]
    ids = ["b", "a", 3, None, "z-9"]
    result, out = _batch([_line(i, t) for i, t in zip(ids, texts)])
    assert result.exit_code == 0, result.stderr
    assert [o["id"] for o in out] == ids
    assert [len(o["mentions"]) for o in out][1] == 0
    assert out[0]["mentions"][0]["value"] == "2024-10-17"
    assert [m["value"] for m in out[2]["mentions"]] == ["2024-06-19"]
    assert out[4]["mentions"][0]["value"] == "2024-10-19"
    assert all("error" not in o for o in out)


def test_mentions_follow_the_contract_and_slice_the_text():
    text = "Le ministre est arrivé hier soir ; il repartira le 21 octobre."
    _, out = _batch([_line("x", text)])
    mentions = out[0]["mentions"]
    assert len(mentions) == 2
    for m in mentions:
        assert set(m) == CONTRACT_KEYS
        assert text[m["start"]:m["end"]] == m["text"]
    assert mentions[0]["start"] < mentions[1]["start"]
    assert mentions[1]["value"] == "2024-10-21"


def test_bad_lines_get_an_error_line_and_the_batch_goes_on():
    lines = [
        _line("ok-1", "Il est arrivé hier."),
        "{not json",
        "[1, 2, 3]",
        json.dumps({"id": "no-text", "dct": "2024-10-18", "lang": "fr"}),
        _line("bad-dct", "hier", dct="2024-13-45"),
        _line("bad-lang", "hier", lang="de"),
        _line("bad-prefer", "vendredi", prefer="sometime"),
        json.dumps({"id": "text-not-str", "text": 42, "dct": "2024-10-18", "lang": "fr"}),
        _line("ok-2", "Il repart demain."),
    ]
    result, out = _batch(lines)
    assert result.exit_code == 1
    assert len(out) == len(lines)
    assert [o["id"] for o in out] == ["ok-1", None, None, "no-text", "bad-dct", "bad-lang",
                                      "bad-prefer", "text-not-str", "ok-2"]
    for number, o in enumerate(out, start=1):
        if 1 < number < len(lines):
            assert o["mentions"] == []
            assert o["error"].startswith(f"line {number}: "), o
        else:
            assert "error" not in o and o["mentions"]
    assert "dct" in out[4]["error"] and "lang" in out[5]["error"] and "prefer" in out[6]["error"]
    assert "Traceback" not in result.stderr
    assert "<stdin>:2: error:" in result.stderr


def test_blank_lines_are_not_records():
    result, out = _batch([_line(1, "hier"), "", "   ", _line(2, "demain")])
    assert result.exit_code == 0
    assert [o["id"] for o in out] == [1, 2]


def test_prefer_per_line_reads_a_tenseless_weekday_both_ways():
    # 2024-10-15 is a Tuesday: "vendredi" alone is the 11th (past) or the 18th (future).
    result, out = _batch([_line("p", "vendredi", dct="2024-10-15", prefer="past"),
                          _line("f", "vendredi", dct="2024-10-15", prefer="future")])
    assert result.exit_code == 0
    assert [o["mentions"][0]["value"] for o in out] == ["2024-10-11", "2024-10-18"]


def test_prefer_option_is_the_default_for_lines_without_one():
    _, out = _batch([_line("d", "vendredi", dct="2024-10-15")], "--prefer", "future")
    assert out[0]["mentions"][0]["value"] == "2024-10-18"


def test_single_text_mode_prints_one_object_per_mention():
    result = CliRunner().invoke(cli, ["extract", "--dct", "2024-10-18", "--lang", "fr"],
                                input="Il est arrivé hier. Il repart le 21 octobre.")
    assert result.exit_code == 0, result.stderr
    objs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["value"] for o in objs] == ["2024-10-17", "2024-10-21"]
    assert all(set(o) == CONTRACT_KEYS for o in objs)


def test_single_text_mode_needs_a_valid_dct():
    missing = CliRunner().invoke(cli, ["extract"], input="hier")
    assert missing.exit_code == 2 and "--dct" in missing.output
    bad = CliRunner().invoke(cli, ["extract", "--dct", "18/10/2024"], input="hier")
    assert bad.exit_code == 1
    assert "dct" in bad.stderr and "Traceback" not in bad.stderr
    assert bad.stdout == ""


def test_the_installed_command_reads_a_file_in_batch_mode(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(_line("f1", "Il est arrivé hier.") + "\n" + _line("f2", "rien") + "\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "timeline", "extract", "--jsonl", str(path)],
                          capture_output=True, text=True, encoding="utf-8", cwd=REPO, timeout=60)
    assert proc.returncode == 0, proc.stderr
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [o["id"] for o in out] == ["f1", "f2"]
    assert out[0]["mentions"][0]["value"] == "2024-10-17"
