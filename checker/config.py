"""Project configuration: ``[tool.checker]`` in ``pyproject.toml`` or a ``.checker.toml``.

A newsroom keeps one config at the root of its drafts repository, the way Vale keeps
``.vale.ini``: checker looks for it from each checked file's directory upward, so drafts
in different projects can carry different settings in one run.  In one directory
``.checker.toml`` wins over ``pyproject.toml``, and a ``pyproject.toml`` without a
``[tool.checker]`` table is passed over.  Command-line flags win over the file.

Keys (``.checker.toml`` holds them at top level)::

    [tool.checker]
    min_severity = "warning"     # lowest severity shown: info | warning | error
    fail_on = "error"            # lowest severity that fails: info | warning | error | none
    enable = ["NUM01", "QUO01"]  # only these rules (default: all)
    disable = ["ENT01"]          # never these rules

    [tool.checker.sources]       # draft glob (relative to this file) -> source(s)
    "drafts/somerset/**/*.md" = "reports/ofsted-somerset-2015.txt"

    [tool.checker.policy]        # for sources named by drafts and by this table
    allow_urls = false           # may a source be an http(s) URL?
    allow_private = []           # hosts or networks (CIDR) exempt from the public-only rule

A key checker does not know is an error naming the key: a misspelt ``fail-on`` that were
silently ignored would let a failing draft through.
"""

from __future__ import annotations

import ipaddress
import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from wcmatch import glob as wcglob

from checker.errors import ConfigError
from checker.model import SEVERITY_RANK

CONFIG_FILES = (".checker.toml", "pyproject.toml")
SEVERITIES = tuple(SEVERITY_RANK)
FAIL_ON = (*SEVERITIES, "none")
TOP_KEYS = ("min_severity", "fail_on", "enable", "disable", "sources", "policy")
POLICY_KEYS = ("allow_urls", "allow_private")


@dataclass(frozen=True)
class Config:
    """Settings for the drafts under one config file (or the defaults, with no file)."""

    path: Path | None = None
    root: Path = field(default_factory=Path.cwd)
    min_severity: str = "info"
    fail_on: str = "error"
    enable: frozenset[str] | None = None
    disable: frozenset[str] = frozenset()
    sources: tuple[tuple[str, tuple[str, ...]], ...] = ()
    allow_urls: bool = False
    allow_private: tuple[str, ...] = ()

    def rule_enabled(self, code: str) -> bool:
        if code in self.disable:
            return False
        return self.enable is None or code in self.enable

    def shows(self, severity: str) -> bool:
        return SEVERITY_RANK[severity] >= SEVERITY_RANK[self.min_severity]

    def sources_for(self, article: Path) -> tuple[str, ...]:
        """The sources the first matching ``sources`` glob names for ``article``.

        Paths come back absolute (relative to the config file); URLs as written.
        """
        try:
            relative = article.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return ()
        for pattern, locations in self.sources:
            if glob_matches(pattern, relative):
                return tuple(loc if has_scheme(loc) else str(self.root / loc) for loc in locations)
        return ()

    def override(self, **flags: Any) -> "Config":
        """This config with the command-line flags that were given (not None) applied."""
        given = {k: v for k, v in flags.items() if v is not None}
        return replace(self, **given) if given else self


def has_scheme(location: str) -> bool:
    return re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", location) is not None


GLOB_FLAGS = wcglob.GLOBSTAR | wcglob.BRACE


def glob_matches(pattern: str, relative: str) -> bool:
    """Does the ``/``-separated ``relative`` path match ``pattern``, as shells and CI
    tools read globs: ``*`` and ``?`` stay inside one segment, ``**`` spans directories
    (none included), ``{a,b}`` alternatives, ``[a-c]`` ranges and ``[!x]`` negations.
    wcmatch does the matching, so drafts and config globs agree with the expansion of
    command-line arguments (:func:`checker.batch.expand_arguments`)."""
    return wcglob.globmatch(relative, pattern, flags=GLOB_FLAGS)


