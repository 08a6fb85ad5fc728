"""The demo content built end to end, checked for what a reader sees.

One build of content/ under --base-url /repo/ (module fixture), then: the seed
article's dates as the site shows them, its annotated article page, an actor
page, the link crawl, CSP and XSS checks on every page, <time> values matching
each event's precision, the exports, and a byte-identical second build.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import jsonschema
import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests" / "unit"))
from html_safety import unsafe  # noqa: E402
from html_links import Links  # noqa: E402

CONTENT = REPO / "content"
BASE = "/repo/"
TODAY = "2025-12-31"
SEED = "2024-10-18-coree-du-nord-soldats-russie"


def _build(out: Path) -> Path:
    from timeline.pipeline import build_site
    from timeline.problems import format_problem

    result = build_site(str(CONTENT), str(out), base_url=BASE, today=TODAY, drafts=False, strict=False)
    errors = [format_problem(p) for p in result.problems if p.level == "error"]
    assert result.code == 0 and not errors, "demo build failed:\n" + "\n".join(errors)
    return out


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return _build(tmp_path_factory.mktemp("e2e") / "_site")


@pytest.fixture(scope="module")
def events(site) -> list[dict]:
    return json.loads((site / "events.json").read_text(encoding="utf-8"))["events"]


def _html(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(site.rglob("*.html")) if "pagefind" not in p.parts}


def _event_li(html: str, event_id: str) -> str:
    start = html.index(f'<li id="{event_id}"')
    return html[start:html.index("</li>", start)]


def test_the_seed_articles_dates_read_at_their_true_precision(site, events):
    seed = [(e, s) for e in events for s in e["sources"] if s["entry"] == SEED]
    shown = {s["when"]["display"] for _, s in seed}  # what the seed itself says, before merging
    for words in ["quelques jours avant le 18 octobre 2024", "18 octobre 2024",
                  "dans les semaines suivant le 18 octobre 2024", "week-end des 19 et 20 octobre 2024",
                  "juin 2024"]:
        assert words in shown, f"{words!r} not among the seed's dates: {sorted(shown)}"
    # a source whose reading differs from the merged event's shows its own words on the event page
    for event, source in seed:
        if source["when"]["display"] != event["when"]["display"]:
            page = (site / "events" / event["id"] / "index.html").read_text(encoding="utf-8")
            assert source["when"]["display"] in page, event["id"]
    index = (site / "index.html").read_text(encoding="utf-8")
    future = next(e for e, s in seed if s["when"]["value"] == "FUTURE_REF")
    li = _event_li(index, future["id"])
    assert future["when"]["display"] in li
    assert "prochaines semaines" in next(s["quote"] for e, s in seed if e is future)
    if future["status"] == "expected" and future["when"]["latest"] < TODAY:
        assert "Attendu" in li and "en retard" in li  # expected, and past its window on the pinned today


def test_the_seed_article_page_links_each_date_to_its_event(site, events):
    page = (site / "articles" / SEED / "index.html").read_text(encoding="utf-8")
    marks = re.findall(r'<a class="mention" href="/repo/events/([^/]+)/"[^>]*><mark>([^<]+)</mark>', page)
    words = {w for _, w in marks}
    for phrase in ["il y a plusieurs jours", "ce vendredi", "prochaines semaines", "juin dernier"]:
        assert any(phrase in w for w in words), f"{phrase!r} is not highlighted and linked: {sorted(words)}"
    ids = {e["id"] for e in events}
    assert all(i in ids for i, _ in marks)
    assert '<script type="application/ld+json">' in page and '"@type":"NewsArticle"' in page


def test_clock_times_in_other_zones_are_shown_as_written_and_say_their_zone(site):
    # 24 Feb. 2022 (published in Paris, UTC+1): "6 heures, heure de Moscou" (UTC+3) and "5 heures,
    # heure locale" in Kyiv (UTC+2) are one moment; the article page shows each clock as the text
    # gives it, with its offset, so a reader sees both are 03:00 UTC
    page = (site / "articles" / "2022-02-24-invasion-russe-ukraine" / "index.html").read_text(encoding="utf-8")
    titles = dict((w, t) for t, w in re.findall(r'title="([^"]*)">(?:<mark>)?([^<]*heure[^<]*)', page))
    assert titles == {"6 heures, heure de Moscou": "24 février 2022, avant 6 h 00 (UTC+3)",
                      "5 heures, heure locale": "24 février 2022, après 5 h 00 (UTC+2)"}, titles


def test_an_actor_page_lists_exactly_its_events(site, events):
    page = (site / "actors" / "coree-du-nord" / "index.html").read_text(encoding="utf-8")
    listed = re.findall(r'<li id="([^"]+)" class="event', page)
    assert listed and set(listed) == {e["id"] for e in events if "coree-du-nord" in e["actors"]}


def test_every_time_element_matches_its_events_precision(site, events):
    index = (site / "index.html").read_text(encoding="utf-8")
    for event in events:
        li = _event_li(index, event["id"])
        stamp = re.search(r'<time class="when[^"]*" datetime="([^"]+)">([^<]+)</time>', li)
        assert stamp, event["id"]
        assert stamp.groups() == (event["when"]["datetime"], event["when"]["display"]), event["id"]
        if event["when"]["earliest"] != event["when"]["latest"]:
            assert not re.fullmatch(r"\d{4}-\d{2}-\d{2}", stamp[1]), f"fake exact day for {event['id']}"


def test_no_broken_internal_link_and_none_escapes_the_base(site):
    pages = _html(site)
    ids: dict[str, set[str]] = {}
    links: dict[str, list[str]] = {}
    for path, text in pages.items():
        parser = Links()
        parser.feed(text)
        ids[path], links[path] = parser.ids, parser.links
    broken = []
    for path, found in links.items():
        for link in found:
            parts = urlsplit(link)
            if parts.scheme in ("http", "https"):
                continue
            if link.startswith("#"):
                if parts.fragment not in ids[path]:
                    broken.append(f"{path}: {link}")
                continue
            if not parts.path.startswith(BASE):
                broken.append(f"{path}: {link} escapes {BASE}")
                continue
            target = unquote(parts.path[len(BASE):])
            if target == "" or target.endswith("/"):
                target += "index.html"
            if not (site / target).is_file():
                broken.append(f"{path}: {link} -> missing {target}")
            elif parts.fragment and parts.fragment not in ids.get(target, set()):
                broken.append(f"{path}: {link} -> no #{parts.fragment}")
    assert broken == []
    doc = json.loads((site / "events.json").read_text(encoding="utf-8"))
    linked = [e["url"] for e in doc["events"]] + [s["article_url"] for e in doc["events"] for s in e["sources"]]
    for url in linked:
        assert url.startswith(BASE) and (site / url[len(BASE):] / "index.html").is_file(), url
    for data in ("sitemap.xml", "feed.xml"):
        for url in re.findall(r"(?:<loc>|href=\")(/repo/[^<\"]*)", (site / data).read_text(encoding="utf-8")):
            target = url[len(BASE):]
            assert (site / (target + "index.html" if target == "" or target.endswith("/") else target)).is_file(), url


def test_every_page_is_safe_and_carries_the_csp(site):
    for path, text in _html(site).items():
        assert unsafe(text, BASE) == [], path
        assert "Content-Security-Policy" in text and "object-src 'none'" in text, path


def test_english_snippets_are_marked_english_inside_the_french_site(site, events):
    english = next(e for e in events for s in e["sources"]
                   if (site / "articles" / s["entry"] / "index.html").is_file()
                   and 'lang="en"' in (site / "articles" / s["entry"] / "index.html").read_text(encoding="utf-8"))
    page = (site / "events" / english["id"] / "index.html").read_text(encoding="utf-8")
    assert page.startswith('<!doctype html>\n<html lang="fr"') and 'lang="en"' in page


def test_exports_are_valid(site, events):
    schema = json.loads((site / "events.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(json.loads((site / "events.json").read_text(encoding="utf-8")), schema)
    assert len(events) >= 30
    ics = (site / "events.ics").read_bytes()
    assert ics.count(b"BEGIN:VEVENT") == len(events) and max(len(x) for x in ics.split(b"\r\n")) <= 75
    for name in (".nojekyll", "404.html", "robots.txt", "feed.json", "events.csv", "timelinejs.json"):
        assert (site / name).is_file(), name


def _tree(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_a_second_build_is_byte_identical(site, tmp_path):
    again = _build(tmp_path / "_site")
    one, two = _tree(site), _tree(again)
    assert one.keys() == two.keys()
    assert [k for k in one if one[k] != two[k]] == []


def test_payloads_in_front_matter_and_config_never_reach_a_page_unescaped(tmp_path):
    """C1 through the real loader: each payload in an entry's title, source, tags and body (next to
    a date, so it lands in an event's quote), in an actor's name and in timeline.yml's title and
    description; one build, every page through the checker."""
    from test_site_security import PAYLOADS  # the same list as the site-stage test

    content = tmp_path / "content"
    (content / "entries").mkdir(parents=True)
    worst = json.dumps(PAYLOADS[1])
    (content / "timeline.yml").write_text(
        f"title: {worst}\ndescription: {json.dumps(PAYLOADS[2])}\nlanguage: fr\n"
        "kinds:\n  military: Militaire\n", encoding="utf-8")
    (content / "actors.yml").write_text(
        f"russie:\n  name: {json.dumps(PAYLOADS[4] + ' Russie')}\n  aliases: [Moscou]\n", encoding="utf-8")
    for i, payload in enumerate(PAYLOADS):
        quoted = json.dumps(payload)
        (content / "entries" / f"2024-06-{i % 28 + 1:02d}-payload-{i}.md").write_text(
            f"---\ntitle: {quoted}\npublished: 2024-06-{i % 28 + 1:02d}\nsource: {quoted}\n"
            f"tags: [{quoted}]\nactors: [russie]\n---\n"
            f"Moscou a annoncé le 3 mai 2024 un accord. {payload}\n\nLe 4 mai 2024, {payload} a signé.\n",
            encoding="utf-8")
    from timeline.pipeline import build_site
    from timeline.problems import format_problem

    out = tmp_path / "_site"
    result = build_site(str(content), str(out), base_url=BASE, today=TODAY, drafts=False, strict=False)
    assert result.code == 0, "\n".join(format_problem(p) for p in result.problems)
    pages = _html(out)
    assert len(pages) > 2 * len(PAYLOADS)  # article + event pages at least
    found = {path: problems for path, text in pages.items() if (problems := unsafe(text, BASE))}
    assert found == {}
    events = json.loads((out / "events.json").read_text(encoding="utf-8"))["events"]
    # every payload sentence became a source of an event (reports of one happening merge), so the
    # quotes on event pages went through the checker too
    assert sum(len(e["sources"]) for e in events) >= 1.5 * len(PAYLOADS)  # a payload can eat its sentence
    assert any("javascript:alert(1)" in s["quote"] for e in events for s in e["sources"])


def test_a_report_s_own_event_address_still_leads_to_the_event_it_joined(site, events):
    """An event's id is its first report's; when an earlier report joins it, the address a
    reader may have bookmarked (each report's own event) still opens, and sends on to it."""
    ids = {e["id"] for e in events}
    moved = sorted(p for p in (site / "events").iterdir() if p.name not in ids)
    assert moved, "no event of the demo merged reports published in another order"
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for folder in moved:
        page = (folder / "index.html").read_text(encoding="utf-8")
        target = re.search(r'http-equiv="refresh" content="0; url=/repo/events/([^/]+)/"', page)
        assert target and target.group(1) in ids, folder.name
        assert f'href="/repo/events/{target.group(1)}/"' in page  # a link for a reader without refresh
        assert '<meta name="robots" content="noindex">' in page and f"events/{folder.name}/" not in sitemap
