"""The ``checker`` command line.  Exit codes: 0 nothing at or above ``--fail-on``,
1 something is, 2 usage or input error (one line on stderr, never a traceback)."""

from __future__ import annotations

import sys

import click

from checker import __version__
from checker.errors import CheckerError, UsageError
from checker.textnorm import one_line
from checker.report import FORMATS

FAIL_ON = ("error", "warning", "info", "none")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="checker")
def cli() -> None:
    """Cross-check a press article's claims against the source document it reports on."""


@cli.command()
@click.argument("articles", nargs=-1, required=True)
@click.option("--source", "-s", "sources", multiple=True,
              help="The source document the articles report on (path or URL; repeatable). "
                   "Default: each draft's front matter 'source:', else the config's sources.")
@click.option("--format", "-f", "formats", multiple=True, metavar="FMT[:PATH]",
              callback=lambda ctx, param, value: _formats(value),
              help=f"Output format: {', '.join(sorted(FORMATS))} (default text). Repeat as "
                   "FMT:PATH to write more formats to files in the same run "
                   "(-f github -f sarif:checker.sarif).")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default=None,
              help="Lowest severity that makes the exit code 1 (default: config, else error).")
@click.option("--min-severity", type=click.Choice(FAIL_ON[:3]), default=None,
              help="Lowest severity shown (default: config, else info).")
@click.option("--enable", multiple=True, metavar="CODE",
              help="Run only these rules (repeatable; replaces the config's enable).")
