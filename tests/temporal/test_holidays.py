"""Holidays in the date engine: what a reader sees for feast names in English and French
news, the lunar calendars read from the `holidays` package, and their limits."""

from datetime import date
from pathlib import Path

import pytest
import yaml

from timeline.temporal import extract
from timeline.temporal.holidays import _library_days, feasts, occurrences, valid_rule

LANG = Path(__file__).resolve().parents[2] / "timeline" / "temporal" / "lang"


def _one(text: str, dct: str, lang: str, prefer: str | None = None):
    found = [m for m in extract(text, dct, lang, prefer=prefer) if m.type in ("DATE", "TIME")]
    assert len(found) == 1, f"{text!r}: {found}"
    return found[0]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_holiday_word_has_a_rule_the_engine_reads(lang):
    words = yaml.safe_load((LANG / lang / "holidays.yaml").read_text(encoding="utf-8"))["classes"]["holiday"]
    bad = {w: r for w, r in words.items() if not valid_rule(str(r))}
    assert not bad, f"malformed rules or unknown feasts: {bad}"


def test_every_feast_of_the_library_has_a_day_in_2024():
    """A renamed holiday in a new version of the library would silently date nothing."""
    missing = [key for key in feasts() if not occurrences(f"lib:{key}", 2024)]
    assert not missing, f"no 2024 date for {missing}: check the names in lang/feasts.yaml"


@pytest.mark.parametrize("text,dct,lang,value", [
    # the war's own calendar: truces and national days
    ("Moscow will observe a 36-hour truce for Orthodox Christmas.", "2024-01-05", "en", "2024-01-07"),
    ("Kyiv will not observe the truce Moscow proposes for Orthodox Easter.", "2025-04-15", "en", "2025-04-20"),
    ("Red Square hosted the parade on Victory Day.", "2024-05-10", "en", "2024-05-09"),
    ("Zelensky spoke on Ukraine's Independence Day.", "2024-08-25", "en", "2024-08-24"),
    ("Le Kremlin propose une trêve pour la Pâque orthodoxe.", "2025-04-15", "fr", "2025-04-20"),
    ("Poutine a présidé le défilé du jour de la Victoire.", "2024-05-10", "fr", "2024-05-09"),
    ("Kiev a célébré le jour de l'indépendance de l'Ukraine sous les sirènes.", "2024-08-25", "fr", "2024-08-24"),
    ("La Toussaint 2023 a été marquée par des frappes.", "2024-10-18", "fr", "2023-11-01"),
    # lunar and lunisolar feasts, from the library's calendars
    ("Eid al-Fitr 2018", "2013-02-12", "en", "2018-06-15"),
    ("Eid al-Adha 1980", "2013-02-12", "en", "1980-10-19"),
    ("Celebrations for Eid al-Adha 2024 were muted.", "2024-06-20", "en", "2024-06-16"),
    ("Les fidèles ont célébré l'Aïd el-Kébir 2024 sous les bombes.", "2024-06-20", "fr", "2024-06-16"),
    ("Yom Kippur 2023", "2024-10-18", "en", "2023-09-25"),
    ("Chinese New Year 2024", "2024-10-18", "en", "2024-02-10"),
    ("Le Nouvel An chinois 2024 a été fêté à Pékin.", "2024-10-18", "fr", "2024-02-10"),
    ("Diwali 2019", "2024-10-18", "en", "2019-10-27"),
    ("Deepavali in 2019", "2024-10-18", "en", "2019-10-27"),
    # arithmetic observances
    ("Black Friday 2017", "2024-10-18", "en", "2017-11-24"),
    ("Boss's Day 2021", "2024-10-18", "en", "2021-10-15"),  # 16 Oct. 2021 is a Saturday
    ("Boss's Day 2016", "2024-10-18", "en", "2016-10-17"),  # a Sunday
    ("Lazarus Saturday 2018", "2024-10-18", "en", "2018-03-31"),
    ("last Chinese New Year", "2013-02-12", "en", "2013-02-10"),
    ("Thanksgiving of next year", "2013-02-12", "en", "2014-11-27"),
    ("the morning of Christmas 2013", "2013-02-12", "en", "2013-12-25TMO"),
])
def test_a_feast_name_is_its_day(text, dct, lang, value):
    assert _one(text, dct, lang).value == value


