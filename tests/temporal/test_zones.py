"""Clock times in a named zone or in "local time", read in the zone of a timed publication date,
on either side of daylight saving (timeline/temporal/zones.py, the `tz` class, places.yaml)."""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml

from timeline.temporal import extract
from timeline.temporal.language import LanguageError, load_language
from timeline.temporal.zones import LOCAL, iana_zone, offset_on, place_zone, places

LANG_DIR = Path(__file__).resolve().parents[2] / "timeline" / "temporal" / "lang"
WINTER_UTC = "2024-01-17T12:00:00+00:00"  # a Wednesday; Paris UTC+1, Kyiv UTC+2, New York UTC-5
SUMMER_UTC = "2024-07-17T12:00:00+00:00"  # a Wednesday; Paris UTC+2, Kyiv UTC+3, New York UTC-4


def times(text: str, dct: str, lang: str) -> dict[str, str]:
    """The TIME mentions a reader would see: words -> value."""
    return {m.text: m.value for m in extract(text, dct, lang) if m.type == "TIME"}


@pytest.mark.parametrize("text,dct,expected", [
    # a named city's clock: its offset on that day, so the season counts
    ("La réunion s'ouvrira à 14 heures, heure de Kiev.", WINTER_UTC, {"14 heures, heure de Kiev": "2024-01-17T12:00"}),
    ("La réunion s'ouvrira à 14 heures, heure de Kiev.", SUMMER_UTC, {"14 heures, heure de Kiev": "2024-07-17T11:00"}),
    ("Le vote aura lieu à 20 h, heure de Paris.", WINTER_UTC, {"20 h, heure de Paris": "2024-01-17T19:00"}),
    ("Le vote aura lieu à 20 h, heure de Paris.", SUMMER_UTC, {"20 h, heure de Paris": "2024-07-17T18:00"}),
    ("L'allocution est prévue à 21 heures, heure française.", SUMMER_UTC,
     {"21 heures, heure française": "2024-07-17T19:00"}),
    ("Le discours débutera à 18 h (heure de Washington).", SUMMER_UTC,
     {"18 h (heure de Washington)": "2024-07-17T22:00"}),
    # Moscow has kept UTC+3 all year since 2014
    ("Le défilé commencera à 10 heures, heure de Moscou.", SUMMER_UTC, {"10 heures, heure de Moscou": "2024-07-17T07:00"}),
    ("Le défilé commencera à 10 heures, heure de Moscou.", WINTER_UTC, {"10 heures, heure de Moscou": "2024-01-17T07:00"}),
    # an abbreviation is one offset whatever the season: CET is UTC+1 even in July
    ("La séance reprendra à 16 heures CET.", SUMMER_UTC, {"16 heures CET": "2024-07-17T15:00"}),
    ("La séance reprendra à 16 h CEST.", SUMMER_UTC, {"16 h CEST": "2024-07-17T14:00"}),
    ("Le cessez-le-feu entrera en vigueur à 12 heures, heure GMT.", "2024-07-17T08:00:00+02:00",
     {"12 heures, heure GMT": "2024-07-17T14:00"}),
    ("La trêve débute à 14 h (temps universel).", "2024-01-17T08:00:00+01:00",
     {"14 h (temps universel)": "2024-01-17T15:00"}),
    ("Le discours est prévu à 19 h HNE.", SUMMER_UTC, {"19 h HNE": "2024-07-18T00:00"}),
    # local time: the place the sentence names, after or before the clock
    ("Des explosions ont retenti à 3 h 40, heure locale, à Kharkiv.", WINTER_UTC,
     {"3 h 40, heure locale": "2024-01-17T01:40"}),
    ("Des explosions ont retenti à 3 h 40, heure locale, à Kharkiv.", SUMMER_UTC,
     {"3 h 40, heure locale": "2024-07-17T00:40"}),
    ("À Séoul, l'alerte a été levée à 9 heures, heure locale.", SUMMER_UTC,
     {"9 heures, heure locale": "2024-07-17T00:00"}),
    ("À Pyongyang, l'avion s'est posé à 2 heures locales.", WINTER_UTC, {"2 heures locales": "2024-01-16T17:00"}),
    # the nearest place wins: the strike was in Odessa, the reaction came from Moscou
    ("Moscou a réagi à la frappe menée à 23 heures, heure locale, sur le port d'Odessa.", WINTER_UTC,
     {"23 heures, heure locale": "2024-01-17T21:00"}),
    # no place in the sentence (one in the sentence before does not count): an hour of an unknown
    # zone, so only its day is read (the site shows every hour in the publication's zone)
    ("Les sirènes ont retenti à 3 h 40, heure locale.", WINTER_UTC, {}),
    ("Le ministre est à Kiev. Les sirènes ont retenti à 3 h 40, heure locale.", WINTER_UTC, {}),
    # a publication date without a time has no zone to convert into: kept as written
    ("Des explosions ont retenti à 3 h 40, heure locale, à Kharkiv.", "2024-01-17",
     {"3 h 40, heure locale": "2024-01-17T03:40"}),
])
def test_french_zones(text: str, dct: str, expected: dict[str, str]) -> None:
    assert times(text, dct, "fr") == expected


