"""Checking many drafts in one run, each with its own config and its own source.

``checker check 'drafts/**/*.md'`` expands the glob itself (CI steps and pre-commit
pass patterns and file lists alike), finds each draft's config by searching upward from
it, and takes each draft's source from, in order: ``--source`` on the command line, the
draft's front matter (``source:``, relative to the draft), then the config's
``[sources]`` globs.  Sources named by a draft or by the config go through the
:class:`~checker.policy.SourcePolicy` first: in CI both come from the pull request.

After the engine has judged a draft, the config shapes what is reported: disabled rules
are dropped, suppression comments applied, findings below ``min_severity`` hidden.

A draft that cannot be checked (unreadable, its config or front matter broken, its
source missing, refused or never named) becomes an :class:`~checker.model.InputFailure`
on the run, and the batch goes on: one bad draft never hides the findings of the others,
and the run exits 2 at the end.  ``--drafts-only`` passes over files naming no source.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path, PurePath
from urllib.parse import urljoin
from typing import Any

from wcmatch import glob as wcglob

from checker.config import GLOB_FLAGS, Config, config_for, has_scheme
from checker.errors import CheckerError, MissingInput, NoSource, UsageError
from checker.ingest.frontmatter import sources_named
from checker.model import CheckResult, Document, InputFailure, RunResult
from checker.policy import SourcePolicy
from checker.suppress import apply_suppressions
from checker.textnorm import one_line

_GLOB_CHARS = frozenset("*?[{")


@dataclass(frozen=True)
class Overrides:
    """What the command line said; ``None`` (or empty) means 'as the config says'."""

    sources: tuple[str, ...] = ()
    config: str | None = None
    fail_on: str | None = None
    min_severity: str | None = None
    enable: tuple[str, ...] = ()
    disable: tuple[str, ...] = ()
    encoding: str | None = None
    use_cache: bool = True
    stdin_filename: str | None = None  # the file a buffer piped to ``-`` is of
    drafts_only: bool = False  # pass over files that name no source (README.md in a hook)

    def apply(self, config: Config) -> Config:
        """``config`` with the flags applied: ``--enable`` replaces the config's enable
        (and lifts its disable of those codes), ``--disable`` adds to its disable."""
        enable = frozenset(self.enable) if self.enable else None
        disable = (config.disable - (enable or frozenset())) | frozenset(self.disable)
        return config.override(fail_on=self.fail_on, min_severity=self.min_severity,
                               enable=enable, disable=disable)


@dataclass(frozen=True)
class Batch:
    """A run's results, each with the config it was judged under."""

    run: RunResult
    configs: tuple[Config, ...]

    def fail_on(self) -> tuple[str, ...]:
        """Each result's ``fail_on``, for reports that mark failures as the exit code does."""
        return tuple(config.fail_on for config in self.configs)

    def exit_code(self) -> int:
        """2 if any input could not be checked; else 1 if any draft has a finding at or
        above its own ``fail_on``; else 0."""
        if self.run.failures:
            return 2
        return int(any(RunResult((result,)).fails(config.fail_on)
                       for result, config in zip(self.run.results, self.configs)))


def expand_arguments(arguments: tuple[str, ...] | list[str]) -> tuple[list[str], list[InputFailure]]:
    """The drafts the arguments name, and a failure for each argument that names none.

    Files, ``-`` and URLs as given; a folder stands for every file below it in a format
    checker reads (hidden folders and files left out); globs (``**`` and ``{a,b}``
    included) are expanded.  Each file once, in the order first named; a folder's and a
    glob's files sorted.  A glob or folder that holds no file is a failure of that
    argument (a typo in a CI pattern must not pass as 'nothing to check'), and the
    other arguments are still expanded."""
    out: list[str] = []
    failures: list[InputFailure] = []
    seen: set[str] = set()
    for argument in arguments:
        found = _named_files(argument)
        if not found:
            why = "no file in this folder is one checker reads" if Path(argument).is_dir() \
                else "no files match this pattern"
            failures.append(InputFailure(argument, MissingInput.__name__, f"{argument}: {why}"))
        for location in found:
            local = location != "-" and not has_scheme(location)
            key = str(Path(location).resolve()) if local else location
            if key not in seen:
                seen.add(key)
                out.append(location)
    return out, failures