@pytest.mark.parametrize("text,dct,lang,value", [
    ("Strikes resumed three days after Easter.", "2024-10-18", "en", "2024-04-03"),
    ("The offensive began two days after Orthodox Easter.", "2024-10-18", "en", "2024-05-07"),
    ("the third Tuesday after Christmas 2014", "2024-10-18", "en", "2015-01-13"),
    ("A week before Christmas, the talks stalled.", "2025-01-10", "en", "2024-12-18"),
    ("Thanksgiving in 3 years", "2013-02-12", "en", "2016-11-24"),
    ("Thanksgiving 3 months ago", "2013-02-12", "en", "2012-11-22"),
    ("Les frappes ont repris trois jours après Pâques.", "2024-10-18", "fr", "2024-04-03"),
    ("Les combats ont repris au lendemain de Noël.", "2025-01-10", "fr", "2024-12-26"),
    ("La frappe a eu lieu la veille du ramadan.", "2024-10-18", "fr", "2024-03-10"),
])
def test_a_day_counted_from_a_feast(text, dct, lang, value):
    assert _one(text, dct, lang).value == value


def test_a_year_from_christmas_said_in_february_is_the_coming_christmas():
    """The direction chooses among the days the phrase can mean, not among the Christmases."""
    assert _one("a year from Christmas", "2013-02-12", "en", prefer="future").value == "2013-12-25"


def test_a_feast_of_several_days_is_its_first_day_with_its_whole_window():
    ramadan = _one("During Ramadan, the shelling went on.", "2024-04-20", "en")
    assert (ramadan.value, ramadan.earliest, ramadan.latest) == ("2024-03-11", "2024-03-11", "2024-04-09")
    hanukkah = _one("Hanukkah 2018", "2024-10-18", "en")
    assert (hanukkah.value, hanukkah.earliest, hanukkah.latest) == ("2018-12-03", "2018-12-03", "2018-12-10")
    fr = _one("Pendant le ramadan, les bombardements ont continué.", "2024-04-20", "fr")
    assert (fr.earliest, fr.latest) == ("2024-03-11", "2024-04-09")


def test_counting_after_a_feast_of_several_days_starts_from_its_last_day():
    assert _one("two days after Hanukkah 2018", "2024-10-18", "en").value == "2018-12-12"
    assert _one("two days before Hanukkah 2018", "2024-10-18", "en").value == "2018-12-01"


def test_a_feast_named_on_its_own_day_is_that_day():
    assert _one("Christmas", "2024-12-25", "en", prefer="future").value == "2024-12-25"
    assert _one("next Christmas", "2024-12-25", "en").value == "2025-12-25"


@pytest.mark.parametrize("text,lang", [
    ("Diwali 1990", "en"),          # India's holiday calendar in the library starts in 2001
    ("Eid al-Fitr 1900", "en"),     # before the Umm al-Qura table the library reads (1925 on)
    ("The preacher Tariq Ramadan spoke in Paris.", "en"),
    ("Le prédicateur Tariq Ramadan a parlé à Paris.", "fr"),
    ("la victoire de l'Ukraine est possible", "fr"),
    ("l'indépendance ukrainienne est menacée", "fr"),
])
def test_no_date_rather_than_a_wrong_one(text, lang):
    assert [m for m in extract(text, "2024-10-18", lang) if m.type in ("DATE", "TIME")] == []


def test_an_islamic_feast_may_come_twice_in_one_gregorian_year():
    assert [o[0] for o in occurrences("lib:eid_al_fitr", 2000)] == [date(2000, 1, 8), date(2000, 12, 27)]


def test_the_library_is_asked_once_per_country_and_year():
    extract("Eid al-Fitr 2019, Eid al-Adha 2019, Ramadan 2019", "2024-10-18", "en")
    before = _library_days.cache_info().misses
    for _ in range(3):
        extract("Eid al-Fitr 2019, Eid al-Adha 2019, Ramadan 2019", "2024-10-18", "en")
    assert _library_days.cache_info().misses == before