@click.option("--disable", multiple=True, metavar="CODE",
              help="Do not run these rules (repeatable; adds to the config's disable).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help="Use this config file instead of searching upward from each article.")
@click.option("--output", "-o", type=click.Path(dir_okay=False),
              help="Write the report to this file (whole or not at all) instead of stdout.")
@click.option("--encoding", help="Encoding of text inputs (default: UTF-8).")
@click.option("--stdin-filename", metavar="PATH",
              help="The file the text piped to - is of (an editor's buffer): reported under "
                   "this name, read as its suffix says, judged by its config and sources.")
@click.option("--drafts-only", is_flag=True,
              help="Check only drafts, files whose front matter or config names a source; "
                   "pass over the others (README.md among staged Markdown files).")
@click.option("--verbose", "-v", is_flag=True, help="List every claim, not only findings.")
@click.option("--color/--no-color", default=None, help="Colour the text output.")
@click.option("--no-cache", is_flag=True,
              help="Fetch URLs afresh instead of revalidating the on-disk cache.")
@click.option("--show-text", is_flag=True,
              help="Print the text read from each article (and --source) that line and "
                   "column refer to, then stop.")
@click.option("--corpus", type=click.Path(file_okay=False),
              help="Find each article's source in this directory of sources (indexed on "
                   "first use, see 'checker index') instead of --source.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=1, show_default=True,
              help="With --corpus: check this many articles at once (process pool), and "
                   "index new sources with as many.")
@click.option("--scheduler", metavar="ADDRESS",
              help="With --corpus: run on this Dask scheduler (needs claim-checker[dask]).")
def check(articles, sources, formats, fail_on, min_severity, enable, disable, config_path, output,
          encoding, stdin_filename, drafts_only, verbose, color, no_cache, show_text, corpus,
          jobs, scheduler) -> None:
    """Check ARTICLES (paths, URLs, globs such as 'drafts/**/*.md', or - for stdin)."""
    from checker.batch import Overrides, run_batch
    from checker.report import render, render_error, reports_errors, write
    from checker.report.text import terminal_options

    overrides = Overrides(sources=sources, config=config_path, fail_on=fail_on,
                          min_severity=min_severity, enable=tuple(c.upper() for c in enable),
                          disable=tuple(c.upper() for c in disable), encoding=encoding,
                          use_cache=not no_cache, stdin_filename=stdin_filename,
                          drafts_only=drafts_only)
    fmt, files = formats
    if output and (not fmt or output in files):
        raise UsageError("-o is for the one -f given without :PATH")
    for path in filter(None, [output, *files]):
        _refuse_inputs(path, articles, sources, config_path)
    if show_text:
        _write(_shown_text(articles, overrides), output)
        return
    try:
        if corpus:
            batch = _corpus_batch(articles, overrides, corpus, jobs, scheduler)
        elif jobs != 1 or scheduler:
            raise UsageError("--jobs and --scheduler go with --corpus")
        else:
            batch = run_batch(articles, overrides)
    except CheckerError as err:  # machine formats still get a machine-readable error
        for path, name in files.items():
            _write(render_error(name, err), path)
        if fmt:
            _write(render_error(fmt, err), output)
        raise
    options = {"verbose": verbose, "fail_on": batch.fail_on()}
    for path, name in files.items():  # files are never coloured or wrapped
        if batch.run.results or reports_errors(name):  # else no report: nothing was checked
            write(batch.run, name, path, color=False, width=None, **options)
    if fmt and (batch.run.results or reports_errors(fmt)):
        shown = terminal_options(None if output else sys.stdout, color)
        if output:  # a format may write several files (html: an index and a page each)
            write(batch.run, fmt, output, **options, **shown)
        else:
            _write(render(batch.run, fmt, **options, **shown), None)
    for failure in batch.run.failures:  # after the report, so none is lost in its output
        click.echo(f"checker: error: {failure.message}", err=True)
    sys.exit(batch.exit_code())


def _formats(values: tuple[str, ...]) -> tuple[str | None, dict[str, str]]:
    """``-f FMT`` (stdout, or ``-o``) and any ``-f FMT:PATH`` (that file): the format for
    stdout (text when no -f is given; none when every -f names its file) and {path: format}."""
    plain, files = [], {}
    for value in values or ("text",):
        name, _, path = value.partition(":")
        if name not in FORMATS:
            raise click.BadParameter(f"{name!r} is not one of {', '.join(sorted(FORMATS))}",
                                     param_hint="'--format'")
        if path:
            files[path] = name
        else:
            plain.append(name)
    if len(plain) > 1:
        raise click.BadParameter("give one format without :PATH (for stdout or -o); "
                                 "name a file for each other", param_hint="'--format'")
    return (plain[0] if plain else None), files


def _refuse_inputs(output, articles, sources, config_path) -> None:
    from checker.batch import expand_arguments
    from checker.config import has_scheme
    from checker.outfile import refuse_inputs

    local, _ = expand_arguments([a for a in articles if a != "-" and not has_scheme(a)])
    refuse_inputs(output, [*local, *(s for s in sources if not has_scheme(s)), *filter(None, [config_path])])


def _corpus_batch(articles, overrides, corpus, jobs, scheduler):
    from checker.corpus.runner import corpus_batch

    if overrides.sources:
        raise UsageError("give either --source or --corpus, not both")
    return corpus_batch(articles, corpus, overrides, jobs=jobs, scheduler=scheduler)


@cli.command()
@click.argument("articles", nargs=-1, required=True)
@click.option("--source", "-s", help="The report every article covers (path or URL).")
@click.option("--corpus", type=click.Path(file_okay=False),
              help="Attribute each article to the report it covers in this directory of "
                   "sources; one map per report.")
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "json", "csv", "html"]),
              default="text", show_default=True, help="Output format.")
@click.option("--output", "-o", type=click.Path(dir_okay=False),
              help="Write the map to this file (whole or not at all) instead of stdout.")
@click.option("--encoding", help="Encoding of text inputs (default: UTF-8).")
@click.option("--color/--no-color", default=None, help="Colour the text output.")
@click.option("--no-cache", is_flag=True, help="Fetch URLs afresh.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=1, show_default=True,
              help="With --corpus: check this many articles at once.")
