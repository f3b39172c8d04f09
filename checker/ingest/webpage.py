"""The article on a news page, without the page around it.

trafilatura finds the main text and drops navigation, cookie banners, related and
most-read lists, promos, comments and footers.  Two of its misses are patched here:

- a standfirst set above the article container is dropped, though it is often the
  article's first claim; the page's lede element, or an ``og:description`` that the page
  really shows, is put back in front;
- the date can come from a related-stories list, so htmldate (which reads the page's
  own publication markup first) gives the date.

The text is the headline, then the standfirst, then one paragraph a line: what
``--show-text`` prints and what line and column in findings refer to.
"""

from __future__ import annotations

import re

from checker.errors import EmptyInput, NoTextError

MIN_WORDS = 15  # the shortest news brief is longer; a page's menu alone is not
_LEDE_CLASS = re.compile(
    r"standfirst|lede|lead|intro|dek|summary|subtitle|sub-title|strapline", re.I)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def _visible_text(tree) -> str:
    """The page's body text, without scripts, styles and head."""
    body = tree.find(".//body")
    if body is None:
        return ""
    for bad in body.xpath(".//script|.//style|.//noscript|.//template"):
        bad.drop_tree()
    return _squash(body.text_content())


def _lede_candidates(tree, description: str | None) -> list[str]:
    """Standfirst-like texts near the headline, most trusted first."""
    found = []
    for element in tree.xpath("//body//*[@class]"):
        lede_like = _LEDE_CLASS.search(element.get("class", ""))
        if element.tag in ("p", "div", "h2", "span") and lede_like:
            text = _squash(element.text_content())
            if len(text) > 40:
                found.append(text)
                break
    if description:
        found.append(_squash(description))
    return found


def _standfirst(tree, text: str, description: str | None) -> str | None:
    """A lede the extractor dropped: shown on the page, missing from the text."""
    shown = _visible_text(tree)
    extracted = _squash(text)
    for candidate in _lede_candidates(tree, description):
        if len(candidate) < 40 or candidate in extracted:
            continue
        if candidate.rstrip(".…") in shown:  # only what a reader sees, not a teaser
            return candidate
    return None


def read_webpage(markup: str, location: str) -> tuple[str, dict]:
    """(article text, metadata) of an HTML page; refuses pages with no article text."""
    import lxml.html
    import trafilatura
    from htmldate import find_date

    if not re.sub(r"<[^>]*>|\s+", "", markup):
        raise EmptyInput(f"{location}: the page is empty")
    url = location if location.startswith(("http://", "https://")) else None
    extracted = trafilatura.bare_extraction(markup, url=url, with_metadata=True,
                                            include_comments=False, include_tables=True)
    body = (extracted.text if extracted is not None else "") or ""
    words = len(body.split())
    if words < MIN_WORDS:  # an app shell or an error page: menus are all that is left
        raise NoTextError(f"{location}: no article text found on the page"
                          + (f" (only {words} words)" if words else ""))
    tree = lxml.html.fromstring(markup)
    title = (extracted.title or "").strip()
    description = extracted.description
    try:
        date = find_date(markup, original_date=True, url=url) or extracted.date
    except Exception:  # htmldate is a heuristic; a page it cannot read keeps trafilatura's date
        date = extracted.date
    standfirst = _standfirst(tree, body, description)
    parts = [title] if title and _squash(title) not in _squash(body)[: len(title) + 40] else []
    if standfirst:
        parts.append(standfirst)
    parts.append(body.strip())
    meta = {
        "title": title or None,
        "byline": extracted.author,
        "date": date,
        "standfirst": standfirst or description,
        "publisher": extracted.sitename,
        "url": extracted.url or url,
        "extractor": "trafilatura",
    }
    text = "\n".join(p.replace("\r", "") for p in parts) + "\n"
    return text, {k: v for k, v in meta.items() if v}
