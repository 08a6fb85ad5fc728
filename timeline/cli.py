"""Command line: parses options, calls the pipeline, prints problems, sets the exit code.

No logic lives here. Imports are lazy so that `timeline extract` and
`timeline --help` start fast.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

import click

from timeline import __version__
from timeline.datafile import DataFileError


def _print_problems(problems) -> None:
    from timeline.problems import format_problem, sort_key

    for problem in sorted(problems, key=sort_key):
        click.echo(format_problem(problem), err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="timeline")
@click.option("--debug", is_flag=True, help="Show Python tracebacks on unexpected errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Turn news snippets (Markdown + YAML front matter) into a dated, sourced timeline site.

    \b
    Examples:
      timeline build                 # content/ -> _site/
      timeline check                 # review every date the tool read
      timeline extract --dct 2024-10-18 --lang fr article.txt
    """
    ctx.obj = {"debug": debug}


@cli.command()
@click.option("--content", "content_dir", default="content", show_default=True,
              type=click.Path(file_okay=False), help="Content folder (timeline.yml, actors.yml, entries).")
@click.option("--out", "out_dir", default="_site", show_default=True, type=click.Path(),
              help="Output folder; replaced atomically on success.")
@click.option("--base-url", default=None, help="URL prefix the site is served under, e.g. /repo/.")
@click.option("--today", default=None, help="Pin 'now' (YYYY-MM-DD) for reproducible builds; "
              "SOURCE_DATE_EPOCH is honoured too.")
@click.option("--drafts", is_flag=True, help="Include entries marked draft: true.")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
def build(content_dir: str, out_dir: str, base_url: str | None, today: str | None,
          drafts: bool, strict: bool) -> None:
    """Build the static site.

    \b
    Examples:
      timeline build
      timeline build --base-url /my-repo/ --out public
      timeline build --today 2024-12-31 --strict
    """
    from timeline.pipeline import build_site

    result = build_site(content_dir, out_dir, base_url=base_url, today=today,
                        drafts=drafts, strict=strict)
    _print_problems(result.problems)
    if result.summary:  # "built …", or "site not written: _site is unchanged"
        click.echo(result.summary, err=True)
    sys.exit(result.code)


@cli.command()
@click.option("--content", "content_dir", default="content", show_default=True,
              type=click.Path(file_okay=False), help="Content folder to check.")
@click.option("--strict", is_flag=True, help="Exit non-zero on warnings too (for CI on a content repo).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--today", default=None, help="Pin 'now' (YYYY-MM-DD), as for build.")
def check(content_dir: str, strict: bool, fmt: str, today: str | None) -> None:
    """Validate the content (drafts included) without writing the site, and list every date read.

    \b
    For each entry: the words, the normalised value, the date readers will see,
    what it was anchored on, and a warning where the reading is unsure.
    Silence a reviewed warning with front matter:
      reviewed:
        - sentence: "Et ce vendredi"      # the start of the sentence
          note: "le jour même de la publication"

    \b
    Examples:
      timeline check
      timeline check --strict --format json > check.json
    """
    from timeline.check import check_content, format_json, format_text, summary
    from timeline.problems import exit_code

    checks, problems = check_content(content_dir, today=today)
    if fmt == "json":
        click.echo(format_json(checks, problems))
    else:
        shown = {w for c in checks for w in c.warnings + [x for m in c.mentions for x in m.warnings]}
        _print_problems([p for p in problems if p not in shown])  # the others are in the report
        if checks:
            click.echo(format_text(checks))
        counts = summary(checks, problems)
        click.echo(f"{counts['entries']} entries, {counts['mentions']} dates, {counts['errors']} errors, "
                   f"{counts['warnings']} warnings ({counts['reviewed']} reviewed)", err=True)
    sys.exit(exit_code(problems, strict=strict))


