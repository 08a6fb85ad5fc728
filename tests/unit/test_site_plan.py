"""timeline.site: order, indexes, the page plan, and every internal link under the base URL."""

from __future__ import annotations

import dataclasses
import random
import re
from datetime import date
from urllib.parse import unquote, urlsplit

import pytest

import site_fixture as fx
from html_links import Links
from timeline.model import When
from timeline.render import make_env, render_pages
from timeline.site import make_timeline, plan_pages, slugify


def _render(timeline, base_url="/repo/"):
    env, problems = make_env("default", "content")
    assert problems == [] and env is not None
    files, problems = render_pages(plan_pages(timeline, base_url=base_url), env, base_url=base_url)
    assert problems == []
    return files


def test_events_are_newest_first_by_a_total_key():
    t = fx.timeline()
    assert [e.id for e in t.events] == ["ev-kursk", "ev-future", "ev-weekend", "ev-past", "ev-treaty"]
    # same earliest day: the later latest day first, then the id
    same = [dataclasses.replace(e, id=i, when=When("2024-10", "2024-10-01", "2024-10-31"))
            for i, e in zip(["b", "a", "c"], fx.events())]
    order = [e.id for e in make_timeline(fx.config(), fx.entries(), same, {}, date(2024, 12, 31)).events]
    assert order == ["c", "b", "a"]


def test_order_does_not_depend_on_input_order():
    events = fx.events()
    shuffled = events[:]
    random.Random(7).shuffle(shuffled)
    one = make_timeline(fx.config(), fx.entries(), events, fx.mentions(), date(2024, 12, 31))
    two = make_timeline(fx.config(), list(reversed(fx.entries())), shuffled, fx.mentions(), date(2024, 12, 31))
    assert one == two


def test_indexes_by_actor_kind_month_source_and_today():
    t = fx.timeline()
    # an event with two actors is listed under both
    assert "ev-weekend" in t.by_actor["france"] and "ev-weekend" in t.by_actor["ukraine"]
    assert t.by_actor["russie"] == ("ev-future", "ev-treaty")
    assert t.by_kind["diplomatic"] == ("ev-weekend", "ev-treaty")
    assert t.by_month == {"2024-06": ("ev-treaty",), "2024-10": ("ev-future", "ev-weekend", "ev-past"),
                          "2024-11": ("ev-kursk",)}
    assert t.by_source["reuters"] == ("ev-kursk", "ev-treaty")
    assert t.today == "2024-12-31"
    assert set(t.mentions) == {"2024-10-18-seed", "2024-11-05-kursk"}


def test_slugify_is_ascii_and_never_empty():
    assert slugify("Europe 1") == "europe-1"
    assert slugify("Le Monde ") == slugify("le monde") == "le-monde"
    assert slugify("Ouest-France") == "ouest-france"
    assert slugify("Coréen") == "coreen"
    cyr = slugify("Коммерсантъ")
    assert re.fullmatch(r"n-[0-9a-f]{10}", cyr) and cyr != slugify("Известия")


def test_plan_has_every_family_of_pages():
    urls = {p.url for p in plan_pages(fx.timeline(), base_url="/")}
    for url in ["", "404.html", "search/", "events/ev-past/", "articles/2024-10-18-seed/", "articles/",
                "actors/", "actors/coree-du-nord/", "kinds/military/", "months/2024-10/", "sources/reuters/",
                "sitemap.xml", "robots.txt", ".nojekyll", "events.json", "events.schema.json", "events.csv",
                "events.ics", "timelinejs.json", "feed.xml", "feed.json", "actors/russie/feed.xml",
                "actors/russie/feed.json"]:
        assert url in urls, url


def test_month_and_actor_pages_list_exactly_their_events():
    files = _render(fx.timeline())
    month = files["months/2024-10/index.html"].decode()
    assert re.findall(r'<li id="([^"]+)" class="event', month) == ["ev-future", "ev-weekend", "ev-past"]
    actor = files["actors/france/index.html"].decode()
    assert re.findall(r'<li id="([^"]+)" class="event', actor) == ["ev-weekend"]


