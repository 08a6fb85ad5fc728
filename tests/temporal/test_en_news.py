"""English news sentences, one per family of issue 2: what a reader of the site would see.

Publication date of every sentence: Friday 18 October 2024 (the seed article's).
Each case lists the mentions expected as (text, value), in order; DURATION and SET
mentions are listed too, so a stray mention makes the test fail.
"""

from __future__ import annotations

import pytest

from timeline.temporal import extract

DCT = "2024-10-18"

CASES = [
    # absolute dates, full or partial
    ("Putin and Kim signed the treaty on June 19, 2024, in Pyongyang.", [("June 19, 2024", "2024-06-19")]),
    ("The treaty, signed on 19 June 2024, was ratified by the Duma in September.",
     [("19 June 2024", "2024-06-19"), ("September", "2024-09")]),
    ("The treaty will enter into force in December.", [("December", "2024-12")]),
    ("The offensive began in 2014.", [("2014", "2014")]),
    ("On February 24, 2022, Russia invaded. In March, its troops withdrew from Kyiv. By April 2, Bucha was free.",
     [("February 24, 2022", "2022-02-24"), ("March", "2022-03"), ("April 2", "2022-04-02")]),
    ("Russia invaded on February 24, 2022. Yesterday, Zelensky spoke. In March, he fired his minister.",
     [("February 24, 2022", "2022-02-24"), ("Yesterday", "2024-10-17"), ("March", "2024-03")]),
    ("The summit was held on Tuesday, November 5.", [("Tuesday, November 5", "2024-11-05")]),
    ("The vote is expected on November 5.", [("November 5", "2024-11-05")]),
    ("The agreement was signed on 6/19/2024 in Pyongyang.", [("6/19/2024", "2024-06-19")]),
    # relative to the publication date
    ("Zelensky met NATO leaders yesterday in Brussels.", [("yesterday", "2024-10-17")]),
    ("The minister will travel to Kyiv tomorrow.", [("tomorrow", "2024-10-19")]),
    ("On Thursday, the minister demanded a ceasefire.", [("Thursday", "2024-10-17")]),
    ("The Security Council will meet on Tuesday.", [("Tuesday", "2024-10-22")]),
    ("Last Friday, the Pentagon confirmed the deployment.", [("Last Friday", "2024-10-11")]),
    ("Talks will resume next Monday in Geneva.", [("next Monday", "2024-10-21")]),
    ("South Korean intelligence said this Friday that troops had arrived.", [("this Friday", "2024-10-18")]),
    ("Shelling intensified last week near Kharkiv.", [("last week", "2024-W41")]),
    ("Aid deliveries resumed this week.", [("this week", "2024-W42")]),
    ("Exports fell last year.", [("last year", "2023")]),
    ("Elections are due next year.", [("next year", "2025")]),
    ("The ministry reported the strike three days ago.", [("three days ago", "2024-10-15")]),
    ("The first troops arrived two weeks ago.", [("two weeks ago", "2024-10-04")]),
    ("The decision will be announced in three days.", [("in three days", "2024-10-21")]),
    ("Earlier this month, Seoul summoned the Russian ambassador.", [("Earlier this month", "2024-10")]),
    # vague references
    ("Several days ago, Zelensky warned of a North Korean deployment.", [("Several days ago", "PAST_REF")]),
    ("Up to 12,000 troops could arrive in the coming weeks.", [("the coming weeks", "FUTURE_REF")]),
    ("Fighting has intensified in recent days.", [("recent days", "PAST_REF")]),
    ("Kyiv has recently asked for more air defence.", [("recently", "PAST_REF")]),
    # parts of the day and clock times
    ("Explosions were heard on Tuesday evening in Odesa.", [("Tuesday evening", "2024-10-15TEV")]),
    ("Sirens sounded at 2:30 pm across the capital.", [("2:30 pm", "2024-10-18T14:30")]),
    ("The curfew starts at midnight.", [("midnight", "2024-10-18T00:00")]),
    ("The talks will resume on Tuesday at 3 pm in Geneva.", [("Tuesday", "2024-10-22"), ("3 pm", "2024-10-22T15:00")]),
    ("The missile hit Kyiv at 6:40 am on Thursday.", [("6:40 am", "2024-10-17T06:40"), ("Thursday", "2024-10-17")]),
    ("The ceasefire takes effect at 8:00 GMT.", [("8:00 GMT", "2024-10-18T08:00")]),
    ("Drones attacked the port last night.", [("last night", "2024-10-17TNI")]),
    ("Russia launched 90 drones overnight, the air force said.", [("overnight", "2024-10-17TNI")]),
    ("The president will address the nation this evening.", [("this evening", "2024-10-18TEV")]),
    # weekends, seasons, quarters, halves
    ("The minister will stay in Kyiv this weekend.", [("this weekend", "2024-W42-WE")]),
    ("Over the weekend, Ukrainian forces advanced near Kupiansk.", [("the weekend", "2024-W41-WE")]),
    ("The counter-offensive launched this summer has stalled.", [("this summer", "2024-SU")]),
    ("A new offensive is expected next spring.", [("next spring", "2025-SP")]),
    ("Production rose in the third quarter.", [("the third quarter", "2024-Q3")]),
    ("Deliveries are planned for the first half of 2025.", [("the first half of 2025", "2025-H1")]),
    ("Growth slowed in Q3.", [("Q3", "2024-Q3")]),
    # modifiers
    ("A new round of talks is planned for mid-October.", [("mid-October", "2024-10")]),
    ("The sanctions were adopted in late 2023.", [("late 2023", "2023")]),
    ("The troops arrived in early September.", [("early September", "2024-09")]),
    ("The money should arrive by the end of the year.", [("the end of the year", "2024")]),
    # ranges: two DATE mentions
    ("Exercises took place between Oct. 8 and 13.", [("Oct. 8", "2024-10-08"), ("13", "2024-10-13")]),
    # anchored in the text
    ("The delegation arrived on Oct. 8. The next day, it met the prime minister.",
     [("Oct. 8", "2024-10-08"), ("The next day", "2024-10-09")]),
    ("A deal was reached on Oct. 3; two days later, it collapsed.",
     [("Oct. 3", "2024-10-03"), ("two days later", "2024-10-05")]),
    # holidays
    ("Both sides announced a truce for Orthodox Easter 2025.", [("Orthodox Easter 2025", "2025-04-20")]),
    ("A truce is expected at Christmas.", [("Christmas", "2024-12-25")]),
    ("May I add that the talks resumed on the 15th?", [("the 15th", "2024-10-15")]),
    ("Sanctions have been in force since 2014.", [("2014", "2014")]),
    # durations and sets are typed, never placed on the timeline
    ("The siege lasted for three months.", [("three months", "P3M")]),
    ("Inspectors visit the plant every week.", [("every week", "P1W")]),
    ("It was the first such meeting in 24 years.", [("24 years", "P24Y")]),
    ("The strike was the deadliest in a decade.", [("a decade", "P10Y")]),
    ("The minister will travel to Seoul in two weeks.", [("in two weeks", "2024-11-01")]),
    # "next" / "last" + weekday name the day of next / last week (said on a Friday)
    ("Talks will resume next Saturday in Geneva.", [("next Saturday", "2024-10-26")]),
    ("Last Thursday, the Pentagon confirmed the deployment.", [("Last Thursday", "2024-10-10")]),
    ("The convoy arrives this coming Saturday.", [("this coming Saturday", "2024-10-19")]),
    # decades, fortnights, the present, named decades
    ("The plant closed two decades ago.", [("two decades ago", "2004")]),
    ("Infections rose over the past fortnight.", [("the past fortnight", "P2W")]),
    ("Wages have stagnated over the last decade.", [("the last decade", "P10Y")]),
    ("No one has been charged to date.", [("to date", "PRESENT_REF")]),
    ("Kyiv has kept an up-to-date list of the missing.", []),
    ("The factory was built in the nineties.", [("the nineties", "199X")]),
    ("The general, a man in his sixties, resigned.", []),
    # hedged counts and edges of a relative period
    ("The base was hit about three weeks ago, officials said.", [("about three weeks ago", "2024-09-27")]),
    ("The deal was struck more than a year ago.", [("more than a year ago", "2023")]),
    ("Reinforcements should arrive in about two weeks.", [("in about two weeks", "2024-11-01")]),
    ("The plant was shelled late last year.", [("late last year", "2023")]),
    ("Elections could be held early next year.", [("early next year", "2025")]),
    ("The talks collapsed the week before last.", [("the week before last", "2024-W40")]),
    ("Troops will leave by mid-2025.", [("mid-2025", "2025")]),
    ("He arrived on Tuesday. That night, drones hit the city.", [("Tuesday", "2024-10-15"), ("That night", "2024-10-15TNI")]),
    ("The talks ran from Monday to Wednesday.", [("Monday", "2024-10-14"), ("Wednesday", "2024-10-16")]),
    ("Talks were held on 8-13 October in Geneva.", [("8", "2024-10-08"), ("13 October", "2024-10-13")]),
    ("A year ago to the day, Kyiv was under fire.", [("A year ago to the day", "2023-10-18")]),
    ("The deal was signed on Oct. 8; the evening before, talks had stalled.",
     [("Oct. 8", "2024-10-08"), ("the evening before", "2024-10-07TEV")]),
    ("Talks opened on Oct. 8; later in the day, they stalled.", [("Oct. 8", "2024-10-08"), ("later in the day", "2024-10-08")]),
    ("Troops massed the day before the summit.", []),
    ("Kyiv marked 1,000 days of war on Tuesday.", [("1,000 days", "P1000D"), ("Tuesday", "2024-10-15")]),
    ("After 1000 days of war, both armies are exhausted.", [("1000 days", "P1000D")]),
    # the day of publication named by its weekday, whatever the tense (wire style)
    ("Zelensky will meet Chancellor Scholz in Berlin on Friday.", [("Friday", "2024-10-18")]),
    # a date something is set for is ahead when near, though the verb is past; "since" looks back
    ("The BRICS summit, set for Oct. 22 in Kazan, was confirmed by the Kremlin.", [("Oct. 22", "2024-10-22")]),
    ("Aid has been frozen since June 3.", [("June 3", "2024-06-03")]),
    ("Ukraine launched its counteroffensive in June last year.", [("June last year", "2023-06")]),
    ("Russia lost 1,500 troops in 24 hours, Kyiv said.", [("24 hours", "PT24H")]),
    ("Troops arrived on or around Oct. 3, officials said.", [("Oct. 3", "2024-10-03")]),
    ("The air force said it shot down 42 of 50 drones launched overnight into Sunday.",
     [("overnight into Sunday", "2024-10-12TNI")]),
    ("Scholz called Putin for the first time in almost two years.", [("two years", "P2Y")]),
    ("The summit, which was confirmed on Thursday, runs from Oct. 22 to 24.",
     [("Thursday", "2024-10-17"), ("Oct. 22", "2024-10-22"), ("24", "2024-10-24")]),
    ("The truce ran until midnight on Saturday.", [("midnight", "2024-10-12T24:00"), ("Saturday", "2024-10-12")]),
    # a passive ahead: its participle is no past tense
    ("The summit will be held on Nov. 25 in Brussels.", [("Nov. 25", "2024-11-25")]),
    ("New sanctions are expected to be adopted in December.", [("December", "2024-12")]),
    ("The talks are set to be held on Thursday.", [("Thursday", "2024-10-24")]),
    # results periods, and no year of our era for a year before Christ
    ("Revenue fell in 2018 Q4.", [("2018 Q4", "2018-Q4")]),
    ("The fortress dates from 480 B.C. and was restored in 2019.", [("2019", "2019")]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:50] for c in CASES])
