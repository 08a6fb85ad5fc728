"""Full-text search (Pagefind, French stemming) finds an event by a word of the seed article."""

from __future__ import annotations

import re
from collections import Counter

from .conftest import CONTENT
from .pages import event_quoting, events_json


def _seed_slug() -> str:
    """The seed article: Europe 1, published 2024-10-18 (shared/seeds/)."""
    for path in sorted((CONTENT / "entries").glob("*.md")):
        head = path.read_text(encoding="utf-8").split("\n---", 1)[0]
        if re.search(r"^source:\s*Europe 1\s*$", head, re.M) and \
                re.search(r"^published:\s*['\"]?2024-10-18", head, re.M):
            return path.stem
    raise AssertionError("the seed article is not in content/entries")


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]{6,}", text.lower())


def _search(page, query: str) -> list[str]:
    page.goto("search/", wait_until="load")
    box = page.get_by_role("searchbox")
    box.fill(query)
    box.press("Enter")
    status = page.locator("#search-status")
    status.filter(has_text=re.compile(r"\S")).wait_for(timeout=10_000)
    # the count is written first, the results once their fragments arrive (all at once)
    found = re.search(r"\d+", status.inner_text())
    if found and int(found.group()) > 0:
        page.locator("#search-results li").first.wait_for(timeout=10_000)
        page.wait_for_timeout(50)
    return page.eval_on_selector_all("#search-results a", "els => els.map(a => a.href)")


def test_a_word_of_the_seed_article_finds_its_event(site_dir, server, page):
    event = event_quoting(site_dir, "Vladivostok")
    hrefs = _search(page, "Vladivostok")
    assert server.base + f"events/{event['id']}/" in hrefs, hrefs
    assert not page.js_errors, page.js_errors
    # the query is in the URL: reloading shows the same results
    assert "q=Vladivostok" in page.url
    page.reload(wait_until="load")
    page.locator(f"#search-results a[href$='events/{event['id']}/']").first.wait_for(timeout=10_000)
    assert server.base + f"events/{event['id']}/" in page.eval_on_selector_all(
        "#search-results a", "els => els.map(a => a.href)")
    # the result link opens the event page, under the /repo/ prefix
    page.locator(f"#search-results a[href$='events/{event['id']}/']").first.click()
    page.wait_for_load_state("load")
    assert page.url == server.base + f"events/{event['id']}/"


def test_french_stemming_matches_other_forms_of_the_word(server, page):
    # "coréennes" (fem. plural) and "coréens" (masc. plural) share the French stem "coréen";
    # an English stemmer keeps them apart, and prefix matching cannot join them either.
    hrefs = _search(page, "coréennes")
    assert hrefs and all(h.startswith(server.base) for h in hrefs), hrefs
    only_other_form = []
    for href in hrefs:
        html = page.request.get(href).text()
        body = re.sub(r"<[^>]+>", " ", html.split("data-pagefind-body", 1)[-1])
        if re.search(r"\bcoréens?\b", body) and "coréenne" not in body.lower():
            only_other_form.append(href)
    assert only_other_form, "no result found through French stemming alone"


def test_a_word_nowhere_in_the_site_says_no_result(page):
    hrefs = _search(page, "xylophonezzz")
    assert hrefs == []
    assert page.locator("#search-status").inner_text().strip() != ""


def test_without_an_index_the_search_page_says_search_is_unavailable(site_dir, browser, tmp_path):
    import shutil

    from .server import SiteServer

    copy = tmp_path / "site"
    shutil.copytree(site_dir, copy, ignore=shutil.ignore_patterns("pagefind"))
    with SiteServer(copy, "/repo/") as srv:
        ctx = browser.new_context(base_url=srv.base)
        try:
            page = ctx.new_page()
            page.goto("search/?q=Vladivostok", wait_until="load")
            status = page.locator("#search-status")
            status.filter(has_text=re.compile(r"\S")).wait_for(timeout=10_000)
            assert "pas disponible" in status.inner_text(), status.inner_text()
            assert page.locator("#search-results li").count() == 0
            # the rest of the site still works
            page.goto("", wait_until="load")
            assert page.locator("main li[id]").count() > 10
        finally:
            ctx.close()


def test_every_event_of_the_seed_article_is_found_by_its_rarest_word(site_dir, server, page):
    events = events_json(site_dir)
    seed = _seed_slug()
    seed_events = [e for e in events if any(s["entry"] == seed for s in e["sources"])]
    assert len(seed_events) >= 3, "the seed article yields several events"
    frequency = Counter(w for e in events for w in set(_words(" ".join(s["quote"] for s in e["sources"]))))
    for event in seed_events:
        quote = next(s["quote"] for s in event["sources"] if s["entry"] == seed)
        word = min(_words(quote), key=lambda w: (frequency[w], w))
        hrefs = _search(page, word)
        assert server.base + f"events/{event['id']}/" in hrefs, f"{word!r} does not find {quote!r}: {hrefs}"
    # the seed's own article page is found by a word only it has ("Vladivostok" is there too)
    assert server.base + f"articles/{seed}/" in _search(page, "Vladivostok")


