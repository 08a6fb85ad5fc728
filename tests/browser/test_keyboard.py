"""E2: the index and an event page work with the keyboard alone.

Tab walks every interactive element in DOM order (one stop per radio group;
the inner fields of a native date input count as one),
each focused element shows a focus indicator and is not covered by a sticky
header, there is no trap, and the skip link moves the reader to <main>.
"""

from __future__ import annotations

import pytest

from .pages import first_page

# Elements Tab should stop on, listed in DOM order and numbered by the page itself.
NUMBER_STOPS = """() => {
  const sel = 'a[href], area[href], button, input:not([type=hidden]), select, textarea, summary, ' +
              '[tabindex]:not([tabindex="-1"]), [contenteditable=""], [contenteditable=true]';
  const seenRadio = new Set();
  const stops = [];
  for (const el of document.querySelectorAll(sel)) {
    if (el.disabled || el.closest('[inert]') || !el.checkVisibility({visibilityProperty: true})) continue;
    if (el.tabIndex < 0) continue;
    if (el.type === 'radio' && el.name) {
      const group = el.form ? el.form.querySelectorAll(`input[type=radio][name="${CSS.escape(el.name)}"]`)
                            : document.querySelectorAll(`input[type=radio][name="${CSS.escape(el.name)}"]`);
      const checked = [...group].find(r => r.checked) || group[0];
      if (seenRadio.has(el.name) || el !== checked) { continue; }
      seenRadio.add(el.name);
    }
    el.dataset.kbStop = String(stops.length);
    stops.push((el.tagName.toLowerCase() + ' ' + (el.getAttribute('href') || el.name || el.id || el.textContent.trim().slice(0, 30))));
  }
  return stops;
}"""

# After each Tab: which stop has focus, does it show a focus ring, is it covered?
FOCUS_STATE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return {stop: null};
  const s = getComputedStyle(el);
  const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
  const r = el.getBoundingClientRect();
  let covered = null;
  if (r.width > 0 && r.height > 0) {
    const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
    const y = Math.min(Math.max(r.top + Math.min(r.height / 2, 8), 0), innerHeight - 1);
    const top = document.elementFromPoint(x, y);
    if (top && top !== el && !el.contains(top) && !top.contains(el)) {
      covered = top.tagName.toLowerCase() + (top.id ? '#' + top.id : '');
    }
  }
  return {stop: el.dataset.kbStop ?? ('unlisted ' + el.tagName.toLowerCase() + ' ' + (el.getAttribute('href') || el.id)),
          ring, visible: el.matches(':focus-visible'), covered};
}"""


def _walk(page) -> tuple[list[str], list[str]]:
    """Tab through the whole page; return (expected stops, problems)."""
    stops = page.evaluate(NUMBER_STOPS)
    problems: list[str] = []
    reached: list[str] = []
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.evaluate("window.scrollTo(0, 0)")
    # native date/month inputs hold several Tab stops (their fields and picker button)
    for _ in range(4 * len(stops) + 1):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        if state["stop"] is None:
            break  # focus left the document: the walk is complete (no trap)
        if reached and reached[-1] == state["stop"]:
            continue  # still inside the same control; its first stop was checked
        reached.append(state["stop"])
        label = stops[int(state["stop"])] if state["stop"].isdigit() else state["stop"]
        if not (state["ring"] and state["visible"]):
            problems.append(f"no visible focus indicator on {label}")
        if state["covered"]:
            problems.append(f"{label} is covered by {state['covered']} when focused")
    expected = [str(i) for i in range(len(stops))]
    if reached != expected:
        first_bad = next((i for i, (a, b) in enumerate(zip(reached, expected)) if a != b),
                         min(len(reached), len(expected)))
        problems.insert(0, f"Tab order differs from DOM order at stop {first_bad}: reached "
                           f"{reached[first_bad:first_bad + 3]} expected {expected[first_bad:first_bad + 3]} "
                           f"({len(reached)} of {len(stops)} stops reached)")
    return stops, problems


@pytest.mark.parametrize("which", ["index", "event"])
def test_tab_reaches_everything_in_order_with_visible_focus(which, site_dir, page):
    url = "" if which == "index" else first_page(site_dir, "events")
    page.goto(url, wait_until="load")
    stops, problems = _walk(page)
    assert len(stops) > 5, f"{which}: suspiciously few interactive elements: {stops}"
    if which == "index":
        kinds = " ".join(stops)
        assert "select" in kinds or "input" in kinds, f"the filters are not reachable by Tab: {stops[:15]}"
        assert any("events/" in s for s in stops), "no event link reachable by Tab"
    assert not problems, f"{which} page:\n" + "\n".join(problems[:15])


@pytest.mark.parametrize("which", ["index", "event"])
def test_skip_link_lands_on_main(which, site_dir, page):
    page.goto("" if which == "index" else first_page(site_dir, "events"), wait_until="load")
    page.keyboard.press("Tab")
    first = page.evaluate("() => { const a = document.activeElement; "
                          "return [a.tagName, a.getAttribute('href'), a.textContent.trim()]; }")
    assert first[0] == "A" and (first[1] or "").startswith("#"), f"first Tab stop is not a skip link: {first}"
    target = page.evaluate(f"() => {{ const t = document.getElementById({first[1][1:]!r}); "
                           "return t && (t.tagName === 'MAIN' || !!t.closest('main')); }")
    assert target, f"skip link {first[1]} does not point into <main>"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    inside = page.evaluate("!!document.activeElement.closest('main')")
    assert inside, "after the skip link, the next Tab does not land inside <main>"
