"""News pages built around the seed articles, with the furniture real sites put around
them: navigation, a cookie banner, related links with their own figures, a subscription
box with prices, a reader comment and a footer.  Used by the ingest tests to serve over
loopback; nothing here is read by checker itself.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "corpora" / "seeds"

# Page furniture that carries figures and quotations of its own, so a leak would show up
# as a claim.  Every string here must stay out of the extracted article text.
FURNITURE = {
    "nav": ["Home", "News", "Sport", "Somerset", "Education", "Politics", "Weather"],
    "cookie": "We use cookies to give you the best experience. By clicking “Accept all” you "
              "agree to 12 partners storing cookies on your device for 30 days.",
    "related": ["Council tax in Somerset to rise by 4.99% next year",
                "Seven children's homes closed in 2014, council admits",
                "Ofsted rates 3 Taunton schools 'outstanding'"],
    "most_read": ["Man fined £250 for dropping litter on the Quantocks",
                  "Bridgwater carnival draws 150,000 visitors"],
    "promo": "Subscribe today: unlimited access for just £1.99 a week, first 4 weeks free.",
    "comment": "I have lived in Somerset for 40 years and we have had 11 directors in 15 "
               "years. Nobody is ever held to account. — posted by TauntonDad",
    "footer": "© 2015 Somerset News Group Ltd. Registered in England No. 1234567. "
              "All rights reserved.",
}


@dataclass(frozen=True)
class Seed:
    file: str
    published: str  # ISO date for the <time> element
    byline: str = ""
    # the first line of the seed's own trailing furniture (scraped with the article)
    tail_from: str | None = None
    standfirst_outside: bool = False  # put the lede outside the <article>, as some sites do
    headline: str | None = None  # when the seed text starts with its lede, not a headline


SEED_PAGES = {
    "bbc": Seed("bbc-2015-03-27-somerset-still-inadequate.txt", "2015-03-27",
                tail_from="- Published26 November 2014"),
    "local": Seed("local-news-2015-03-27-somerset-branded-inadequate.txt", "2015-03-27",
                  byline="Local Reporter", standfirst_outside=True,
                  headline="Children's services run by Somerset County Council branded "
                           "'inadequate' by Ofsted"),
    "cypnow": Seed("cypnow-2017-01-24-worcestershire-inadequate.txt", "2017-01-24",
                   byline="Joe Lepper", tail_from="CYP Now Digital membership"),
}


def seed_parts(seed: Seed) -> tuple[str, list[str], list[str]]:
    """Headline, body paragraphs, and the seed's own trailing furniture lines."""
    lines = [line.strip() for line in (SEEDS / seed.file).read_text("utf-8").split("\n")]
    lines = [line for line in lines if line]
    headline, rest = (seed.headline, lines) if seed.headline else (lines[0], lines[1:])
    tail: list[str] = []
    if seed.tail_from and seed.tail_from in rest:
        cut = rest.index(seed.tail_from)
        rest, tail = rest[:cut], rest[cut:]
    if seed.file.startswith("bbc"):  # "- Published" is the BBC's timestamp line, not text
        rest = [line for line in rest if line != "- Published"]
    if seed.file.startswith("cypnow"):  # byline and date lines become page metadata
        rest = [line for line in rest if line not in ("Joe Lepper", "Tuesday, January 24, 2017")]
    return headline, rest, tail


def _paragraph(line: str, last: bool) -> str:
    text = html.escape(line, quote=False)
    if line.startswith(("•", "- ")):
        return f"<li>{html.escape(line.lstrip('•- ').strip(), quote=False)}</li>"
    if len(line) < 40 and not line.endswith(".") and not last:  # a crosshead
        return f"<h2>{text}</h2>"
    return f"<p>{text}</p>"


def _body_html(paragraphs: list[str]) -> str:
    out, in_list = [], False
    for number, line in enumerate(paragraphs, 1):
        block = _paragraph(line, number == len(paragraphs))
        if block.startswith("<li>") and not in_list:
            out.append("<ul>")
            in_list = True
        elif not block.startswith("<li>") and in_list:
            out.append("</ul>")
            in_list = False
        out.append(block)
    if in_list:
        out.append("</ul>")
    return "\n".join(out)


def news_page(name: str, charset: str = "utf-8") -> tuple[str, str, list[str]]:
    """(HTML page, headline, body paragraphs) for one seed article."""
    seed = SEED_PAGES[name]
    headline, body, tail = seed_parts(seed)
    standfirst = ""
    if seed.standfirst_outside:
        standfirst, body = body[0], body[1:]
    esc = lambda s: html.escape(s, quote=True)  # noqa: E731
    nav = "".join(f'<li><a href="/{n.lower()}">{n}</a></li>' for n in FURNITURE["nav"])
    related = "".join(f'<li><a href="/news/{i}">{esc(t)}</a></li>'
                      for i, t in enumerate(FURNITURE["related"] + tail))
    most_read = "".join(f'<li><a href="/read/{i}">{esc(t)}</a></li>'
                        for i, t in enumerate(FURNITURE["most_read"]))
    description = esc(standfirst or body[0])
    byline = (f'<p class="byline">By <a rel="author" href="/staff">{esc(seed.byline)}</a></p>'
              if seed.byline else "")
    page = f"""<!DOCTYPE html>
<html lang="en-GB"><head>
<meta charset="{charset}">
<title>{esc(headline)} - Somerset News</title>
<meta property="og:title" content="{esc(headline)}">
<meta property="og:description" content="{description}">
<meta name="author" content="{esc(seed.byline)}">
<meta property="article:published_time" content="{seed.published}T08:00:00+00:00">
</head><body>
<div id="cookie-banner" class="cookie-consent"><p>{esc(FURNITURE['cookie'])}</p>
<button>Accept all</button><button>Reject</button></div>
<header><nav class="site-nav"><ul>{nav}</ul></nav></header>
<main>
<div class="headline-block"><h1>{esc(headline)}</h1>
{f'<p class="standfirst">{esc(standfirst)}</p>' if standfirst else ''}
</div>
<article class="story">
{byline}
<p class="dateline"><time datetime="{seed.published}T08:00:00Z">{seed.published}</time></p>
<div class="story-body">
{_body_html(body)}
</div>
</article>
<aside class="related"><h3>Related stories</h3><ul>{related}</ul></aside>
<aside class="most-read"><h3>Most read</h3><ol>{most_read}</ol></aside>
<div class="subscribe-promo"><h3>Support local journalism</h3><p>{esc(FURNITURE['promo'])}</p>
<a class="button" href="/subscribe">Subscribe</a></div>
<section id="comments" class="comments"><h3>Comments (1)</h3>
<div class="comment"><p>{esc(FURNITURE['comment'])}</p></div></section>
</main>
<footer class="site-footer"><p>{esc(FURNITURE['footer'])}</p>
<ul><li><a href="/privacy">Privacy</a></li><li><a href="/terms">Terms</a></li></ul></footer>
</body></html>"""
    paragraphs = ([standfirst] if standfirst else []) + [b.lstrip("•- ").strip() for b in body]
    return page, headline, paragraphs
