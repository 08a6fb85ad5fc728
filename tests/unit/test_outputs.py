"""timeline.outputs: feeds and exports other programs read, valid and byte-identical across runs."""

from __future__ import annotations

import csv
import io
import json
import random
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import jsonschema

import site_fixture as fx
from timeline.model import Page
from timeline.outputs import data_pages
from timeline.outputs.exports import CSV_COLUMNS, fold
from timeline.site import make_timeline
from timeline.views import Urls

ATOM = "{http://www.w3.org/2005/Atom}"
SCHEMA = Path(__file__).resolve().parents[2] / "timeline" / "schemas" / "events.schema.json"


def _files(timeline=None, base="/repo/") -> dict[str, bytes]:
    pages = data_pages(timeline or fx.timeline(), [Page("", "index.html"), Page("404.html", "404.html"),
                                                   Page("events/ev-past/", "event.html")], Urls(base))
    return {p.url: p.body for p in pages}


def test_events_json_validates_against_the_schema_shipped_beside_it():
    files = _files()
    schema = json.loads(files["events.schema.json"])
    assert files["events.schema.json"] == SCHEMA.read_bytes()
    jsonschema.Draft202012Validator.check_schema(schema)
    doc = json.loads(files["events.json"])
    jsonschema.validate(doc, schema)
    treaty = next(e for e in doc["events"] if e["id"] == "ev-treaty")
    assert treaty["when"] == {"value": "2024-06", "mod": None, "earliest": "2024-06-01", "latest": "2024-06-30",
                              "end_value": None, "anchor": "dct", "dct": "2024-10-18", "precision": "month",
                              "datetime": "2024-06", "display": "juin 2024"}
    assert treaty["disputed"] is True
    assert [s["when"]["value"] for s in treaty["sources"]] == ["2024-06", "2024-06-19"]
    assert treaty["sources"][0]["dates"] == ["en juin dernier"]
    assert [e["id"] for e in doc["events"]] == [e.id for e in fx.timeline().events]


def test_schema_rejects_what_it_should():
    files = _files()
    schema = json.loads(files["events.schema.json"])
    doc = json.loads(files["events.json"])
    doc["events"][0]["status"] = "rumoured"
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(doc))
    assert errors and "rumoured" in errors[0].message


def test_csv_has_acled_like_columns_one_row_per_report():
    rows = list(csv.reader(io.StringIO(_files()["events.csv"].decode("utf-8"), newline="")))
    assert tuple(rows[0]) == CSV_COLUMNS
    body = [dict(zip(rows[0], r)) for r in rows[1:]]
    assert len(body) == sum(len(e.sources) for e in fx.events())
    past = next(r for r in body if r["event_id"] == "ev-past")
    assert (past["event_date"], past["precision"], past["earliest"], past["latest"], past["status"]) == (
        "2024-10", "ref", "2024-10-11", "2024-10-17", "reported")
    assert past["actors"] == "ukraine;coree-du-nord" and past["source"] == "Europe 1"
    assert "il y a plusieurs jours" in past["quote"]
    assert {r["status"] for r in body if r["event_id"] == "ev-treaty"} == {"occurred disputed"}


def test_csv_cells_never_start_a_formula():
    t = fx.timeline()
    event = t.events[0]
    poisoned = event.__class__(**{**event.__dict__, "title": "=HYPERLINK(\"http://evil\")"})
    rows = list(csv.reader(io.StringIO(_files(make_timeline(
        t.config, t.entries, [poisoned], {}, date(2024, 12, 31)))["events.csv"].decode())))
    assert rows[1][CSV_COLUMNS.index("title")] == "'=HYPERLINK(\"http://evil\")"


def _unfold(ics: bytes) -> list[str]:
    return ics.decode("utf-8").replace("\r\n ", "").split("\r\n")


def test_ics_is_crlf_folded_all_day_with_stable_uid_and_pinned_stamp():
    ics = _files()["events.ics"]
    raw_lines = ics.split(b"\r\n")
    assert raw_lines[-1] == b"" and b"\n" not in ics.replace(b"\r\n", b"")
    assert max(len(line) for line in raw_lines) <= 75
    lines = _unfold(ics)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR"
    assert lines.count("BEGIN:VEVENT") == 5
    assert "UID:ev-weekend@timeline.invalid" in lines
    assert "DTSTART;VALUE=DATE:20241019" in lines and "DTEND;VALUE=DATE:20241021" in lines  # exclusive end
    assert {line for line in lines if line.startswith("DTSTAMP")} == {"DTSTAMP:20241231T000000Z"}
    assert any(line.startswith("DESCRIPTION:quelques jours avant le 18 octobre 2024") for line in lines)
    assert not any(line.startswith("URL:") for line in lines)  # only absolute URIs, and the base is a path
    full = _unfold(_files(base="https://example.org/repo/")["events.ics"])
    assert "URL:https://example.org/repo/events/ev-weekend/" in full and "UID:ev-weekend@example.org" in full


def test_ics_time_of_day_is_converted_from_the_site_zone():
    t = fx.timeline()
    event = t.events[0]
    when = event.when.__class__("2024-06-19T14:30", "2024-06-19", "2024-06-19")
    timed = event.__class__(**{**event.__dict__, "when": when})
    lines = _unfold(_files(make_timeline(t.config, t.entries, [timed], {}, date(2024, 12, 31)))["events.ics"])
    assert "DTSTART:20240619T123000Z" in lines and not any(line.startswith("DTEND") for line in lines)