@pytest.mark.parametrize("text,dct,lang,value", [
    ("Strikes hit Kyiv on the eve of Orthodox Easter.", "2024-05-10", "en", "2024-05-04"),
    ("The talks should end by the end of Ramadan 2025.", "2024-10-18", "en", "2025-03-29"),
    ("The ceasefire held until the start of Ramadan 2025.", "2024-10-18", "en", "2025-03-01"),
    ("Les négociations devraient aboutir avant la fin du ramadan 2025.", "2024-10-18", "fr", "2025-03-29"),
])
def test_the_eve_the_start_and_the_end_of_a_feast(text, dct, lang, value):
    assert _one(text, dct, lang).value == value


@pytest.mark.parametrize("text,dct,lang,value", [
    ("Fighting went on through the Easter weekend.", "2024-04-02", "en", "2024-W13-WE"),
    ("Traffic peaked on Labor Day weekend 2021.", "2024-10-18", "en", "2021-W35-WE"),
    ("Les frappes ont continué pendant le week-end de la Toussaint 2024.", "2024-11-05", "fr", "2024-W44-WE"),
])
def test_the_weekend_of_a_feast(text, dct, lang, value):
    assert _one(text, dct, lang).value == value


def test_a_season_of_the_church_year_is_a_window():
    lent = _one("Talks stalled during Lent 2024.", "2024-10-18", "en")
    assert (lent.value, lent.earliest, lent.latest) == ("2024-02-14", "2024-02-14", "2024-03-30")
    careme = _one("Les négociations ont calé pendant le grand carême 2024.", "2024-10-18", "fr")
    assert (careme.earliest, careme.latest) == ("2024-03-18", "2024-04-26")  # orthodoxe : Pâque le 5 mai


def test_lent_the_verb_is_no_date():
    found = extract("The US lent Ukraine $20 billion in 2024.", "2024-10-18", "en")
    assert [m.value for m in found if m.type == "DATE"] == ["2024"]


@pytest.mark.parametrize("text,dct,lang,value", [
    ("Depuis Noël dernier, le front n'a guère bougé.", "2024-10-18", "fr", "2023-12-25"),
    ("Le premier jour du ramadan 2025 approche.", "2024-10-18", "fr", "2025-03-01"),
    ("The first day of Ramadan 2025 is near.", "2024-10-18", "en", "2025-03-01"),
    ("The talks resumed after Easter Monday 2024.", "2024-10-18", "en", "2024-04-01"),
])
def test_more_news_sentences(text, dct, lang, value):
    assert _one(text, dct, lang).value == value


def test_hebrew_feasts_are_the_day_itself_not_the_evening_before():
    """The Yom Kippur War began on 6 October 1973; the 2023 attack fell on Simchat Torah, 7 October."""
    assert _one("The war began on Yom Kippur 1973.", "2024-10-18", "en").value == "1973-10-06"
    assert _one("Hamas attacked on Simchat Torah 2023.", "2024-10-18", "en").value == "2023-10-07"


def test_a_feast_that_runs_into_the_next_year_keeps_its_whole_window():
    hanukkah = _one("Hanukkah 2024", "2024-10-18", "en")
    assert (hanukkah.earliest, hanukkah.latest) == ("2024-12-26", "2025-01-02")