@pytest.mark.parametrize("base_url", ["/repo/", "https://example.org/repo/"])
def test_every_internal_link_stays_under_the_base_and_resolves(base_url):
    files = _render(fx.timeline(), base_url)
    ids: dict[str, set[str]] = {}
    links: dict[str, list[str]] = {}
    for path, body in files.items():
        if path.endswith(".html"):
            parser = Links()
            parser.feed(body.decode("utf-8"))
            ids[path], links[path] = parser.ids, parser.links
    checked = 0
    for path, found in links.items():
        for link in found:
            parts = urlsplit(link)
            if link.startswith("#"):  # same page (the skip link)
                assert parts.fragment in ids[path], f"{path}: {link} has no target"
                continue
            if parts.scheme in ("http", "https") and parts.netloc != "example.org":
                continue  # an article's original URL
            assert parts.path.startswith("/repo/"), f"{path}: {link} escapes the base path"
            target = unquote(parts.path[len("/repo/"):])
            if target == "" or target.endswith("/"):
                target += "index.html"
            assert target in files, f"{path}: {link} -> {target} is not generated"
            if parts.fragment:
                assert parts.fragment in ids[target], f"{path}: anchor {link} has no target"
            checked += 1
    assert checked > 200


def test_index_anchor_of_every_event_exists():
    files = _render(fx.timeline())
    index = files["index.html"].decode()
    for event in fx.timeline().events:
        assert f'<li id="{event.id}"' in index
        assert f'href="/repo/events/{event.id}/"' in index


def test_overview_has_a_linked_bar_per_month_with_events():
    index = _render(fx.timeline())["index.html"].decode()
    svg = index[index.index("<svg"):index.index("</svg>")]
    bars = re.findall(r'<a href="([^"]+)" class="bar-link"><title>([^<]+)</title>', svg)
    assert bars == [("/repo/months/2024-06/", "juin 2024 : 1 événement"),
                    ("/repo/months/2024-10/", "octobre 2024 : 3 événements"),
                    ("/repo/months/2024-11/", "novembre 2024 : 1 événement")]
    # the empty months between (July-September) take room but link nowhere
    xs = [int(x) for x in re.findall(r'class="bar-hit" x="(\d+)"', svg)]
    assert xs == [0, 96, 120]


def test_interval_glyph_point_for_a_day_bar_for_a_period():
    from timeline.views import glyph

    day = glyph("2024-10-18", "2024-10-18", False)
    assert day.kind == "point" and day.ticks == () and 55 < day.x < 58  # the 18th of 31 days
    month = glyph("2024-06-01", "2024-06-30", False)
    assert (month.kind, month.x, month.width) == ("bar", 0.0, 100.0)
    summer = glyph("2024-06-21", "2024-09-22", False)  # a season on the year's scale, months ticked
    assert summer.kind == "bar" and len(summer.ticks) == 11 and 46 < summer.x < 48 and 25 < summer.width < 27
    winter = glyph("2024-12-21", "2025-03-20", True)  # across years: the two years, one tick
    assert len(winter.ticks) == 1 and 49.9 < winter.ticks[0] < 50.2 and winter.fuzzy and winter.x + winter.width > 50
    assert glyph("2024-06-30", "2024-06-01", False) is None


def test_urls_are_percent_encoded_and_keep_the_base():
    from timeline.views import Urls

    urls = Urls("/repo/")
    assert urls("actors/corée du nord/") == "/repo/actors/cor%C3%A9e%20du%20nord/"
    assert urls("events/a#b?c/") == "/repo/events/a%23b%3Fc/"
    assert Urls("https://example.org/repo").full("feed.xml") == "https://example.org/repo/feed.xml"
    assert Urls("repo").base == "/repo/" and Urls("").base == "/"


def test_an_event_with_an_unreadable_interval_is_listed_apart_and_nothing_crashes():
    events = fx.events()
    events[0] = dataclasses.replace(events[0], when=When("PAST_REF", "", "", dct=""))
    events[1] = dataclasses.replace(events[1], when=When("2024-13", "2024-13-01", "2024-13-31"))
    t = make_timeline(fx.config(), fx.entries(), events, fx.mentions(), date(2024, 12, 31))
    assert set(t.by_month) == {"2024-06", "2024-10", "2024-11"} and "ev-past" not in t.by_month["2024-10"]
    index = _render(t)["index.html"].decode()
    undated = index[index.index('<h2 id="y-undated">'):]
    assert "Date illisible" in undated and 'id="ev-past"' in undated and 'id="ev-future"' in undated
    assert 'datetime=""' not in index