def test_english_news_sentence(text, expected):
    found = [(m.text, m.value) for m in extract(text, DCT, lang="en")]
    assert found == expected


def test_durations_and_sets_have_no_place_on_the_timeline():
    for text in ("The siege lasted for three months.", "Inspectors visit the plant every week."):
        (mention,) = extract(text, DCT, lang="en")
        assert mention.type in ("DURATION", "SET")
        assert mention.earliest is None and mention.latest is None


def test_range_and_anchor_metadata():
    first, second = extract("Exercises took place between Oct. 8 and 13.", DCT, lang="en")
    assert (first.type, second.type) == ("DATE", "DATE")
    _, later = extract("A deal was reached on Oct. 3; two days later, it collapsed.", DCT, lang="en")
    assert later.anchor == "text"


def test_vague_references_still_have_a_window():
    (m,) = extract("Up to 12,000 troops could arrive in the coming weeks.", DCT, lang="en")
    assert DCT <= m.earliest < m.latest
    (m,) = extract("Fighting has intensified in recent days.", DCT, lang="en")
    assert m.earliest < m.latest <= DCT


def test_a_time_zone_is_read_in_the_zone_of_a_timed_publication_date():
    (m,) = extract("The ceasefire takes effect at 8:00 GMT.", "2024-10-18T09:00:00+02:00", lang="en")
    assert (m.text, m.value) == ("8:00 GMT", "2024-10-18T10:00")
    (day, clock) = extract("Talks open on Monday at 6 pm GMT.", "2024-10-18T09:00:00+02:00", lang="en")
    assert (day.value, clock.value) == ("2024-10-21", "2024-10-21T20:00")