def find_config(start: Path) -> Path | None:
    """The nearest config file at or above ``start`` (a file's directory, or a directory)."""
    directory = start if start.is_dir() else start.parent
    for folder in (directory.resolve(), *directory.resolve().parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_tool_table(candidate)):
                return candidate
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path}: not valid TOML ({err})") from err
    except (RecursionError, MemoryError) as err:  # 'a = [[[[...' nested thousands deep
        raise ConfigError(f"{path}: nested too deeply to be a checker config") from err
    except UnicodeDecodeError as err:
        raise ConfigError(f"{path}: not UTF-8 text") from err
    except OSError as err:
        raise ConfigError(f"{path}: cannot be read ({err.strerror})") from err


def _has_tool_table(pyproject: Path) -> bool:
    return "checker" in _read_toml(pyproject).get("tool", {})


def load_config(path: Path) -> Config:
    """Read and validate one config file; every mistake is a :class:`ConfigError`."""
    data = _read_toml(path)
    where = str(path)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("checker", {})
        where = f"{path} [tool.checker]"
    return parse_config(data, where, path)


def parse_config(data: dict[str, Any], where: str, path: Path | None = None) -> Config:
    _no_unknown(data, TOP_KEYS, where)
    policy = data.get("policy", {})
    if not isinstance(policy, dict):
        raise ConfigError(f"{where}: 'policy' must be a table")
    _no_unknown(policy, POLICY_KEYS, f"{where} policy")
    root = path.parent.resolve() if path else Path.cwd()
    enable = data.get("enable")
    return Config(
        path=path,
        root=root,
        min_severity=_choice(data, "min_severity", SEVERITIES, "info", where),
        fail_on=_choice(data, "fail_on", FAIL_ON, "error", where),
        enable=None if enable is None else frozenset(_codes(data, "enable", where)),
        disable=frozenset(_codes(data, "disable", where)),
        sources=_sources(data.get("sources", {}), where),
        allow_urls=_bool(policy, "allow_urls", where),
        allow_private=_private(policy.get("allow_private", []), where),
    )


def _no_unknown(table: dict[str, Any], known: tuple[str, ...], where: str) -> None:
    for key in table:
        if key not in known:
            hint = ", ".join(known)
            raise ConfigError(f"{where}: unknown key '{key}' (known keys: {hint})")


def _choice(data: dict[str, Any], key: str, choices: tuple[str, ...], default: str,
            where: str) -> str:
    value = data.get(key, default)
    if value not in choices:
        raise ConfigError(f"{where}: '{key}' is {value!r}; expected one of {', '.join(choices)}")
    return value


def _bool(data: dict[str, Any], key: str, where: str) -> bool:
    value = data.get(key, False)
    if not isinstance(value, bool):
        raise ConfigError(f"{where}: '{key}' must be true or false, not {value!r}")
    return value


def _strings(value: Any, key: str, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ConfigError(f"{where}: '{key}' must be a string or a list of strings")
    return tuple(value)


def _codes(data: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    from checker.compare.rules import RULES_BY_CODE

    codes = tuple(c.upper() for c in _strings(data.get(key, []), key, where))
    for code in codes:
        if code not in RULES_BY_CODE:
            raise ConfigError(f"{where}: '{key}' names unknown rule '{code}' "
                              f"(known: {', '.join(RULES_BY_CODE)})")
    return codes


def _sources(table: Any, where: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: 'sources' must be a table of glob = source(s)")
    return tuple((glob, _strings(value, f"sources.{glob}", where))
                 for glob, value in table.items())


def _private(value: Any, where: str) -> tuple[str, ...]:
    """Hosts, addresses or networks; a network that does not parse is named."""
    entries = _strings(value, "allow_private", where)
    for entry in entries:
        if "/" in entry:
            try:
                ipaddress.ip_network(entry, strict=False)
            except ValueError as err:
                raise ConfigError(f"{where}: 'allow_private' entry {entry!r}: {err}") from err
    return entries


def config_for(article: str, explicit: str | None = None) -> Config:
    """The config that governs ``article`` (a path, or ``-`` / a URL: the working
    directory's); ``explicit`` (``--config``) replaces the search."""
    if explicit is not None:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError(f"{explicit}: no such config file")
        return load_config(path.resolve())
    start = Path(article) if article != "-" and not has_scheme(article) else Path.cwd()
    found = find_config(start)
    return load_config(found) if found else Config()