@pytest.mark.parametrize("text,dct,expected", [
    ("The talks open at 9 am Kyiv time.", WINTER_UTC, {"9 am Kyiv time": "2024-01-17T07:00"}),
    ("The talks open at 9 am Kyiv time.", SUMMER_UTC, {"9 am Kyiv time": "2024-07-17T06:00"}),
    ("The vote closes at 9 p.m. ET.", WINTER_UTC, {"9 p.m. ET": "2024-01-18T02:00"}),
    ("The vote closes at 9 p.m. ET.", SUMMER_UTC, {"9 p.m. ET": "2024-07-18T01:00"}),
    ("The address is set for 8 pm Eastern time.", SUMMER_UTC, {"8 pm Eastern time": "2024-07-18T00:00"}),
    # EST is UTC-5, whatever the season
    ("The address is set for 8 pm EST.", SUMMER_UTC, {"8 pm EST": "2024-07-18T01:00"}),
    ("The parade starts at 10 am Moscow time.", SUMMER_UTC, {"10 am Moscow time": "2024-07-17T07:00"}),
    # a publication in New York reads a Kyiv clock in New York time
    ("Sirens sounded in Kharkiv at 5 a.m. local time.", "2024-07-17T08:00:00-04:00",
     {"5 a.m. local time": "2024-07-16T22:00"}),
    ("In Jeddah, the delegations met at 10 am local time.", WINTER_UTC, {"10 am local time": "2024-01-17T07:00"}),
    ("The drones struck at 0400 hours local time in Belgorod.", WINTER_UTC,
     {"0400 hours local time": "2024-01-17T01:00"}),
    ("Sirens sounded at 5 a.m. local time.", WINTER_UTC, {}),
])
def test_english_zones(text: str, dct: str, expected: dict[str, str]) -> None:
    assert times(text, dct, "en") == expected


@pytest.mark.parametrize("text,dct,expected", [
    # the day daylight saving starts in Paris (2024-03-31, 02:00 -> 03:00): before and after
    ("Le dimanche 31 mars 2024, à 1 h, heure de Paris, l'alerte a été donnée.", "2024-04-02T09:00:00+00:00",
     {"1 h, heure de Paris": "2024-03-31T00:00"}),
    ("Le dimanche 31 mars 2024, à 4 h, heure de Paris, l'alerte a été levée.", "2024-04-02T09:00:00+00:00",
     {"4 h, heure de Paris": "2024-03-31T02:00"}),
    # the clock's own day decides, not the publication's: a July date read from a January text
    ("Le 10 juillet 2024, à 11 heures, heure de Kiev, le sommet s'est ouvert.", WINTER_UTC,
     {"11 heures, heure de Kiev": "2024-07-10T08:00"}),
])
def test_the_offset_is_that_of_the_clocks_day(text: str, dct: str, expected: dict[str, str]) -> None:
    assert times(text, dct, "fr") == expected


def test_a_publication_zone_with_daylight_saving_shows_the_clocks_own_season() -> None:
    """A DCT given as a datetime in an IANA zone (winter, UTC+1 in Paris) shows a July clock
    in Paris summer time (UTC+2)."""
    dct = datetime(2024, 1, 17, 12, tzinfo=ZoneInfo("Europe/Paris"))
    found = {m.text: m.value for m in extract("Le 10 juillet 2024, à 11 heures, heure de Kiev, le sommet "
                                              "s'est ouvert.", dct, "fr") if m.type == "TIME"}
    assert found == {"11 heures, heure de Kiev": "2024-07-10T10:00"}


@pytest.mark.parametrize("text", ["He bought 18 ct gold.", "The headline was set in 12 pt type."])
def test_zone_words_do_not_make_clocks(text: str) -> None:
    assert times(text, WINTER_UTC, "en") == {}


def test_only_zone_words_convert() -> None:
    """"heure de pointe" is no zone, though Kiev is named: the clock stays as written."""
    assert times("Le train part à 8 heures, heure de pointe, de Kiev.", WINTER_UTC, "fr") == {
        "8 heures": "2024-01-17T08:00"}


def test_demo_entry_speech_and_explosions_are_the_same_moment() -> None:
    text = ("Vladimir Poutine a annoncé ce jeudi, peu avant 6 heures, heure de Moscou, le lancement d'une "
            "« opération militaire spéciale » en Ukraine. Peu après 5 heures, heure locale, des explosions ont "
            "été entendues à Kiev, à Kharkiv et à Odessa.")
    assert times(text, "2022-02-24T08:15:00+01:00", "fr") == {
        "6 heures, heure de Moscou": "2022-02-24T04:00", "5 heures, heure locale": "2022-02-24T04:00"}


