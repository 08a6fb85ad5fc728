"""C7: the Content-Security-Policy every page carries stops injected inline script.

A sanitiser bypass would land markup inside a built page; the meta CSP is the
second wall. The probe is a real built page with an inline <script>, an inline
event handler and a javascript: URL added, served from the same origin: none
may run, and the page's own scripts (same origin files) still do.
"""

from __future__ import annotations

import re

from .pages import template_pages

PROBE = ('<script>window.__inline_ran = true;</script>'
         '<img src="data:," alt="" onerror="window.__handler_ran = true">'
         '<a id="probe-js-link" href="javascript:window.__link_ran=true">x</a>')


def test_every_template_carries_the_meta_csp(site_dir, page):
    refused: list[str] = []
    page.on("console", lambda m: refused.append(f"{page.url}: {m.text}")
            if "Content Security Policy" in m.text else None)
    for name, url in template_pages(site_dir).items():
        page.goto(url)
        if name == "search":
            page.get_by_role("searchbox").fill("Vladivostok")
            page.keyboard.press("Enter")
            page.locator("#search-results li").first.wait_for(timeout=10_000)
        csp = page.get_attribute('meta[http-equiv="Content-Security-Policy"]', "content")
        assert csp, f"{name} page ({url}) has no meta CSP"
        directives = {d.split()[0]: d.split()[1:] for d in csp.split(";") if d.strip()}
        script_src = directives.get("script-src", directives.get("default-src", []))
        assert "'self'" in script_src, f"{name}: {csp}"
        assert not {"'unsafe-inline'", "'unsafe-eval'", "*", "data:"} & set(script_src), \
            f"{name}: script-src lets inline or foreign script in: {csp}"
        assert directives.get("object-src") == ["'none'"], csp
        assert directives.get("base-uri") == ["'none'"], csp
        for banned in ("frame-ancestors", "report-uri", "sandbox"):
            assert banned not in directives, f"{banned} is ignored in a meta CSP: {csp}"
    # and under that policy the theme works: nothing refused, no script error, on any template
    assert not refused, "\n".join(refused)
    assert not page.js_errors, page.js_errors


def test_injected_inline_script_does_not_run(site_dir, server, page):
    index = (site_dir / "index.html").read_text(encoding="utf-8")
    assert "</body>" in index
    probe = site_dir / "csp-probe" / "index.html"
    probe.parent.mkdir(exist_ok=True)
    probe.write_text(index.replace("</body>", PROBE + "</body>", 1), encoding="utf-8")
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto("csp-probe/", wait_until="load")
    page.click("#probe-js-link")
    page.wait_for_timeout(200)
    ran = page.evaluate("[!!window.__inline_ran, !!window.__handler_ran, !!window.__link_ran]")
    assert ran == [False, False, False], f"inline script / handler / javascript: URL ran: {ran}"
    assert len(violations) >= 3, f"expected 3 CSP refusals, console said: {violations}"
    # the page's own same-origin scripts still loaded (the policy is not simply 'none')
    own = re.findall(r'<script[^>]+src="([^"]+)"', index)
    if own:
        loaded = page.evaluate("performance.getEntriesByType('resource').map(r => r.name)")
        assert any(src.split("?")[0] in url for src in own for url in loaded), (own, loaded)
