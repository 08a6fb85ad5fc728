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


def _search(page, query: str, *, every: bool = True) -> list[str]:
    """The result links a reader gets for `query`: all of them (pressing "more results" until
    it goes away), or with every=False only the first batch."""
    page.goto("search/", wait_until="load")
    box = page.get_by_role("searchbox")
    box.fill(query)
    box.press("Enter")
    status = page.locator("#search-status")
    status.filter(has_text=re.compile(r"\S")).wait_for(timeout=10_000)
    # the count is announced once the first batch of results is on the page
    more = page.locator("#search-more")
    while every and more.is_visible():
        shown = page.locator("#search-results li").count()
        more.get_by_role("button").click()
        page.locator("#search-results li").nth(shown).wait_for(timeout=10_000)
    return page.eval_on_selector_all("#search-results li h2 a", "els => els.map(a => a.href)")


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
        assert naming, name
        hrefs = _search(page, name)
        missing = [i for i in naming if server.base + f"events/{i}/" not in hrefs]
        assert not missing, f"{name!r} does not find events {missing}: {hrefs}"


# --- what a result says, more results, kinds, live region, keyboard ------------------------------
# Like a newspaper archive: each result says whether it is an event or an article and its date as
# the site words it; the count is announced; "more results" appends the next batch; a reader may
# search only the events or only the articles.

