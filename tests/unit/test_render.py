"""timeline.render: the theme's environment, errors with file:line, safe defaults."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

import site_fixture as fx
from timeline.model import Page
from timeline.problems import format_problem
from timeline.render import PACKAGE_THEMES, make_env, output_path, render_pages
from timeline.site import plan_pages

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'")


def _site(tmp_path: Path, templates: dict[str, str] | None = None, static: dict[str, str] | None = None,
          theme: str = "custom") -> Path:
    """A content folder with a custom theme beside it."""
    content = tmp_path / "content"
    content.mkdir()
    for name, text in (templates or {}).items():
        path = tmp_path / "themes" / theme / "templates" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for name, text in (static or {}).items():
        path = tmp_path / "themes" / theme / "static" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return content


def test_missing_theme_is_an_error_with_a_hint(tmp_path):
    content = _site(tmp_path)
    (content / "timeline.yml").write_text("title: T\nlanguage: fr\ntheme: defualt\n", encoding="utf-8")
    env, problems = make_env("defualt", content)
    assert env is None
    line = format_problem(problems[0])
    assert line == (f"{content / 'timeline.yml'}:3: error: theme 'defualt' not found — "
                    "did you mean 'default'? [E040]")


@pytest.mark.parametrize("name", ["../default", "/etc", "..", ""])
def test_theme_names_cannot_point_outside_the_themes_folders(tmp_path, name):
    env, problems = make_env(name, _site(tmp_path))
    assert env is None and problems[0].code == "E040"


def test_default_theme_is_found_from_the_package_whatever_the_content_folder(tmp_path):
    env, problems = make_env("default", tmp_path / "anywhere" / "content")
    assert problems == [] and env is not None
    assert (PACKAGE_THEMES / "default" / "templates" / "base.html").is_file()


def test_a_custom_theme_overrides_one_template_and_keeps_the_rest(tmp_path):
    content = _site(tmp_path, {"404.html": '{% extends "default/404.html" %}{% block main %}<h1>Perdu</h1>'
                                          '{% endblock %}'}, {"css/site.css": "body{}"})
    env, problems = make_env("custom", content)
    assert problems == []
    files, problems = render_pages(plan_pages(fx.timeline(), base_url="/"), env, base_url="/")
    assert problems == []
    assert "<h1>Perdu</h1>" in files["404.html"].decode()
    assert "event-page" in files["events/ev-past/index.html"].decode()  # from the default theme
    assert files["static/css/site.css"] == b"body{}"  # the custom static file wins
    assert files["static/js/filters.js"].startswith(b"//")  # the default's others stay


def test_a_custom_theme_can_restyle_one_event_in_every_list(tmp_path):
    content = _site(tmp_path, {"event_item.html": '<li id="{{ ev.id }}" class="mine">{{ ev.title }}</li>'})
    env, _ = make_env("custom", content)
    files, problems = render_pages(plan_pages(fx.timeline(), base_url="/"), env, base_url="/")
    assert problems == []
    for page in ("index.html", "actors/france/index.html", "articles/2024-10-18-seed/index.html"):
        assert '<li id="ev-weekend" class="mine">Jean-Noël Barrot à Kiev</li>' in files[page].decode(), page


def test_syntax_error_names_the_template_file_and_line(tmp_path):
    content = _site(tmp_path, {"404.html": "<p>ok</p>\n<p>{% if %}</p>\n"})
    env, _ = make_env("custom", content)
    _, problems = render_pages([Page("404.html", "404.html", {})], env, base_url="/")
    line = format_problem(problems[0])
    assert re.match(r".*themes/custom/templates/404\.html:2: error: template syntax error", line), line


def test_undefined_variable_names_the_template_file_and_line(tmp_path):
    content = _site(tmp_path, {"404.html": "<p>ok</p>\n<p>\n{{ page.titel }}</p>\n"})
    env, _ = make_env("custom", content)
    pages = [Page("404.html", "404.html", {"page": {"title": "x"}}),
             Page("other.html", "404.html", {"page": {"title": "y"}})]
    files, problems = render_pages(pages, env, base_url="/")
    assert len(problems) == 1  # the same broken line is reported once, not once per page
    line = format_problem(problems[0])
    assert "themes/custom/templates/404.html:3: error:" in line and "titel" in line, line
    assert [k for k in files if not k.startswith("static/")] == []


def test_missing_template_is_an_error(tmp_path):
    env, _ = make_env("default", _site(tmp_path))
    _, problems = render_pages([Page("x/", "nope.html", {})], env, base_url="/")
    assert problems[0].code == "E041" and "nope.html" in problems[0].message


def test_autoescape_is_on_for_html_templates(tmp_path):
    content = _site(tmp_path, {"t.html": "<p title=\"{{ v }}\">{{ v }}</p>"})
    env, _ = make_env("custom", content)
    files, _ = render_pages([Page("t.html", "t.html", {"v": '"><script>x</script>'})], env, base_url="/")
    assert files["t.html"] == b'<p title="&#34;&gt;&lt;script&gt;x&lt;/script&gt;">&#34;&gt;&lt;script&gt;x&lt;/script&gt;</p>'


def test_output_paths():
    assert output_path("") == "index.html"
    assert output_path("events/a/") == "events/a/index.html"
    assert output_path("events.json") == "events.json"


def test_no_template_marks_anything_safe_by_hand():
    """C3: HTML that skips escaping is made in Python (sanitiser, highlight, JSON-LD), never in a template."""
    offenders = []
    for path in sorted((PACKAGE_THEMES / "default" / "templates").glob("*.html")):
        text = path.read_text(encoding="utf-8")
        if re.search(r"\|\s*safe\b|autoescape\s+false|\|\s*tojson|Markup\(", text):
            offenders.append(path.name)
    assert offenders == []


def test_every_page_has_the_csp_and_no_inline_script_or_style():
    env, _ = make_env("default", "content")
    files, _ = render_pages(plan_pages(fx.timeline(), base_url="/"), env, base_url="/")
    html = {k: v.decode() for k, v in files.items() if k.endswith(".html")}
    assert len(html) > 20
    for path, text in html.items():
        csp = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', text)
        if path == "search/index.html":  # Pagefind runs WebAssembly, nothing inline
            assert csp == [CSP.replace("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'")]
        else:
            assert csp == [CSP], path
        assert " style=" not in text and "<style" not in text, path
        for script in re.findall(r"<script[^>]*>", text):
            assert 'type="application/ld+json"' in script or re.fullmatch(
                r'<script src="/static/js/[a-z]+\.js" defer>', script), (path, script)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_static_symlinks_leading_out_of_the_theme_are_not_copied(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("password", encoding="utf-8")
    content = _site(tmp_path, {"404.html": "x"}, {"css/ok.css": "a{}"})
    os.symlink(secret, tmp_path / "themes" / "custom" / "static" / "leak.txt")
    env, _ = make_env("custom", content)
    files, _ = render_pages([], env, base_url="/")
    assert "static/css/ok.css" in files and "static/leak.txt" not in files