def test_modifiers_are_timex_mods():
    mods = {m.text: m.mod for m in extract("The sanctions adopted in late 2023 were extended in "
                                           "mid-October and will expire in early March.", DCT, lang="en")}
    assert mods == {"late 2023": "END", "mid-October": "MID", "early March": "START"}


@pytest.mark.parametrize("text,words,mod", [
    ("Troops arrived on or around Oct. 3, officials said.", "Oct. 3", "APPROX"),
    ("No talks are planned before Nov. 5.", "Nov. 5", "BEFORE"),
    ("The strike hit Kharkiv late Tuesday.", "late Tuesday", "END"),
])
def test_a_hedge_or_a_bound_before_a_date_is_its_mod(text, words, mod):
    assert [(m.text, m.mod) for m in extract(text, DCT, lang="en")] == [(words, mod)]


OTHER_DAYS = [  # published on other days than the Friday of CASES
    ("The vote takes place this Sunday.", "2024-10-21", [("this Sunday", "2024-10-27")]),  # a Monday
    ("This Sunday, the minister said the talks had failed.", "2024-10-21", [("This Sunday", "2024-10-20")]),
    ("Last week, the talks stalled.", "2024-10-21", [("Last week", "2024-W42")]),
    # a truce announced in the past is for the date ahead, when near
    ("Putin declared an Easter truce on Saturday.", "2025-04-19", [("Easter", "2025-04-20"), ("Saturday", "2025-04-19")]),
    ("The Kremlin announced a truce for May 9.", "2025-05-05", [("May 9", "2025-05-09")]),
    ("Zelensky travelled to Washington ahead of the February 28 meeting.", "2025-02-26", [("February 28", "2025-02-28")]),
    # a day named again right after a feast is the feast's day
    ("Troops were put on alert ahead of Victory Day on May 9.", "2025-05-05",
     [("Victory Day", "2025-05-09"), ("May 9", "2025-05-09")]),
    ("The truce, which ends on May 11, was announced last month.", "2025-05-09",
     [("May 11", "2025-05-11"), ("last month", "2025-04")]),
    # the two ends of a range take their years together: the end never before the start
    ("The Kremlin declared a truce from May 8 to May 10.", "2025-05-09",
     [("May 8", "2025-05-08"), ("May 10", "2025-05-10")]),
    ("Russia would observe a ceasefire from May 8 to May 10.", "2025-05-09",
     [("May 8", "2025-05-08"), ("May 10", "2025-05-10")]),
    ("Leaders gathered in Bürgenstock on June 15-16.", "2024-06-15", [("June 15", "2024-06-15"), ("16", "2024-06-16")]),
    # a present expectation looks ahead, whatever the reporting verb after the comma
    ("Kyiv expects the first Gripen jets to land by the autumn, the air force said.", "2025-03-12",
     [("the autumn", "2025-FA")]),
    # a night told of with no day of its own is the one before the day of the saying
    ("Air defences downed 80 drones overnight, the air force said on Saturday.", "2025-03-10",
     [("overnight", "2025-03-07TNI"), ("Saturday", "2025-03-08")]),
    # a clock is on the day its clause names after it
    ("Gas stopped flowing at 07:00 Moscow time (04:00 GMT) on New Year's Day.", "2025-01-02",
     [("07:00 Moscow time", "2025-01-01T07:00"), ("04:00 GMT", "2025-01-01T04:00"), ("New Year's Day", "2025-01-01")]),
    # a night is dated by its evening, its small hours by the day after
    ("Overnight, air defences downed 40 drones, the first at 1:20 a.m.", "2025-03-10",
     [("Overnight", "2025-03-09TNI"), ("1:20 a.m.", "2025-03-10T01:20")]),
    # a weekday that ends a span lies after the one that starts it
    ("Moscow announced a ceasefire from 8 p.m. on Saturday until 6 a.m. on Monday.", "2025-05-10",
     [("8 p.m.", "2025-05-10T20:00"), ("Saturday", "2025-05-10"), ("6 a.m.", "2025-05-12T06:00"), ("Monday", "2025-05-12")]),
    ("Zelensky called the Christmas morning strike barbaric.", "2024-12-27", [("Christmas morning", "2024-12-25TMO")]),
    # a trailing reporting clause ("…, the ministry said") does not give the reported date its tense
    ("Talks will resume on Tuesday, the Turkish foreign ministry said.", "2025-03-08", [("Tuesday", "2025-03-11")]),
    ("Prisoners will be exchanged at the Belarusian border on Friday, officials said on Wednesday.", "2025-03-12",
     [("Friday", "2025-03-14"), ("Wednesday", "2025-03-12")]),
]


