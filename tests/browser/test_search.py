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