def test_an_english_site_reads_in_english():
    files = _render(fx.timeline(language="en"))
    index = files["index.html"].decode()
    assert index.startswith('<!doctype html>\n<html lang="en"')
    assert "5 events" in index and "a few days before 18 October 2024" in index and "overdue" in index
    event = files["events/ev-treaty/index.html"].decode()
    assert "Sources disagree on the date:" in event and "published" in event
    for page in ("index.html", "events/ev-treaty/index.html", "search/index.html", "404.html"):
        text = files[page].decode()
        for french in ("événement", "Publié", "Chronologie générée", "Aller au contenu", "Recherche"):
            assert french not in text, (page, french)


def test_overview_shrinks_a_long_run_of_empty_months_to_one_break():
    from timeline.site import overview
    from timeline.views import Urls

    bars, width = overview({"2009-04": ("a",), "2024-06": ("b", "c"), "2024-09": ("d",)}, "fr", Urls("/"))
    assert [b.month for b in bars] == ["2009-04", "", "2024-06", "2024-07", "2024-08", "2024-09"]
    assert bars[1].gap and not bars[1].url and width == 6 * 24
    assert [b.year_label for b in bars] == ["2009", "", "2024", "", "", ""]
    assert bars[2].height == 80 and bars[0].height == 40 and bars[3].url == ""
    far, _ = overview({"0001-01": ("a",), "9999-12": ("b",)}, "fr", Urls("/"))  # bounded, not 120,000 bars
    assert len(far) == 3


def test_entries_are_ordered_by_instant_not_by_their_written_offset():
    from datetime import datetime, timedelta, timezone

    early = dataclasses.replace(fx.entries()[0], slug="paris",
                                published=datetime(2024, 10, 18, 1, 0, tzinfo=timezone(timedelta(hours=2))))
    late = dataclasses.replace(fx.entries()[1], slug="utc",
                               published=datetime(2024, 10, 17, 23, 30, tzinfo=timezone.utc))
    t = make_timeline(fx.config(), [early, late], [], {}, date(2024, 12, 31))
    assert [e.slug for e in t.entries] == ["utc", "paris"]  # 23:30 UTC is after 01:00 in Paris (23:00 UTC)


def test_a_mention_whose_words_the_event_trimmed_still_links_to_it():
    t = fx.timeline()
    seed = t.entries[1] if t.entries[1].slug == "2024-10-18-seed" else t.entries[0]
    start = seed.text.index("en juin dernier")
    wider = dataclasses.replace(t.mentions[seed.slug][2], text="formalisé en juin dernier",
                                start=start - len("formalisé "), end=start + len("en juin dernier"))
    mentions = {**t.mentions, seed.slug: (*t.mentions[seed.slug][:2], wider, *t.mentions[seed.slug][3:])}
    t = dataclasses.replace(t, mentions=mentions)
    page = _render(t)["articles/2024-10-18-seed/index.html"].decode()
    assert '<a class="mention" href="/repo/events/ev-treaty/" title="juin 2024"><mark>formalisé en juin dernier' in page


def test_a_merged_event_s_former_ids_get_a_page_sending_on_to_it_outside_the_sitemap():
    events = fx.events()
    events[0] = dataclasses.replace(events[0], aliases=("old-report", events[1].id))  # a live id is never shadowed
    t = make_timeline(fx.config(), fx.entries(), events, {}, date(2024, 12, 31))
    files = _render(t)
    moved = files["events/old-report/index.html"].decode("utf-8")
    target = f"/repo/events/{events[0].id}/"
    assert f'<meta http-equiv="refresh" content="0; url={target}">' in moved
    assert f'<a href="{target}">' in moved and '<meta name="robots" content="noindex">' in moved
    assert "old-report" not in files["sitemap.xml"].decode("utf-8")
    assert 'http-equiv="refresh"' not in files[f"events/{events[1].id}/index.html"].decode("utf-8")


def test_merging_keeps_every_member_s_id_as_an_alias():
    """Ids already published stay reachable through any later merge, however the group grows."""
    from timeline.events.merge import _combine

    a, b, c = fx.events()[:3]
    first = _combine([a, b])
    assert {first.id, *first.aliases} == {a.id, b.id} and first.id not in first.aliases
    second = _combine([first, c])
    assert {second.id, *second.aliases} == {a.id, b.id, c.id}