@pytest.mark.parametrize("text,dct,expected", OTHER_DAYS, ids=[c[0][:50] for c in OTHER_DAYS])
def test_english_news_sentence_published_on_another_day(text, dct, expected):
    assert [(m.text, m.value) for m in extract(text, dct, lang="en")] == expected


@pytest.mark.parametrize("text,dct,expected", [
    # what was voted, proposed or due lies ahead of the act, within half a year
    ("Parliament voted on Monday to hold early elections on March 3.", "2024-10-16",
     [("Monday", "2024-10-14"), ("March 3", "2025-03-03")]),
    ("He had been due to lead a march on Sunday.", "2024-10-19", [("Sunday", "2024-10-20")]),
    ("Moscow responded by proposing direct talks in Istanbul on May 15.", "2025-05-11", [("May 15", "2025-05-15")]),
    # further ahead than half a year, the plan is one carried out already
    ("In a vote, lawmakers agreed to hold a referendum on September 8.", "2024-10-16", [("September 8", "2024-09-08")]),
    # not a plan: the verb's own day, and a trip's purpose
    ("Zelensky proposed on Monday a new ceasefire.", "2024-10-16", [("Monday", "2024-10-14")]),
    ("Zelensky travelled to Washington on Sunday to meet Biden on Monday.", "2024-10-16",
     [("Sunday", "2024-10-13"), ("Monday", "2024-10-14")]),
])
def test_a_date_in_a_plan_lies_ahead_of_it(text, dct, expected):
    assert [(m.text, m.value) for m in extract(text, dct, lang="en")] == expected


