"""Acceptance: the URL + PDF route reads the same content as the plain-text route.

The seed articles are served as news pages (with furniture) and the seed report as a
multi-page PDF over loopback; checking them must find the same must-flag discrepancies
and the same alignments as checking the seed text files, and take no claim from the
page furniture.
"""

from __future__ import annotations

import json
import re

import pytest

from checker.engine import Checker
from checker.ingest.documents import load_document
from checker.textnorm import fold
from newspages import SEED_PAGES, SEEDS, news_page
from reportpdf import REPORT, build_report_pdf

pytestmark = pytest.mark.slow  # spaCy parses the report twice (text and PDF)

GOLD = json.loads((SEEDS / "gold.json").read_text("utf-8"))
ORIGINAL = {d["file"]: d["original"] for d in json.loads(
    (SEEDS / "manifest.json").read_text("utf-8"))["documents"]}


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", fold(text)).strip()


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """A loopback server with the seed pages and the report PDF."""
    from pytest_httpserver import HTTPServer

    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    pdf = build_report_pdf(tmp_path_factory.mktemp("routes") / "somerset.pdf")
    server.expect_request("/reports/somerset.pdf").respond_with_data(
        pdf.read_bytes(), content_type="application/pdf")
    for name in SEED_PAGES:
        page, _, _ = news_page(name, charset="windows-1252" if name == "local" else "utf-8")
        server.expect_request(f"/news/{name}").respond_with_data(
            page.encode("cp1252" if name == "local" else "utf-8"),
            content_type="text/html; charset=" + ("windows-1252" if name == "local" else "utf-8"))
    yield server
    server.clear()
    server.stop()


@pytest.fixture(scope="module")
def routes(served, tmp_path_factory):
    """For each seed page: (plain-text result, URL + PDF result)."""
    checker = Checker()
    out = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CHECKER_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        text_source = load_document(str(REPORT), "source")
        pdf_source = load_document(served.url_for("/reports/somerset.pdf"), "source")
        for name, seed in SEED_PAGES.items():
            plain = checker.check(load_document(str(SEEDS / seed.file), "article"), [text_source])
            web = checker.check(load_document(served.url_for(f"/news/{name}"), "article"),
                                [pdf_source])
            out[name] = (plain, web)
    return out


def flagged_gold(result, seed_file: str, flag: str = "must") -> set[str]:
    """Ids of the gold claims of ``flag`` on which ``result`` reports a finding."""
    doc = next(d for d in GOLD["documents"] if d["article"] == ORIGINAL[seed_file])
    text = squash(result.article.text)
    found = set()
    for claim in (c for c in doc["claims"] if c["flag"] == flag):
        quote = squash(claim["article_quote"])
        for claim_result in result.claims:
            if claim_result.findings and (squash(claim_result.claim.text) in quote
                                          or quote in squash(claim_result.claim.text)):
                found.add(claim["id"])
        assert quote in text  # the gold quote must be in what was read
    return found


def alignments(result) -> dict[tuple[str, str], tuple[str, frozenset[str]]]:
    """(kind, claim text) -> (verdict, texts of the passages tied for best evidence).

    Ties are kept as a set: which of several equally scored passages comes first
    depends on passage order, and the PDF has a few more passages (box titles) than
    the text file, so only the tied set, not its first member, is the alignment.
    """
    source = result.sources[0]
    out = {}
    for claim_result in result.claims:
        evidence = claim_result.alignment.evidence
        top = evidence[0].score if evidence else None
        tied = set()
        for item in (e for e in evidence if e.score == top):
            passage = source.passage(item.passage)
            tied.add(squash(passage.text) if passage else squash(item.text))
        key = (claim_result.claim.kind, squash(claim_result.claim.text))
        out[key] = (claim_result.verdict, frozenset(tied))
    return out


def same_alignment(a, b) -> bool:
    """Same verdict, and the same best passage (a passage both have tied for best)."""
    return b is not None and a[0] == b[0] and (a[1] == b[1] or bool(a[1] & b[1]))


@pytest.mark.parametrize("name", sorted(SEED_PAGES))
def test_same_must_flag_discrepancies(routes, name):
    plain, web = routes[name]
    seed_file = SEED_PAGES[name].file
    assert flagged_gold(web, seed_file) == flagged_gold(plain, seed_file)
    assert web.relation.verdict == plain.relation.verdict


@pytest.mark.parametrize("name", sorted(SEED_PAGES))
def test_same_alignments(routes, name):
    plain, web = routes[name]
    body = squash(web.article.text)
    plain_aligned = {k: v for k, v in alignments(plain).items() if k[1] in body}
    web_aligned = alignments(web)
    differ = {k: (v, web_aligned.get(k)) for k, v in plain_aligned.items()
              if not same_alignment(v, web_aligned.get(k))}
    assert not differ
    assert sum(1 for verdict, tied in plain_aligned.values() if tied) >= 0.5 * len(plain_aligned) \
        or name == "cypnow"  # a different council: nothing of this report to align to


@pytest.mark.parametrize("name", sorted(SEED_PAGES))
def test_no_claim_from_page_furniture(routes, name):
    _, web = routes[name]
    seed_text = squash((SEEDS / SEED_PAGES[name].file).read_text("utf-8"))
    headline = squash(SEED_PAGES[name].headline or "")
    foreign = [c.claim.text for c in web.claims
               if squash(c.claim.text) not in seed_text and squash(c.claim.text) not in headline]
    assert not foreign