@cli.command()
@click.option("--content", "content_dir", default="content", show_default=True,
              type=click.Path(file_okay=False), help="Content folder to build and watch.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="Port on 127.0.0.1 (0: any free port).")
@click.option("--base-url", default=None, help="URL prefix to serve under (default: timeline.yml base_url).")
@click.option("--today", default=None, help="Pin 'now' (YYYY-MM-DD), as for build.")
@click.option("--drafts", is_flag=True, help="Include entries marked draft: true.")
def serve(content_dir: str, port: int, base_url: str | None, today: str | None, drafts: bool) -> None:
    """Build the site, serve it on http://127.0.0.1, rebuild and reload on every change.

    \b
    Only this machine can connect. Errors show in the terminal and on the page;
    the server keeps running until Ctrl+C.

    \b
    Examples:
      timeline serve
      timeline serve --port 8080 --drafts
    """
    from timeline.serve import serve as run_server

    sys.exit(run_server(content_dir, port=port, base_url=base_url, today=today, drafts=drafts,
                        echo=lambda line: click.echo(line, err=True)))


@cli.command()
@click.option("--dct", required=False, help="Publication date (YYYY-MM-DD or ISO datetime).")
@click.option("--lang", default="fr", show_default=True, type=click.Choice(["fr", "en"]))
@click.option("--prefer", type=click.Choice(["past", "future"]), default=None,
              help="Reading of tenseless phrases (default: from the sentence's tense).")
@click.option("--jsonl", is_flag=True, help='Batch mode: JSON lines {"id","text","dct","lang"} on stdin.')
@click.argument("file", required=False, default="-", type=click.File("r", encoding="utf-8"))
def extract(dct: str | None, lang: str, prefer: str | None, jsonl: bool, file) -> None:
    """Print the temporal expressions of a text as JSON (one object per mention).

    \b
    Examples:
      echo "Il est arrivé ce vendredi." | timeline extract --dct 2024-10-18
      timeline extract --jsonl < phrases.jsonl
    """
    from timeline.temporal.batch import run_jsonl, run_text

    if jsonl:
        code = run_jsonl(sys.stdin if file.name == "<stdin>" else file, sys.stdout, prefer=prefer)
    else:
        if not dct:
            raise click.UsageError("--dct is required unless --jsonl is given")
        code = run_text(file.read(), dct, lang, sys.stdout, prefer=prefer)
    sys.exit(code)


@cli.command(name="new")
@click.argument("title")
@click.option("--source", required=True, help='The outlet, e.g. "Europe 1".')
@click.option("--published", required=True, help="Publication date: YYYY-MM-DD or 2024-10-18T14:20:00+02:00.")
@click.option("--url", default=None, help="The article's address (http or https).")
@click.option("--lang", default=None, type=click.Choice(["fr", "en"]), help="Default: the site's language.")
@click.option("--content", "content_dir", default="content", show_default=True,
              type=click.Path(file_okay=False), help="Content folder.")
def new_command(title: str, source: str, published: str, url: str | None, lang: str | None,
                content_dir: str) -> None:
    """Write a new entry under content/entries/ (never overwrites a file).

    \b
    Examples:
      timeline new "La Corée du Nord envoie des soldats" --source "Europe 1" --published 2024-10-18
      timeline new "Putin in Pyongyang" --source Reuters --published 2024-06-19T14:20:00+02:00 \\
          --url https://example.com/article --lang en
    """
    from timeline.scaffold import new_entry

    path, problems = new_entry(content_dir, title, source, published, url=url, lang=lang)
    _print_problems(problems)
    if path is not None:
        click.echo(path.as_posix())
    sys.exit(1 if path is None else 0)


@cli.command(name="init")
@click.argument("directory", type=click.Path(file_okay=False))
@click.option("--requirement", default=None,
              help="pip requirement the GitHub Pages workflow installs timeline with "
                   "(default: where this copy was installed from, when pip recorded it).")
def init_command(directory: str, requirement: str | None) -> None:
    """Create a new timeline project: content/, an example entry, .gitignore and the Pages workflow.

    \b
    Examples:
      timeline init ma-chronologie
      timeline init my-timeline --requirement "timeline @ git+https://github.com/ORG/timeline@v0.1.0"
    """
    from timeline.problems import exit_code
    from timeline.scaffold import init_project

    created, problems = init_project(directory, requirement=requirement)
    _print_problems(problems)
    for path in created:
        click.echo(path.as_posix())
    sys.exit(exit_code(problems))


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point: problems are printed as lines, never as tracebacks (unless --debug)."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        cli.main(args=args, prog_name="timeline", standalone_mode=True)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        sys.exit(130)
    except DataFileError as exc:  # a package data file (word lists, UI strings) broken by an edit
        if "--debug" in args:
            raise
        click.echo(f"error: {exc}", err=True)  # already "file:line:col: what — hint"
        sys.exit(2)
    except Exception as exc:  # last resort: a bug of ours, not the editor's
        if "--debug" in args:
            raise
        click.echo(f"error: internal error: {type(exc).__name__}: {exc} — "
                   "rerun with --debug and report it", err=True)
        sys.exit(2)