def _flat(text: str) -> str:
    """The text as read aloud: no-break spaces are spaces."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " ")).strip()


def _results(page) -> list[dict]:
    return page.eval_on_selector_all("#search-results li", """els => els.map(li => {
        const a = li.querySelector('h2 a'), meta = li.querySelector('.search-result-meta');
        const when = meta.querySelector('.search-result-date');
        const kind = meta.querySelector('.search-result-kind');
        return {href: a.href, title: a.textContent, lang: a.getAttribute('lang'), meta: meta.innerText,
                kind: kind ? kind.textContent : null, date: when ? when.textContent : null};
    })""")


def _announced(page) -> tuple[int, str]:
    text = _flat(page.locator("#search-status").inner_text())
    found = re.fullmatch(r"(\d+|Aucun) résultats? (.*)", text)
    assert found, f"the live region says {text!r}"
    return (0 if found.group(1) == "Aucun" else int(found.group(1))), found.group(2)


def _wide_query(page) -> tuple[str, int]:
    """The demo word (of a few common ones) with the most results."""
    best = ("", 0)
    for word in ("Russie", "Corée", "Poutine", "soldats", "Pyongyang"):
        _search(page, word, every=False)
        best = max(best, (word, _announced(page)[0]), key=lambda b: b[1])
    return best


def test_each_result_says_whether_it_is_an_event_or_an_article_and_its_date(site_dir, server, page):
    _search(page, "Koursk")
    results = _results(page)
    count, rest = _announced(page)
    assert rest == "pour « Koursk »" and count == len(results), (count, rest, len(results))
    events = [r for r in results if "/events/" in r["href"]]
    articles = [r for r in results if "/articles/" in r["href"]]
    assert events and articles and len(events) + len(articles) == len(results), results
    assert all(r["kind"] == "Événement" for r in events), [r["meta"] for r in events]
    assert all(r["kind"] == "Article" for r in articles), [r["meta"] for r in articles]
    # the date is the one the page itself shows: the event's date phrase, the article's publication
    checks = events[:4] + articles[:4]
    for r in checks:
        page.goto(r["href"], wait_until="load")
        h1 = page.locator("main h1").first
        assert r["title"] == h1.inner_text().strip(), (r["title"], h1.inner_text())
        assert r["lang"] == (h1.get_attribute("lang") if h1.get_attribute("lang") != "fr" else None), r
        where = ".event-date .when" if "/events/" in r["href"] else ".article-meta .when"
        shown = page.locator(where).first
        assert r["date"] == shown.inner_text().strip(), (r["href"], r["date"], shown.inner_text())
        if "/events/" in r["href"]:
            assert _flat(r["meta"]) == f"Événement {r['date']}", r["meta"]
        else:
            assert _flat(r["meta"]) == f"Article publié le {r['date']}", r["meta"]
    assert any(r["lang"] == "en" for r in results), "an English page's title is not marked as English"


def test_more_results_appends_the_next_batch_and_moves_the_focus_to_it(server, page):
    query, count = _wide_query(page)
    _search(page, query, every=False)
    first = _results(page)
    assert 0 < len(first) < count, f"{query!r}: {count} results, {len(first)} shown at first"
    button = page.get_by_role("button", name="Résultats suivants")
    assert button.is_visible()
    assert _flat(page.locator("#search-more").inner_text()) == f"Résultats suivants {len(first)} affichés sur {count}"
    button.focus()
    page.keyboard.press("Enter")
    page.locator("#search-results li").nth(len(first)).wait_for(timeout=10_000)
    second = _results(page)
    assert len(second) == min(2 * len(first), count), (len(first), len(second), count)
    assert [r["href"] for r in second[:len(first)]] == [r["href"] for r in first], "the first batch changed"
    # the reader continues where the new batch starts
    focused = page.evaluate("document.activeElement.href")
    assert focused == second[len(first)]["href"], (focused, second[len(first)]["href"])
    # the count announced stays the whole count
    assert _announced(page) == (count, f"pour « {query} »")
    # back from a result (or a reload), as many results are shown again
    page.reload(wait_until="load")
    page.locator("#search-results li").nth(len(second) - 1).wait_for(timeout=10_000)
    assert page.locator("#search-results li").count() == len(second)
    hrefs = _search(page, query)
    assert len(hrefs) == count == len(set(hrefs)), (count, len(hrefs))
    assert not page.locator("#search-more").is_visible()
    assert not page.js_errors, page.js_errors


def test_the_count_is_announced_in_a_live_region(page):
    _search(page, "xylophonezzz")
    status = page.locator("#search-status")
    assert status.get_attribute("role") == "status"
    assert _flat(status.inner_text()) == "Aucun résultat pour « xylophonezzz »"
    assert not page.locator("#search-more").is_visible()
    _search(page, "Vladivostok")
    count, rest = _announced(page)
    assert count >= 1 and rest == "pour « Vladivostok »"
    assert re.fullmatch(rf"{count} résultats? pour « Vladivostok »", _flat(status.inner_text()))


def test_the_search_page_with_results_works_with_the_keyboard(server, page):
    from .test_keyboard import _walk

    query, count = _wide_query(page)
    page.goto(f"search/?q={query}", wait_until="load")  # as a shared link opens it
    page.locator("#search-status").filter(has_text=re.compile(r"\S")).wait_for(timeout=10_000)
    assert page.locator("#search-more").is_visible()
    stops, problems = _walk(page)
    kinds = " ".join(stops)
    assert "input q" in kinds and "button" in kinds, stops
    assert sum(bool(re.search(r"/(events|articles)/[^/]+/$", s)) for s in stops) == len(_results(page)), stops
    assert not problems, "\n".join(problems[:15])


def test_search_with_more_results_has_no_serious_axe_issue(page):
    from .test_axe import TAGS, _describe, axe  # noqa: F401 - the same rules as E1

    try:
        from axe_playwright_python.sync_playwright import Axe
    except ImportError:
        from .conftest import _missing
        _missing("axe-playwright-python not installed")
    query, _ = _wide_query(page)
    _search(page, query, every=False)
    page.get_by_role("button", name="Résultats suivants").click()
    page.locator("#search-results a:focus").wait_for(timeout=10_000)
    for viewport in ({"width": 1280, "height": 900}, {"width": 375, "height": 812}):
        page.set_viewport_size(viewport)
        result = Axe().run(page, options={"runOnly": {"type": "tag", "values": TAGS},
                                          "resultTypes": ["violations"]})
        bad = [_describe(v) for v in result.response["violations"] if v["impact"] in ("serious", "critical")]
        assert not bad, f"{viewport}: " + "\n".join(bad)


def test_an_english_site_words_its_results_in_english(browser, tmp_path):
    import shutil

    from timeline.pipeline import build_site

    from .conftest import BASE_URL, TODAY, fresh_page
    from .server import SiteServer

    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    config = content / "timeline.yml"
    text = config.read_text(encoding="utf-8")
    assert re.search(r"^language: fr$", text, re.M)
    config.write_text(re.sub(r"^language: fr$", "language: en", text, flags=re.M), encoding="utf-8")
    out = tmp_path / "_site"
    result = build_site(str(content), str(out), base_url=BASE_URL, today=TODAY, drafts=False, strict=False)
    assert result.code == 0
    with SiteServer(out, BASE_URL) as srv:
        for page in fresh_page(browser, srv.base):
            hrefs = _search(page, "Kursk")
            status = _flat(page.locator("#search-status").inner_text())
            assert re.fullmatch(rf"{len(hrefs)} results? for “Kursk”", status), status
            metas = {r["kind"]: _flat(r["meta"]) for r in _results(page)}
            assert re.fullmatch(r"Event \S.*", metas["Event"]), metas
            assert re.fullmatch(r"Article published \d{1,2} [A-Z][a-z]+ \d{4}|"
                                r"Article published [A-Z][a-z]+ \d{1,2}, \d{4}", metas["Article"]), metas


def test_an_excerpt_reads_the_event_facts_as_separate_words(page):
    # the event page's facts (<dt>Type</dt><dd>Militaire</dd>) were indexed and shown glued:
    # "TypeMilitaire ActeursCorée du Nord" (and "typemilitaire" was a word found on 45 pages)
    _search(page, "Koursk")
    excerpts = page.eval_on_selector_all("#search-results .search-result-excerpt", "els => els.map(e => e.innerText)")
    facts = [e for e in excerpts if re.search(r"\bType\b", e)]
    assert facts, "no excerpt reaches an event's facts"
    glued = [e for e in excerpts if re.search(r"\b(Type|Acteurs)[A-ZÉ]", e)]
    assert not glued, glued[:3]


def test_without_javascript_no_search_control_is_offered_that_cannot_work(browser, server):
    ctx = browser.new_context(java_script_enabled=False, base_url=server.base)
    try:
        page = ctx.new_page()
        page.goto("search/?q=Koursk", wait_until="load")
        assert "JavaScript" in page.locator("main").inner_text()
        dead = page.eval_on_selector_all("#search-more button",
                                         "els => els.filter(e => e.checkVisibility()).map(e => e.outerHTML)")
        assert dead == [], dead
    finally:
        ctx.close()