def test_the_calendar_library_is_loaded_only_for_a_lunar_feast():
    """Start-up time: a text naming Christmas or Easter never imports the `holidays` package."""
    import subprocess
    import sys

    code = ("import sys; from timeline.temporal import extract; "
            "extract('Noël 2024, Pâques 2025 et le lendemain de Noël', '2024-10-18', 'fr'); "
            "a = 'holidays' in sys.modules; extract('Eid al-Fitr 2018', '2024-10-18', 'en'); "
            "print(a, 'holidays' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                         cwd=Path(__file__).resolve().parents[2])
    assert out.stdout.split() == ["False", "True"], out.stderr


@pytest.mark.parametrize("text,lang,value", [
    ("Kyiv marked Defenders of Ukraine Day 2022 with a minute of silence.", "en", "2022-10-14"),
    ("Kyiv marked Defenders of Ukraine Day 2024 with a minute of silence.", "en", "2024-10-01"),  # moved by law in 2023
    ("Ukrainian Statehood Day 2024", "en", "2024-07-15"),
    ("Le jour de l'État ukrainien 2023 a été marqué par des frappes.", "fr", "2023-07-28"),
    ("la journée des défenseurs et défenseuses de l'Ukraine 2024", "fr", "2024-10-01"),
])
def test_ukraine_national_days_follow_the_law_of_each_year(text, lang, value):
    assert _one(text, "2024-10-18", lang).value == value


def test_no_national_day_before_the_state_existed():
    assert [m for m in extract("Ukraine's Independence Day 1985", "2024-10-18", "en") if m.rule == "holiday"] == []


@pytest.mark.parametrize("text,lang,value", [
    ("On May 8, Victory Day in Ukraine, sirens sounded.", "en", "2024-05-08"),
    ("Le 9 mai, jour de la Victoire, Poutine a parlé sur la place Rouge.", "fr", "2024-05-09"),
])
def test_a_feast_named_after_its_date_is_that_dates_label(text, lang, value):
    """Two TIMEX3 in apposition, both on the written date: the name cannot contradict it."""
    found = [m for m in extract(text, "2024-10-18", lang) if m.type in ("DATE", "TIME")]
    assert [m.value for m in found] == [value, value]


@pytest.mark.parametrize("text,dct,lang,expected", [
    ("Prisoners were swapped on Saturday, Independence Day in Ukraine.", "2024-08-26", "en",
     [("Saturday", "2024-08-24"), ("Independence Day", "2024-08-24")]),
    ("Belarus marked Independence Day on Wednesday with a parade.", "2024-07-05", "en",
     [("Independence Day", "2024-07-03"), ("Wednesday", "2024-07-03")]),
    ("On Palm Sunday, April 13, a missile strike on Sumy killed 35 people.", "2025-04-19", "en",
     [("Palm Sunday", "2025-04-13"), ("April 13", "2025-04-13")]),
    ("Le 24 août, jour de la fête de l'Indépendance, Zelensky s'est exprimé à Kiev.", "2024-09-06", "fr",
     [("Le 24 août", "2024-08-24"), ("jour de la fête de l'Indépendance", "2024-08-24")]),
    # no day beside it: whose Independence Day is not said, so no date
    ("The president spoke on Independence Day.", "2024-10-18", "en", []),
])
def test_a_national_day_of_no_named_country_is_dated_by_the_day_it_labels(text, dct, lang, expected):
    assert [(m.text, m.value) for m in extract(text, dct, lang) if m.type in ("DATE", "TIME")] == expected


@pytest.mark.parametrize("text,lang,value", [
    ("Putin decorated soldiers on Russia Day 2024.", "en", "2024-06-12"),
    ("Poutine a décoré des soldats le jour de la Russie 2024.", "fr", "2024-06-12"),
    ("Moscow staged a concert for Defender of the Fatherland Day 2023.", "en", "2023-02-23"),
])
def test_russia_national_days(text, lang, value):
    assert _one(text, "2024-10-18", lang).value == value


def test_a_feast_under_way_is_both_begun_and_not_over():
    """Published on 20 March 2024, in the middle of Ramadan (11 March - 9 April)."""
    future = _one("The strikes will go on during Ramadan, officials warned.", "2024-03-20", "en")
    past = _one("The strikes went on during Ramadan.", "2024-03-20", "en")
    assert future.value == past.value == "2024-03-11"


@pytest.mark.parametrize("text,lang", [
    ("Pyongyang se tiendra fermement aux côtés de nos camarades russes jusqu'au jour de la victoire.", "fr"),
    ("They will fight until victory day comes.", "en"),
    ("Un sapin de Noël a été installé place Maïdan.", "fr"),
    ("A Christmas tree was set up on Maidan.", "en"),
    ("Kyiv declared a memorial day for the victims.", "en"),
    ("Sans ce texte, l'accord du Vendredi saint serait caduc.", "fr"),
    ("The Good Friday Agreement ended the Troubles.", "en"),
    ("Kiev refuse de négocier un armistice qui gèlerait le front.", "fr"),
    ("L'ascension fulgurante de Prigojine a inquiété le Kremlin.", "fr"),
])
def test_words_that_only_look_like_a_feast(text, lang):
    assert [m for m in extract(text, "2024-11-01", lang) if m.type in ("DATE", "TIME")] == []


def test_the_night_of_christmas_is_the_night_of_the_24th_in_french():
    assert _one("Des frappes ont visé Kharkiv la nuit de Noël.", "2024-12-27", "fr").value == "2024-12-24TNI"
    assert _one("Des frappes ont visé Kharkiv le matin de Noël.", "2024-12-27", "fr").value == "2024-12-25TMO"