@pytest.mark.parametrize("text,dct,expected", [
    # a day named in an earlier sentence does not date a clock whose tense points the other way
    ("Zelensky will travel to Washington on Wednesday, his first trip abroad since the war began "
     "300 days ago. He is expected to meet Biden at 2 p.m. and address Congress in the evening.", "2022-12-21",
     [("Wednesday", "2022-12-21"), ("300 days ago", "2022-02-24"), ("2 p.m.", "2022-12-21T14:00"),
      ("the evening", "2022-12-21TEV")]),
    # in its own sentence the day named first is the clock's day, whatever the tense
    ("It will happen on 1/1/2015 at 11:30.", "2018-05-31", [("1/1/2015", "2015-01-01"), ("11:30", "2015-01-01T11:30")]),
    # "set" after "will" is no past tense
    ("The sun will set tomorrow at seven twenty-seven.", "2016-11-07",
     [("tomorrow", "2016-11-08"), ("seven twenty-seven", "2016-11-08T07:27")]),
])
def test_the_day_a_clock_falls_on(text, dct, expected):
    assert [(m.text, m.value) for m in extract(text, dct, lang="en")] == expected


def test_hours_later_count_from_a_clock_told_before_its_day():
    text = "The first missile struck at 10 pm on Sunday. Two hours later, a second one hit the same building."
    assert [(m.text, m.value) for m in extract(text, "2024-10-22", lang="en")] == [
        ("10 pm", "2024-10-20T22:00"), ("Sunday", "2024-10-20"), ("Two hours later", "2024-10-21T00:00")]