def expand_articles(arguments: tuple[str, ...] | list[str]) -> list[str]:
    """As :func:`expand_arguments`, for callers that stop at the first argument naming
    no file (``--show-text``)."""
    found, failures = expand_arguments(arguments)
    if failures:
        raise MissingInput(failures[0].message)
    return found


def _named_files(argument: str) -> list[str]:
    from checker.ingest.documents import SUPPORTED_SUFFIXES

    if argument == "-" or has_scheme(argument):
        return [argument]
    path = Path(argument)
    if path.is_dir():
        below = (p for p in path.rglob("*") if p.is_file()
                 and p.suffix.lower() in SUPPORTED_SUFFIXES
                 and not any(part.startswith(".") for part in p.relative_to(path).parts))
        return sorted(p.as_posix() for p in below)
    if path.exists() or not _GLOB_CHARS & set(argument):
        return [argument]
    return sorted(m for m in wcglob.glob(argument, flags=GLOB_FLAGS) if Path(m).is_file())


def input_failure(location: str, error: CheckerError) -> InputFailure:
    """``error`` as the failure of the draft at ``location``, its message naming it."""
    message = str(error)
    if not message.startswith(f"{location}:"):
        message = f"{location}: {message}"
    return InputFailure(location, type(error).__name__, one_line(message))


def repository_root(start: Path) -> Path | None:
    """The nearest directory at or above ``start`` holding ``.git`` (dir or worktree file)."""
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return None


