"""Markdown drafts read in place: syntax masked with spaces, never removed.

A finding's line and column must point into the file the writer edits, so nothing is
shifted: front matter, HTML comments and Markdown markup (heading hashes, emphasis,
link targets, list and quote markers, code fences) become spaces of the same length,
newlines kept.  ``<!-- checker: ... -->`` suppression comments are left as written, for
:mod:`checker.suppress` reads them from the article text at the same offsets.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

from checker.ingest.frontmatter import mask, sources_named, split_front_matter, strings_of

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_DIRECTIVE = re.compile(r"<!--\s*checker:", re.I)
_FENCE = re.compile(r"^(```|~~~).*?^\1[ \t]*$", re.M | re.S)
_HEADING = re.compile(r"^([ \t]{0,3}#{1,6})([ \t]+)", re.M)
_HEADING_CLOSE = re.compile(r"([ \t]+#+)[ \t]*$", re.M)
_SETEXT = re.compile(r"^[ \t]*(=+|-{2,})[ \t]*$", re.M)
_RULE = re.compile(r"^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$", re.M)
_QUOTE = re.compile(r"^([ \t]*>[ \t]?)+", re.M)
_LIST = re.compile(r"^([ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+)", re.M)
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)|\[([^\]]+)\]\[[^\]]*\]")
_REF_DEF = re.compile(r"^[ \t]{0,3}\[[^\]]+\]:[ \t]*\S+.*$", re.M)
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|~~|`)(?=\S)(.+?)(?<=\S)\1")
_TAG = re.compile(r"</?[A-Za-z][^>\n]*>")


def _blank(match: re.Match[str]) -> str:
    return mask(match.group(0))


def _keep_group(match: re.Match[str], group: int) -> str:
    """Blank the match except the text of ``group``, which stays where it was."""
    start, end = match.span(group)
    whole = match.group(0)
    offset = match.start()
    start, end = start - offset, end - offset
    return mask(whole[:start]) + whole[start:end] + mask(whole[end:])


def _link(match: re.Match[str]) -> str:
    return _keep_group(match, 1 if match.group(1) is not None else 2)


def _comment(match: re.Match[str]) -> str:
    return match.group(0) if _DIRECTIVE.match(match.group(0)) else mask(match.group(0))


def mask_markdown(text: str) -> str:
    """The prose of a Markdown body at the offsets it has in the file."""
    text = _COMMENT.sub(_comment, text)
    text = _FENCE.sub(_blank, text)  # code is not prose a reader checks
    text = _REF_DEF.sub(_blank, text)
    text = _IMAGE.sub(_blank, text)
    text = _LINK.sub(_link, text)
    text = _HEADING.sub(_blank, text)
    text = _HEADING_CLOSE.sub(_blank, text)
    text = _RULE.sub(_blank, text)
    text = _SETEXT.sub(_blank, text)
    text = _QUOTE.sub(_blank, text)
    text = _LIST.sub(_blank, text)
    previous = None
    while previous != text:  # nested emphasis: ***bold italic***
        previous = text
        text = _EMPHASIS.sub(lambda m: _keep_group(m, 2), text)
    return _TAG.sub(_blank, text)


def resolve_source(value: str, draft: str) -> str:
    """A front-matter ``source:`` as a location: URLs as given, paths from the draft's folder."""
    if re.match(r"^https?://", value, re.I):
        return value
    if re.match(r"^https?://", draft, re.I):
        return urljoin(draft, value)
    if draft == "-":
        return value
    return str(Path(draft).parent / value)


def read_markdown(text: str, location: str) -> tuple[str, dict]:
    """(masked text, metadata) of a Markdown draft; ``meta['source']`` resolved."""
    front, body = split_front_matter(text)
    meta: dict = {"format": "markdown"}
    if front:
        meta["front_matter"] = front
        for key in ("title", "date"):
            if isinstance(front.get(key), str):
                meta[key] = front[key]
        for key in ("author", "authors", "byline"):
            names = strings_of(front.get(key))  # a map (Hugo's author: name: ...) is not a byline
            if names:
                meta["byline"] = ", ".join(names)
        names = sources_named(front)
        if names:
            meta["sources"] = [resolve_source(name, location) for name in names]
            meta["source"] = meta["sources"][0]
    return mask_markdown(body), meta
