"""A small hand-built timeline for the site, render and output tests.

Built from the shared dataclasses only (no loader, no date engine), so these
tests check the site stage alone. The seed article's sentences are used as
quotes with the spans the date engine gives them.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from timeline.model import Actor, Config, Entry, Event, Kind, Mention, Source, When
from timeline.site import make_timeline

PARIS = timezone(timedelta(hours=2))
SEED_TEXT = (
    "Le président Volodymyr Zelensky assurait il y a plusieurs jours déjà que des soldats coréens "
    "se préparaient à combattre aux côtés de la Russie. Ce sont pas moins de 12.000 hommes qui "
    "pourraient arriver en Russie dans les prochaines semaines, selon les renseignements sud-coréens. "
    "Un rapprochement militaire entre Moscou et Pyongyang formalisé en juin dernier avec la signature "
    "d'un accord de défense mutuelle. Il restera sur place tout le week-end dans la capitale ukrainienne."
)
EN_TEXT = "North Korean troops were seen in Kursk in early November 2024, officials said on 4 November 2024."


def _span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def _sentence(text: str, words: str) -> tuple[int, int]:
    """The sentence of `text` holding `words` (offsets)."""
    at = text.index(words)
    start = text.rfind(". ", 0, at)
    start = 0 if start < 0 else start + 2
    end = text.find(". ", at)
    end = len(text) if end < 0 else end + 1
    return start, end


def config(**changes) -> Config:
    base = dict(
        title="Russie – Corée du Nord : chronologie",
        description="Chronologie sourcée.",
        language="fr",
        kinds=(Kind("diplomatic", "Diplomatie"), Kind("military", "Militaire")),
        actors=(Actor("russie", "Russie"), Actor("coree-du-nord", "Corée du Nord"),
                Actor("ukraine", "Ukraine"), Actor("france", "France")),
    )
    base.update(changes)
    return Config(**base)


def entries() -> list[Entry]:
    seed = Entry(path="entries/seed.md", slug="2024-10-18-seed", title="La Corée du Nord s'apprête à envoyer des soldats",
                 published=datetime(2024, 10, 18, tzinfo=PARIS), source="Europe 1",
                 url="https://www.europe1.fr/international/guerre-en-ukraine", lang="fr",
                 tags=("troupes nord-coréennes",), actors=("coree-du-nord", "russie"),
                 html="<p>" + SEED_TEXT.replace("'", "&#x27;") + "</p>", text=SEED_TEXT)
    english = Entry(path="entries/kursk.md", slug="2024-11-05-kursk", title="North Korean troops in Kursk",
                    published=datetime(2024, 11, 5, 9, 0, tzinfo=timezone.utc), source="Reuters",
                    url="https://www.reuters.com/world/kursk", lang="en", tags=("Kursk",),
                    html="<p>" + EN_TEXT + "</p>", text=EN_TEXT)
    return [seed, english]


def _source(entry: Entry, words: list[str], when: When | None = None) -> Source:
    start, end = _sentence(entry.text, words[0])
    quote = entry.text[start:end]
    return Source(entry=entry.slug, outlet=entry.source, url=entry.url, published=entry.published.isoformat(),
                  quote=quote, spans=tuple(_span(quote, w) for w in words), start=start, end=end, when=when)


def events() -> list[Event]:
    seed, english = entries()
    june = When("2024-06", "2024-06-01", "2024-06-30", anchor="dct", dct="2024-10-18")
    june19 = When("2024-06-19", "2024-06-19", "2024-06-19")
    return [
        Event("ev-past", When("PAST_REF", "2024-10-11", "2024-10-17", anchor="dct", dct="2024-10-18"),
              "Zelensky annonce des soldats coréens", ("ukraine", "coree-du-nord"), "military", "reported",
              (_source(seed, ["il y a plusieurs jours"]),)),
        Event("ev-future", When("FUTURE_REF", "2024-10-19", "2024-11-30", anchor="dct", dct="2024-10-18"),
              "12.000 soldats pourraient arriver en Russie", ("coree-du-nord", "russie"), "military", "expected",
              (_source(seed, ["dans les prochaines semaines"]),)),
        Event("ev-treaty", june, "Accord de défense mutuelle", ("russie", "coree-du-nord"), "diplomatic",
              "occurred", (_source(seed, ["en juin dernier"], june), _source(english, ["4 November 2024"], june19)),
              disputed=True),
        Event("ev-weekend", When("2024-W42-WE", "2024-10-19", "2024-10-20", anchor="dct", dct="2024-10-18"),
              "Jean-Noël Barrot à Kiev", ("france", "ukraine"), "diplomatic", "occurred",
              (_source(seed, ["tout le week-end"]),)),
        Event("ev-kursk", When("2024-11", "2024-11-01", "2024-11-10", mod="START"),
              "North Korean troops seen in Kursk", ("coree-du-nord",), "military", "reported",
              (_source(english, ["early November 2024"]),)),
    ]


def mentions() -> dict[str, list[Mention]]:
    seed, english = entries()

    def m(entry: Entry, words: str, value: str, earliest: str, latest: str, mod: str | None = None) -> Mention:
        start, end = _span(entry.text, words)
        return Mention(words, start, end, "DATE", value, mod, earliest, latest, "dct")

    return {
        seed.slug: [m(seed, "il y a plusieurs jours", "PAST_REF", "2024-10-11", "2024-10-17"),
                    m(seed, "dans les prochaines semaines", "FUTURE_REF", "2024-10-19", "2024-11-30"),
                    m(seed, "en juin dernier", "2024-06", "2024-06-01", "2024-06-30"),
                    m(seed, "tout le week-end", "2024-W42-WE", "2024-10-19", "2024-10-20")],
        english.slug: [m(english, "early November 2024", "2024-11", "2024-11-01", "2024-11-10", "START"),
                       m(english, "4 November 2024", "2024-11-04", "2024-11-04", "2024-11-04")],
    }


def timeline(today: date = date(2024, 12, 31), **config_changes):
    return make_timeline(config(**config_changes), entries(), events(), mentions(), today)