@pytest.mark.parametrize("text,expected", [
    ("Negotiators agreed late on Wednesday to a truce.", [("late on Wednesday", "2024-10-16", "END")]),
    ("Troops began withdrawing early on Thursday.", [("early on Thursday", "2024-10-17", "START")]),
    ("Talks with Macron stretched late into Sunday night.", [("late into Sunday night", "2024-10-13TNI", "END")]),
    ("On Oct. 12 the meeting went on late into the night.", [("Oct. 12", "2024-10-12", None), ("late into the night", "2024-10-12TNI", "END")]),
    # a count not said: how long, unknown (TimeML PXM)
    ("Glide bombs have battered the city for months.", [("months", "PXM", None)]),
    ("It was the heaviest barrage in weeks.", [("weeks", "PXW", None)]),
    ("They spoke for just over two hours.", [("just over two hours", "PT2H", "MORE_THAN")]),
])
def test_edges_of_a_day_and_counts_not_said(text, expected):
    assert [(m.text, m.value, m.mod) for m in extract(text, DCT, lang="en")] == expected


@pytest.mark.parametrize("text,dct,expected", [
    # a deadline given, a truce extended, a deal to take effect: ahead of the act
    ("EU ambassadors gave Hungary until noon on Monday to lift its veto, diplomats said on Friday.", "2026-05-08",
     [("noon", "2026-05-11T12:00", None), ("Monday", "2026-05-11", None), ("Friday", "2026-05-08", None)]),
    ("Negotiators agreed to a ceasefire, to take effect at 00:01 on July 27.", "2020-07-22",
     [("00:01", "2020-07-27T00:01", None), ("July 27", "2020-07-27", None)]),
    ("The decision, to be formally adopted before Christmas, came after the talks.", "2016-12-15",
     [("Christmas", "2016-12-25", "BEFORE")]),
    ("The Kremlin announced on Monday a ceasefire between May 8 and 10.", "2025-04-28",
     [("Monday", "2025-04-28", None), ("May 8", "2025-05-08", None), ("10", "2025-05-10", None)]),
    ("Only aid workers may enter from 8 March onwards.", "2023-03-08", [("8 March", "2023-03-08", "AFTER")]),
    # a weekday in a decision lies ahead; in a proposal or an expectation, the nearest one
    ("They agreed to meet again on Monday.", "2024-10-16", [("Monday", "2024-10-21", None)]),
    ("Zelensky proposed a prisoner swap on Monday.", "2024-10-16", [("Monday", "2024-10-14", None)]),
    ("The truce was due to run until midnight on Saturday.", "2023-01-08",
     [("midnight", "2023-01-07T24:00", None), ("Saturday", "2023-01-07", None)]),
    # not a season: an event's name
    ("Russia could invade before the end of the Winter Olympics.", "2022-02-12", []),
])
def test_deadlines_and_what_is_to_come_after_a_past_act(text, dct, expected):
    assert [(m.text, m.value, m.mod) for m in extract(text, dct, lang="en")] == expected