def display_path(path: Path) -> str:
    """Relative to the working directory when inside it, as reports should show it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


class BatchRunner:
    """Loads drafts and sources once each, and runs the engine over a batch of drafts."""

    def __init__(self, overrides: Overrides, checker: Any = None) -> None:
        from checker.engine import default_checker

        self.overrides = overrides
        self.checker = checker or default_checker()
        self._sources: dict[str, Document] = {}
        self._configs: dict[Path, Config] = {}
        self._url_policies: dict[str, tuple[SourcePolicy, str]] = {}

    def run(self, arguments: tuple[str, ...] | list[str]) -> Batch:
        from checker.compare.rules import RULES_BY_CODE

        for code in (*self.overrides.enable, *self.overrides.disable):
            if code not in RULES_BY_CODE:
                raise UsageError(f"unknown rule code {code!r} (known: {', '.join(RULES_BY_CODE)})")
        if self.overrides.stdin_filename and "-" not in arguments:
            raise UsageError("--stdin-filename names the file read from standard input: "
                             "give - as the article")
        results, configs = [], []
        locations, failures = expand_arguments(arguments)
        for location in locations:
            try:
                result, config = self.check_one(location)
            except CheckerError as err:  # this draft's failure; the others are still checked
                if isinstance(err, NoSource) and self.overrides.drafts_only:
                    continue  # not a draft: no front matter or config names its source
                failures.append(input_failure(self.named(location), err))
                continue
            results.append(result)
            configs.append(config)
        return Batch(RunResult(tuple(results), tuple(failures)), tuple(configs))

    def check_one(self, location: str) -> tuple[CheckResult, Config]:
        """One draft judged under its config, against its sources."""
        config = self.overrides.apply(self.config(location))
        article, front_matter = self.load_article(location)
        sources = [self.load_source(s) for s in self.sources_for(location, front_matter, config)]
        return shape(self.checker.check(article, sources), config), config

    def named(self, location: str) -> str:
        """The file a location stands for: ``-`` is the ``--stdin-filename`` when given."""
        if location == "-" and self.overrides.stdin_filename:
            return self.overrides.stdin_filename
        return location

    def config(self, location: str) -> Config:
        location = self.named(location)
        key = Path(location).resolve().parent if location != "-" and not has_scheme(location) \
            else Path.cwd()
        if key not in self._configs:
            self._configs[key] = config_for(location, self.overrides.config)
        return self._configs[key]

    def load_article(self, location: str) -> tuple[Document, dict]:
        """The draft as a Document with its front matter blanked, and that front matter."""
        from checker.ingest.documents import document_from_text, load_document
        from checker.ingest.frontmatter import split_front_matter

        document = load_document(location, "article", self.overrides.encoding,
                                 use_cache=self.overrides.use_cache,
                                 stdin_name=self.overrides.stdin_filename)
        if "front_matter" in document.meta:  # a Markdown draft: its reader split it off
            return document, dict(document.meta["front_matter"])
        front_matter, body = split_front_matter(document.text)  # plain text, stdin
        if front_matter:
            meta = {**document.meta, "front_matter": front_matter}
            return document_from_text(body, document.uri, "article", meta), front_matter
        return document, {}

    def sources_for(self, location: str, front_matter: dict, config: Config) -> list[str]:
        """Source locations for one draft: command line, else front matter, else config;
        the last two only as the source policy allows."""
        if self.overrides.sources:
            return list(self.overrides.sources)
        location = self.named(location)
        named_by = location if location != "-" else "<stdin>"
        draft_dir = Path.cwd() if location == "-" or has_scheme(location) \
            else Path(location).resolve().parent
        policy = SourcePolicy(root=repository_root(draft_dir) or config.root,
                              allow_urls=config.allow_urls, allow_private=config.allow_private)
        in_front_matter = wanted = sources_named(front_matter)
        if in_front_matter:
            base, by = draft_dir, f"{named_by} (front matter)"
        else:
            local = location != "-" and not has_scheme(location)
            wanted = list(config.sources_for(Path(location))) if local else []
            base, by = config.root, f"{named_by} ({config.path} sources)"
        if not wanted:
            raise NoSource(f"{named_by}: no source: pass --source, name it as 'source:' in "
                             "the draft's front matter, or map the draft under "
                             "[tool.checker.sources]")
        located = []
        for name in wanted:
            if in_front_matter and has_scheme(location) and not has_scheme(name):
                name = urljoin(location, name)  # a draft read from a URL names sources beside it
            if has_scheme(name):
                self._url_policies[policy.check_url(name, by)] = (policy, by)
                located.append(name)
            else:
                located.append(display_path(policy.check_path(name, base, by)))
        return located

    def load_source(self, location: str) -> Document:
        """Each source read and prepared once a run, with a status line on a terminal
        meanwhile ("Reading report.pdf: 50 pages"): a long PDF takes seconds."""
        from checker.ingest.documents import load_document
        from checker.status import size_of, status

        if location not in self._sources:
            guard = None
            if location in self._url_policies:  # every request, redirects included, must pass
                policy, named_by = self._url_policies[location]
                guard = lambda url: policy.check_url(url, named_by)  # noqa: E731
            name = PurePath(location).name or location
            with status(f"Reading {name}") as update:
                document = load_document(location, "source", self.overrides.encoding,
                                         use_cache=self.overrides.use_cache, guard=guard)
                if guard:  # a cached copy made no request: where it ended must pass too
                    guard(document.meta.get("final_url") or location)
                update(f"Reading {name}: {size_of(document)}")
                self.checker.prepare(document)
            self._sources[location] = document
        return self._sources[location]


def shape(result: CheckResult, config: Config) -> CheckResult:
    """What the config lets through: enabled rules, suppressions applied, findings at or
    above ``min_severity`` (suppressed ones too, so they stay counted)."""
    result = _keep(result, lambda f: config.rule_enabled(f.code))
    result = apply_suppressions(result)
    return _keep(result, lambda f: config.rule_enabled(f.code) and config.shows(f.severity))


def _keep(result: CheckResult, wanted) -> CheckResult:
    claims = tuple(replace(c, findings=tuple(f for f in c.findings if wanted(f)))
                   for c in result.claims)
    return replace(result, claims=claims)


def run_batch(arguments: tuple[str, ...] | list[str], overrides: Overrides,
              checker: Any = None) -> Batch:
    return BatchRunner(overrides, checker).run(arguments)
