"""The seed article (Europe 1, 2024-10-18): every date in it comes out right, and nothing else."""

from __future__ import annotations

from pathlib import Path

from timeline.temporal import extract

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
SEED_TEXT = """Le président Volodymyr Zelensky assurait il y a plusieurs jours déjà que des soldats coréens se \
préparaient à combattre aux côtés de la Russie. Et ce vendredi, ce sont les services de renseignements \
sud-coréens qui évoquent un envoi imminent. Ce sont pas moins de 12.000 hommes qui pourraient arriver en \
Russie dans les prochaines semaines. 1.500 soldats sont déjà arrivés. Un rapprochement militaire formalisé \
en juin dernier avec la signature d’un accord. Il restera sur place tout le week-end dans la capitale."""
EXPECTED = {
    "il y a plusieurs jours": ("PAST_REF", "dct"),
    "ce vendredi": ("2024-10-18", "dct"),
    "les prochaines semaines": ("FUTURE_REF", "dct"),  # TimeML: the preposition stays out
    "juin dernier": ("2024-06", "dct"),
    "tout le week-end": ("2024-W42-WE", "dct"),
}


def _dated(text: str) -> dict[str, tuple[str, str]]:
    return {m.text: (m.value, m.anchor) for m in extract(text, "2024-10-18", "fr") if m.type in ("DATE", "TIME")}


def test_seed_sentences_exactly() -> None:
    assert _dated(SEED_TEXT) == EXPECTED


def test_seed_article_file_exactly() -> None:
    files = sorted(SEEDS.glob("*.txt"))
    if not files:  # the shared folder is outside the repo; the sentences above still run
        return
    assert _dated(files[0].read_text(encoding="utf-8")) == EXPECTED


def test_vague_mentions_still_have_a_window() -> None:
    by_text = {m.text: m for m in extract(SEED_TEXT, "2024-10-18", "fr")}
    past, future = by_text["il y a plusieurs jours"], by_text["les prochaines semaines"]
    assert past.earliest and past.latest and past.latest < "2024-10-18" <= future.earliest
    assert by_text["tout le week-end"].earliest == "2024-10-19"
    assert by_text["tout le week-end"].latest == "2024-10-20"