@pytest.mark.parametrize("text,expected", [
    ("A ceasefire that took effect at midnight on Sunday was holding.", [("midnight", "2015-02-15T00:00"), ("Sunday", "2015-02-15")]),
    ("The truce ran until midnight on Saturday.", [("midnight", "2015-02-14T24:00"), ("Saturday", "2015-02-14")]),
    ("The curfew runs until midnight.", [("midnight", "2015-02-16T24:00")]),
])
def test_midnight_that_begins_or_ends_its_day(text, expected):
    """What starts at midnight starts with the day; what runs until midnight ends with it."""
    assert [(m.text, m.value) for m in extract(text, "2015-02-16", lang="en")] == expected


def test_the_night_reported_after_the_day_of_publication_is_the_night_before_it():
    text = "Ukraine celebrated Independence Day on Monday. During the night, air defences shot down 48 drones."
    assert [(m.text, m.value) for m in extract(text, "2026-08-24", lang="en")][-1] == ("the night", "2026-08-23TNI")


@pytest.mark.parametrize("text,dct,expected", [
    ("Residents receive deliveries every other day.", "2025-09-12", [("every other day", "P2D", None)]),
    ("Metro stations open as shelters on weekends.", "2024-01-10", [("weekends", "XXXX-WXX-WE", None)]),
    ("Kerry said the steps would be taken in the next days.", "2014-04-17", [("the next days", "FUTURE_REF", None)]),
    ("The minister ordered troops back to their bases by May 1.", "2021-04-22", [("May 1", "2021-05-01", "BEFORE")]),
    ("Leaders are expected in Kyiv over the coming weekend.", "2025-05-09", [("the coming weekend", "2025-W19-WE", None)]),
    ("Leaders are expected in Kyiv over the coming weekend.", "2025-05-10", [("the coming weekend", "2025-W20-WE", None)]),
    ("He announced his bid on New Year's Eve shortly before midnight.", "2019-01-02",
     [("New Year's Eve", "2018-12-31", None), ("midnight", "2018-12-31T24:00", "BEFORE")]),
])
def test_wire_audit_families(text, dct, expected):
    assert [(m.text, m.value, m.mod) for m in extract(text, dct, lang="en")] == expected


@pytest.mark.parametrize("text,dct,expected", [
    # a date written without its year is in the year of publication or weeks from it, not
    # eleven months the other way, whatever the verb's tense
    ("Zelensky said he was ready to meet Putin in Istanbul on May 2.", "2024-04-29", [("May 2", "2024-05-02")]),
    ("A deal brokered in October keeps gas flowing until the end of March.", "2015-01-02",
     [("October", "2014-10"), ("the end of March", "2015-03")]),
    # in the year of publication the tense decides
    ("Russian troops entered the town in February.", "2024-12-20", [("February", "2024-02")]),
])
def test_a_date_without_its_year_lies_near_the_publication(text, dct, expected):
    assert [(m.text, m.value) for m in extract(text, dct, "en")] == expected


def test_a_day_closing_a_span_does_not_date_a_later_part_of_the_day():
    text = "Ministers meet from Tuesday to Thursday in Brussels. A joint statement is expected in the evening."
    assert [(m.text, m.value) for m in extract(text, "2024-07-09", "en")] == [
        ("Tuesday", "2024-07-09"), ("Thursday", "2024-07-11"), ("the evening", "2024-07-09TEV")]


@pytest.mark.parametrize("text,dct,expected", [
    # "this winter" said in late November is the one weeks ahead, whatever the reporting verb
    ("The grid enters this winter badly damaged, the minister said.", "2024-11-25", [("this winter", "2024-WI")]),
    ("The export licence expired on Sunday at midnight.", "2024-12-30",
     [("Sunday", "2024-12-29"), ("midnight", "2024-12-29T24:00")]),
])
def test_official_texts_families(text, dct, expected):
    assert [(m.text, m.value) for m in extract(text, dct, "en")] == expected