@pytest.mark.parametrize("code", ["fr", "en"])
def test_every_zone_in_the_data_is_known(code: str) -> None:
    """A misspelt IANA name would silently keep clocks as written: every one must load."""
    tz = load_language(code).classes["tz"]
    named = {v for v in tz.values() if isinstance(v, str) and v != LOCAL}
    assert LOCAL in tz.values()
    assert all(isinstance(v, (int, float)) for v in tz.values() if not isinstance(v, str))
    table, _ = places(code)
    unknown = sorted(z for z in named | set(table.values()) if iana_zone(z) is None)
    assert not unknown


@pytest.mark.parametrize("code", ["fr", "en"])
def test_each_place_is_listed_once(code: str) -> None:
    raw = yaml.safe_load((LANG_DIR / code / "places.yaml").read_text(encoding="utf-8"))["zones"]
    names = [n for ns in raw.values() for n in ns]
    assert len(names) == len(set(names)), sorted({n for n in names if names.count(n) > 1})


@pytest.mark.parametrize("code,frame", [
    ("fr", "Les sirènes ont retenti à 12 heures, heure locale, à {place}."),
    ("en", "Sirens sounded at 12 pm local time in {place}."),
])
def test_every_place_is_found_in_a_sentence(code: str, frame: str) -> None:
    """Each name of the table, whatever its hyphens, spaces or accents, gives its own zone."""
    table, _ = places(code)
    for place, zone in table.items():
        noon = datetime(2024, 1, 17, 12, tzinfo=ZoneInfo(zone)).astimezone(timezone.utc)
        expected = noon.replace(tzinfo=None).isoformat(timespec="minutes")
        got = times(frame.format(place=place), WINTER_UTC, code)
        assert list(got.values()) == [expected], (place, got)


def test_place_zone_takes_the_nearest_name_and_skips_other_sentences() -> None:
    text = "Depuis Moscou, on annonce que à Kiev les sirènes ont sonné. Rien à Tokyo."
    start = text.index("les sirènes")
    assert place_zone("fr", text, start, start + 11, 0, text.index(" Rien")) == "Europe/Kyiv"
    assert place_zone("fr", text, start, start + 11, 0, text.index("Kiev")) == "Europe/Moscow"
    assert place_zone("fr", "la france et kiev", 0, 2, 0, 17) is None  # names are capitalised


def test_fixed_offsets_are_hours_east_of_utc() -> None:
    assert offset_on(5.5, date(2024, 1, 1), 0, 0) == timedelta(hours=5, minutes=30)
    assert offset_on("Europe/Kyiv", date(2024, 7, 1), 12, 0) == timedelta(hours=3)
    assert offset_on("Not/AZone", date(2024, 7, 1), 12, 0) is None


def test_many_local_clocks_in_one_sentence_stay_linear() -> None:
    """Each "heure locale" reads only PLACE_REACH characters either side: 3,000 of them in one
    unpunctuated sentence (about 95,000 characters) take well under a second of place look-ups;
    reading the whole sentence each time took about 5 s. The place nearest each clock decides."""
    text = "À Kiev " + "puis à 5 heures, heure locale, " * 3000 + "et à 7 heures, heure locale, à Tokyo."
    started = time.perf_counter()
    values = [m.value for m in extract(text, WINTER_UTC, "fr") if m.type in ("TIME", "DATE")]
    assert time.perf_counter() - started < 4.0
    assert len(values) == 3001
    assert values[0] == "2024-01-17T03:00"  # Kiev, UTC+2
    assert values[1500] == "2024-01-17"  # no place within reach: the day only
    assert values[-1] == "2024-01-16T22:00"  # Tokyo, UTC+9


def test_a_broken_place_table_names_its_file(tmp_path, monkeypatch) -> None:
    import timeline.temporal.zones as zones

    (tmp_path / "xx").mkdir()
    (tmp_path / "xx" / "places.yaml").write_text("zones:\n  Europe/Kyiv: Kiev\n", encoding="utf-8")
    monkeypatch.setattr(zones, "LANG_DIR", tmp_path)
    zones.places.cache_clear()
    try:
        with pytest.raises(LanguageError, match="places.yaml"):
            zones.places("xx")
    finally:
        zones.places.cache_clear()


def test_a_local_clock_with_no_place_gives_its_day_only() -> None:
    """An hour in a zone the text does not name cannot be shown in the publication's zone, as
    every other hour is: the mention keeps the words and reads their day."""
    found = [(m.text, m.type, m.value) for m in extract("Les sirènes ont retenti à 3 h 40, heure locale.",
                                                       WINTER_UTC, "fr")]
    assert found == [("3 h 40, heure locale", "DATE", "2024-01-17")]