# --- each event's text is indexed once: on its own page ------------------------------------------
# An article page lists the events it reports (their titles, in "Dates détectées" and "Événements").
# Those lists are links to the events, not the article's words: a search must not return every
# article that merely lists an event, only the event and the articles whose own text has the word.

def _article_own_words(page, slug: str) -> set[str]:
    """The words a reader sees as the article itself: headline, outlet and date, snippet, tags."""
    page.goto(f"articles/{slug}/", wait_until="load")
    text = " ".join(page.eval_on_selector_all(
        ".article-page > h1, .article-page > .article-meta, .article-page > .snippet, .article-page > .tags",
        "els => els.map(e => e.innerText)"))
    return set(re.findall(r"[^\W\d_]+", text.lower()))


def _listed_not_written(site_dir, page) -> list[tuple[str, str, str]]:
    """(word, event id, article slug): a word of an event's title that the article listing the
    event never writes, not even as another form (no word of the article shares its first five
    letters, so neither French stemming nor Pagefind's prefix match can join them). Rarest first."""
    events = events_json(site_dir)
    frequency = Counter(w for e in events for w in set(_words(e["title"] + " " + " ".join(
        s["quote"] for s in e["sources"]))))
    found = []
    for event in events:
        if len(event["sources"]) < 2:
            continue
        for source in event["sources"]:
            own = {w[:5] for w in _article_own_words(page, source["entry"])}
            for word in set(_words(event["title"])):
                if word[:5] not in own:
                    found.append((frequency[word], word, event["id"], source["entry"]))
    return [(w, ev, slug) for _, w, ev, slug in sorted(found)]


def test_an_article_is_not_found_by_the_titles_of_the_events_it_lists(site_dir, server, page):
    cases = _listed_not_written(site_dir, page)
    assert cases, "the demo has an event reported by several articles in different words"
    for word, event_id, slug in cases[:3]:
        hrefs = _search(page, word)
        assert server.base + f"events/{event_id}/" in hrefs, f"{word!r} does not find its event: {hrefs}"
        assert server.base + f"articles/{slug}/" not in hrefs, (
            f"{word!r} finds articles/{slug}/, which only lists the event, not the word: {hrefs}")


def test_a_name_on_many_pages_lists_each_event_once_and_no_listing_page(site_dir, server, page):
    events = events_json(site_dir)
    # the actor named in most events: it is on the index, the year, kind, source and actor pages
    actor = Counter(a for e in events for a in e["actors"]).most_common(1)[0][0]
    page.goto(f"actors/{actor}/", wait_until="load")
    name = page.locator("main h1").first.inner_text().strip()
    hrefs = _search(page, name)
    assert hrefs, f"{name!r} finds nothing"
    assert len(hrefs) == len(set(hrefs)), f"a page is listed twice for {name!r}: {hrefs}"
    pages = [h[len(server.base):] for h in hrefs]
    assert all(re.fullmatch(r"(events|articles)/[^/]+/", p) for p in pages), pages
    count = int(re.search(r"\d+", page.locator("#search-status").inner_text()).group())
    assert count >= len(hrefs)


def test_a_word_of_an_english_snippet_finds_its_event(site_dir, server, page):
    english = set()
    for path in sorted((CONTENT / "entries").glob("*.md")):
        if re.search(r"^lang:\s*en\s*$", path.read_text(encoding="utf-8").split("\n---", 1)[0], re.M):
            english.add(path.stem)
    events = events_json(site_dir)
    frequency = Counter(w for e in events for w in set(_words(" ".join(s["quote"] for s in e["sources"]))))
    quoted = [(e, s["quote"]) for e in events for s in e["sources"] if s["entry"] in english]
    assert quoted, "the demo has English snippets that give events"
    event, quote = min(quoted, key=lambda q: min(frequency[w] for w in _words(q[1])))
    word = min(_words(quote), key=lambda w: (frequency[w], w))
    hrefs = _search(page, word)
    assert server.base + f"events/{event['id']}/" in hrefs, f"{word!r} does not find {quote!r}: {hrefs}"


def test_a_person_or_a_place_finds_every_event_that_names_it(site_dir, server, page):
    # French and English snippets alike: Zelensky and Koursk in French quotes, Starmer in English
    for name in ("Zelensky", "Koursk", "Starmer"):
        naming = [e["id"] for e in events_json(site_dir)
                  if any(name in (s.get("quote") or "") for s in e["sources"])]
        assert 0 < len(naming) <= 20, (name, naming)  # all of them fit on the first page of results
        hrefs = _search(page, name)
        missing = [i for i in naming if server.base + f"events/{i}/" not in hrefs]
        assert not missing, f"{name!r} does not find events {missing}: {hrefs}"