def compare(articles, source, corpus, fmt, output, encoding, color, no_cache, jobs) -> None:
    """Set ARTICLES covering one report side by side: which of the report's findings each
    carried (confirmed, misreported, not mentioned) and where the outlets disagree."""
    from checker.batch import Overrides
    from checker.outlets.run import compare_in_corpus, compare_with_source
    from checker.report.compare import render, write
    from checker.report.text import terminal_options

    if bool(source) == bool(corpus):
        raise UsageError("give the report with --source, or a directory of reports with --corpus")
    if jobs != 1 and not corpus:
        raise UsageError("--jobs goes with --corpus")
    if output:
        _refuse_inputs(output, articles, (source,) if source else (), None)
    overrides = Overrides(sources=(source,) if source else (), encoding=encoding,
                          use_cache=not no_cache)
    comparison = (compare_with_source(articles, source, overrides) if source
                  else compare_in_corpus(articles, corpus, overrides, jobs=jobs))
    if output:
        write(comparison, fmt, output, color=False)
    else:  # colour and width as for checker check (NO_COLOR, FORCE_COLOR, COLUMNS)
        _write(render(comparison, fmt, **terminal_options(sys.stdout, color)), None)


@cli.command()
@click.argument("directory", type=click.Path(file_okay=False))
@click.option("--beside", is_flag=True,
              help="Keep the index in DIRECTORY/.checker-index instead of the user cache.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=1, show_default=True,
              help="Parse files and read their claims in this many processes.")
def index(directory, beside, jobs) -> None:
    """Index the source documents in DIRECTORY for 'checker check --corpus'.

    Parses each file once and reads its claims (figures, dates) once; run it again after
    the corpus changes and only new or changed files are parsed."""
    from checker.corpus.runner import progress_bar
    from checker.corpus.store import build_index

    with progress_bar("indexing") as advance:
        stats = build_index(directory, beside=beside, jobs=jobs, progress=advance)
    for path, why in stats.skipped:
        click.echo(f"checker: skipped {path}: {why}", err=True)
    click.echo(f"{stats.documents} documents indexed in {stats.store} "
               f"({stats.parsed} parsed, {stats.reused} unchanged, {stats.removed} removed, "
               f"{stats.prepared} with claims read; {stats.seconds:.1f} s)")


def _shown_text(articles, overrides) -> str:
    """The extracted text of each article and source, under a ``==> uri <==`` header when
    there is more than one, exactly as offsets, lines and columns count it."""
    from checker.batch import BatchRunner, expand_articles

    runner = BatchRunner(overrides, checker=object())  # reads inputs only; checks nothing
    documents = [runner.load_article(a)[0] for a in expand_articles(articles)]
    documents += [runner.load_source(s) for s in overrides.sources]
    if len(documents) == 1:
        return documents[0].text
    return "".join(f"==> {d.uri} ({d.role}) <==\n{d.text}" + ("" if d.text.endswith("\n") else "\n")
                   for d in documents)


def _write(text: str | None, output: str | None) -> None:
    from checker.outfile import write_atomic

    if text is None:
        return
    if output:
        write_atomic(output, text)
    else:
        click.echo(text, nl=False, color=True)  # colour was decided with the text: keep it


@cli.command()
@click.argument("codes", nargs=-1, metavar="[CODE]...")
def rules(codes) -> None:
    """List the rules with their codes, severities and examples; with CODEs (or names
    such as figures.count_mismatch), only those."""
    from checker.compare.rules import RULES, RULES_BY_CODE, rule_named

    chosen = [rule_named(code) for code in codes] if codes else list(RULES)
    unknown = [code for code, rule in zip(codes, chosen) if rule is None]
    if unknown:
        raise UsageError(f"unknown rule {unknown[0]!r} (known: {', '.join(RULES_BY_CODE)})")
    for rule in chosen:
        click.echo(f"{rule.code}  {rule.name}  ({rule.severity})\n")
        for line in rule.description().splitlines():
            click.echo(f"    {line}".rstrip())
        click.echo()


def main(argv: list[str] | None = None) -> None:
    """Entry point: turns every :class:`CheckerError` into one line and exit 2."""
    try:
        cli.main(args=argv, prog_name="checker", standalone_mode=False)
    except CheckerError as err:
        click.echo(f"checker: error: {one_line(str(err))}", err=True)
        sys.exit(err.exit_code)
    except click.exceptions.Abort:
        click.echo("checker: aborted", err=True)
        sys.exit(2)
    except click.ClickException as err:
        err.show()
        sys.exit(2)
    except OSError as err:
        click.echo(f"checker: error: {one_line(str(err))}", err=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
