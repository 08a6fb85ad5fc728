"""E1: axe-core finds no serious or critical violation on any template.

9 templates x light/dark x desktop 1280 / phone 375 = 36 runs in one browser.
Moderate violations fail on the index, event and article pages and are listed
(as warnings in the pytest summary) elsewhere.
"""

from __future__ import annotations

import warnings

import pytest

from .conftest import _missing
from .pages import template_pages

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
TEMPLATES = ["index", "event", "article", "actor", "month", "kind", "source", "search", "404"]
STRICT_MODERATE = {"index", "event", "article"}
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 812}}


@pytest.fixture(scope="module")
def axe():
    try:
        from axe_playwright_python.sync_playwright import Axe
    except ImportError:
        _missing("axe-playwright-python not installed: pip install axe-playwright-python (it ships axe-core)")

    return Axe()


@pytest.fixture(scope="module")
def urls(site_dir):
    return template_pages(site_dir)


@pytest.fixture(scope="module")
def contexts(browser, server):
    """One browser context per (scheme, viewport), shared by the nine pages."""
    made = {}
    for scheme in ("light", "dark"):
        for name, size in VIEWPORTS.items():
            ctx = browser.new_context(viewport=size, color_scheme=scheme, base_url=server.base,
                                      is_mobile=name == "phone", has_touch=name == "phone")
            made[(scheme, name)] = ctx.new_page()
    yield made
    for page in made.values():
        page.context.close()


def _describe(violation: dict) -> str:
    targets = [", ".join(node["target"]) if isinstance(node["target"], list) else str(node["target"])
               for node in violation["nodes"][:5]]
    return f"{violation['impact']}: {violation['id']} ({violation['help']}) at {targets}"


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("template", TEMPLATES)
def test_no_serious_violation(template, scheme, viewport, urls, contexts, axe):
    page = contexts[(scheme, viewport)]
    response = page.goto(urls[template], wait_until="load")
    assert response is not None
    assert response.status == (404 if template == "404" else 200)
    assert page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches") == (scheme == "dark")
    if template == "search":
        # the results list is what a reader uses: check it filled, not the empty form
        page.fill("input[type=search]", "soldats")
        page.keyboard.press("Enter")
        page.wait_for_selector("#search-results li", timeout=10_000)
    # Sections with content-visibility:auto are laid out only near the viewport; axe measures
    # geometry (target size, contrast), so render everything as a reader scrolling would see it.
    page.evaluate("""() => { for (const el of document.querySelectorAll('body *')) {
        if (getComputedStyle(el).contentVisibility === 'auto') el.style.contentVisibility = 'visible'; } }""")
    result = axe.run(page, options={"runOnly": {"type": "tag", "values": TAGS},
                                    "resultTypes": ["violations"]})
    violations = result.response["violations"]
    serious = [_describe(v) for v in violations if v["impact"] in ("serious", "critical")]
    moderate = [_describe(v) for v in violations if v["impact"] == "moderate"]
    assert not serious, f"{template} ({scheme}, {viewport}):\n" + "\n".join(serious)
    if template in STRICT_MODERATE:
        assert not moderate, f"{template} ({scheme}, {viewport}):\n" + "\n".join(moderate)
    for line in moderate:
        warnings.warn(f"axe moderate on {template} ({scheme}, {viewport}): {line}", stacklevel=1)