def test_ics_time_of_day_given_in_its_own_zone_is_converted_from_that_zone():
    """Pyongyang's "2 heures du matin, heure locale" (UTC+9) is 17:00 UTC the day before."""
    t = fx.timeline()
    event = t.events[0]
    when = event.when.__class__("2024-06-19T02:00", "2024-06-19", "2024-06-19", zone="+09:00")
    timed = event.__class__(**{**event.__dict__, "when": when})
    lines = _unfold(_files(make_timeline(t.config, t.entries, [timed], {}, date(2024, 12, 31)))["events.ics"])
    assert "DTSTART:20240618T170000Z" in lines


def test_fold_never_splits_a_utf8_character():
    line = "SUMMARY:" + "é" * 100
    folded = fold(line)
    for piece in folded.split(b"\r\n"):
        assert len(piece) <= 75
        piece.decode("utf-8")  # each physical line is valid UTF-8
    assert folded.replace(b"\r\n ", b"").rstrip(b"\r\n").decode() == line


def test_atom_feeds_parse_and_list_events():
    files = _files(base="https://example.org/repo/")
    root = ET.fromstring(files["feed.xml"])
    assert root.tag == ATOM + "feed"
    entries = root.findall(ATOM + "entry")
    assert len(entries) == 5
    assert entries[0].find(ATOM + "link").get("href").startswith("https://example.org/repo/events/")
    assert root.find(ATOM + "updated").text == "2024-12-31T00:00:00Z"
    actor = ET.fromstring(files["actors/france/feed.xml"])
    assert [e.find(ATOM + "title").text for e in actor.findall(ATOM + "entry")] == ["Jean-Noël Barrot à Kiev"]


def test_atom_ids_are_absolute_iris_even_without_a_host():
    root = ET.fromstring(_files(base="/repo/")["feed.xml"])
    ids = [root.find(ATOM + "id").text] + [e.find(ATOM + "id").text for e in root.findall(ATOM + "entry")]
    assert all(i.startswith("urn:uuid:") for i in ids) and len(set(ids)) == len(ids)
    assert ids == [root.find(ATOM + "id").text] + [  # stable: the same on the next build
        e.find(ATOM + "id").text for e in ET.fromstring(_files(base="/repo/")["feed.xml"]).findall(ATOM + "entry")]


def test_a_full_base_url_in_timeline_yml_makes_feed_and_sitemap_urls_absolute():
    from timeline.site import plan_pages

    t = fx.timeline(base_url="https://example.org/repo/")
    pages = {p.url: p.body for p in plan_pages(t, base_url="/repo/")}
    assert b"<loc>https://example.org/repo/</loc>" in pages["sitemap.xml"]
    assert b"<id>https://example.org/repo/feed.xml</id>" in pages["feed.xml"]
    other = {p.url: p.body for p in plan_pages(t, base_url="/elsewhere/")}
    assert b"<loc>/elsewhere/</loc>" in other["sitemap.xml"]


def test_feeds_order_by_instant_of_the_latest_report():
    import dataclasses

    a, b = fx.events()[:2]
    a = dataclasses.replace(a, sources=(dataclasses.replace(a.sources[0], published="2024-10-18T01:00:00+02:00"),))
    b = dataclasses.replace(b, sources=(dataclasses.replace(b.sources[0], published="2024-10-17T23:30:00+00:00"),))
    t = make_timeline(fx.config(), fx.entries(), [a, b], {}, date(2024, 12, 31))
    feed = json.loads(_files(t)["feed.json"])
    assert [i["id"] for i in feed["items"]] == [b.id, a.id]  # 23:30 UTC is later than 23:00 UTC
    assert feed["items"][0]["date_modified"] == "2024-10-17T23:30:00+00:00"


def test_json_feed_1_1():
    feed = json.loads(_files()["actors/russie/feed.json"])
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["feed_url"] == "/repo/actors/russie/feed.json"
    assert {i["id"] for i in feed["items"]} == {"ev-future", "ev-treaty"}
    for item in feed["items"]:
        assert item["date_published"][:4] == "2024" and item["content_text"]


def test_timelinejs_points_for_days_spans_for_periods():
    doc = json.loads(_files()["timelinejs.json"])
    by_id = {e["unique_id"]: e for e in doc["events"]}
    assert by_id["ev-treaty"]["start_date"] == {"year": 2024, "month": 6, "day": 1, "display_date": "juin 2024"}
    assert by_id["ev-treaty"]["end_date"] == {"year": 2024, "month": 6, "day": 30}
    assert by_id["ev-past"]["display_date"] == "quelques jours avant le 18 octobre 2024"
    assert doc["title"]["text"]["headline"]


def test_sitemap_lists_html_pages_but_not_404_and_robots_points_to_it_when_absolute():
    files = _files(base="https://example.org/repo/")
    root = ET.fromstring(files["sitemap.xml"])
    locs = [e.text for e in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert locs == ["https://example.org/repo/", "https://example.org/repo/events/ev-past/"]
    assert b"Sitemap: https://example.org/repo/sitemap.xml" in files["robots.txt"]
    assert files[".nojekyll"] == b""


def test_outputs_are_byte_identical_whatever_the_input_order():
    events = fx.events()
    shuffled = events[:]
    random.Random(3).shuffle(shuffled)
    one = _files(make_timeline(fx.config(), fx.entries(), events, fx.mentions(), date(2024, 12, 31)))
    two = _files(make_timeline(fx.config(), fx.entries()[::-1], shuffled, fx.mentions(), date(2024, 12, 31)))
    assert one == two
