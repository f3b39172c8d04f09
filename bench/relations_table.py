"""Print the article-source relation of every real pair, for diffing before and after a
change to the relation rules.

    python bench/relations_table.py            # wild-dev ... wild-last, wild-next, seeds
    python bench/relations_table.py --cross    # also the 374 cross pairs of tests/test_relations.py
    python bench/relations_table.py --wide     # also every wild-new article against every other
                                               # source, and every other article against wild-new's

One line per pair: corpus, pair, checker's relation, the expected one, "ok" or "WRONG",
and for the wild corpora the errors and warnings that sit outside every marked
discrepancy (the rule of tests/test_wild_pairs.py: a finding is fine only if a marked
`article_text` lies in the sentence of the claim that raised it), with their codes.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

CORPORA = Path(__file__).resolve().parent.parent / "corpora"


def _wild(corpus: str) -> list[str]:
    import checker

    folder = CORPORA / corpus
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    lines = []
    for name in sorted(expected):
        pair = folder / name
        result = checker.check(pair / "article.txt", pair / "source.txt")
        text = (pair / "article.txt").read_text(encoding="utf-8")
        marked = [d["article_text"] for d in expected[name]["discrepancies"]]
        claims = {c.claim.id: c.claim for c in result.claims}
        alarms, inside = [], 0
        for finding in result.findings:
            if finding.severity not in ("error", "warning"):
                continue
            claim = claims[finding.claim_id]
            where = claim.sentence or claim.span
            if any(m in text[where.start:where.end] for m in marked):
                inside += 1
            else:
                alarms.append(finding.code)
        want = expected[name].get("relation", "same_report")
        got = result.relation.verdict
        codes = ",".join(f"{c}x{n}" for c, n in sorted(Counter(alarms).items()))
        lines.append(f"{corpus}\t{name}\t{got}\t{want}\t{'ok' if got == want else 'WRONG'}\t"
                     f"false_alarms={len(alarms)}{' ' + codes if codes else ''}\tin_marked={inside}")
    return lines


def _seeds() -> list[str]:
    import checker

    manifest = json.loads((CORPORA / "seeds" / "manifest.json").read_text(encoding="utf-8"))
    lines = []
    for doc in manifest["documents"]:
        if doc["role"] != "article":
            continue
        result = checker.check(CORPORA / "seeds" / doc["file"], CORPORA / "seeds" / doc["source"])
        got, want = result.relation.verdict, doc["relation"]
        lines.append(f"seeds\t{doc['file']}\t{got}\t{want}\t{'ok' if got == want else 'WRONG'}")
    return lines


def _cross() -> list[str]:
    sys.path.insert(0, str(CORPORA.parent))
    from tests.test_relations import PAIRS, _relation, expected

    lines = []
    for article, source in PAIRS:
        got, want = _relation(article, source)[0].verdict, expected(article, source)
        lines.append(f"cross\t{article} | {source}\t{got}\t{want}\t{'ok' if got == want else 'WRONG'}")
    return lines


# What each wild-new article and source is about (subject, edition), as its README and
# meta.json say; no other corpus shares a subject with wild-new.
WILD_NEW = {
    "cqc-charnwood-2024-bbc": (("charnwood care home", "2024-11"),) * 2,
    "cqc-foresthill-2022-worksopguardian": (("forest hill care home", "2022-02"),) * 2,
    "dfe-exclusions-2016-17-guardian-2015-16article": (("school exclusions", "2015/16"), ("school exclusions", "2016/17")),
    "dfe-exclusions-2016-17-tes": (("school exclusions", "2016/17"),) * 2,
    "hmicfrs-humberside-peel2017-humberpolfed": (("humberside police", "2017"),) * 2,
    "hmip-northumberland-2022-bbc": (("hmp northumberland", "2022"),) * 2,
    "homeoffice-immigration-yejun2024-dailymail": (("immigration statistics", "2024-06"),) * 2,
    "nao-defra-2008-publicfinance": (("defra", "2008-03"),) * 2,
    "nhsd-mha-2015-16-aol": (("mental health act statistics", "2015/16"),) * 2,
    "nhsd-mha-2021-22-chad": (("mental health act statistics", "2021/22"),) * 2,
    "ofsted-williambrookes-feb2017-shropshirestar": (("william brookes school", "2017-02"),) * 2,
    "ofsted-williambrookes-feb2017-shropshirestar-oct2017article": (("william brookes school", "2017-10"),
                                                                     ("william brookes school", "2017-02")),
    "ons-hpi-sep2015-charleslear-aug2015article": (("house price index", "2015-08"), ("house price index", "2015-09")),
    "ons-population-mid2018-dailymail": (("population estimates", "2018"),) * 2,
    "uni-edinburgh-positiveresults-2011-tgdaily": (("edinburgh positive results study", "2011-09"),) * 2,
}


def _wide() -> list[str]:
    """Every wild-new article against every source of the corpora, and every other article
    against every wild-new source: the relation a sub-editor gives, and for a pair about
    another subject or edition that checker takes for the same or an unknown one, the
    errors and warnings it raises."""
    sys.path.insert(0, str(CORPORA.parent))
    from checker.compare.judge import judge
    from checker.compare.parts import ArticleParts
    from checker.compare.relation import relate
    from tests.test_relations import LABELS, _article, _source

    def label(path: str, role: str):
        folder, name = path.split("/")[0], path.split("/")[1]
        if folder == "wild-new":
            return WILD_NEW[name][0 if role == "article" else 1]
        if folder == "wild-more":
            return (f"wild-more {name}", "")  # a subject no wild-new text shares
        return tuple((LABELS["articles"] if role == "article" else LABELS["sources"])[path])

    new = [f"wild-new/{n}" for n in sorted(WILD_NEW)]
    more = sorted(f"wild-more/{p.name}" for p in (CORPORA / "wild-more").iterdir() if p.is_dir())
    sources = ([f"{n}/source.txt" for n in new + more] + sorted(LABELS["sources"]))
    articles = [f"{n}/article.txt" for n in more] + sorted(LABELS["articles"])
    pairs = [(a, s) for a in [f"{n}/article.txt" for n in new] for s in sources
             if a.rsplit("/", 1)[0] != s.rsplit("/", 1)[0]]
    pairs += [(a, f"{n}/source.txt") for a in articles for n in new]
    lines = []
    for article, source in pairs:
        (subject, edition), (source_subject, source_edition) = label(article, "article"), label(source, "source")
        if subject != source_subject:
            want = "different_subject"
        elif edition == source_edition:
            want = "same_report"
        else:
            want = "later_report" if edition > source_edition else "earlier_report"
        relation, chosen = relate(*_article(article), [_source(source)])
        got, alarms = relation.verdict, ""
        if got != want and got in ("same_report", "unknown"):
            doc, claims = _article(article)
            parts = ArticleParts.of(claims)
            codes = [f.code for c in claims for f in judge(c, doc, chosen, relation, parts).findings
                     if f.severity in ("error", "warning")]
            alarms = f"\tfindings={len(codes)} {','.join(sorted(codes))}"
        lines.append(f"wide\t{article} | {source}\t{got}\t{want}\t{'ok' if got == want else 'WRONG'}{alarms}")
    return lines


def main(argv: list[str]) -> None:
    lines = []
    for corpus in ("wild-dev", "wild-more", "wild-new", "wild-holdout", "wild-final", "wild-last", "wild-next"):
        lines += _wild(corpus)
    lines += _seeds()
    if "--cross" in argv:
        lines += _cross()
    if "--wide" in argv:
        lines += _wide()
    for line in lines:
        print(line)
    by_corpus: dict[str, list[int]] = {}
    for line in lines:
        corpus, _, _, _, verdict = line.split("\t")[:5]
        tally = by_corpus.setdefault(corpus, [0, 0, 0])
        tally[0] += verdict == "ok"
        tally[1] += 1
        for key in ("false_alarms=", "findings="):
            if key in line:
                tally[2] += int(line.split(key)[1].split()[0].split("\t")[0])
    for corpus, (right, total, alarms) in by_corpus.items():
        print(f"# {corpus}: relation right {right}/{total}, "
              f"{'errors and warnings on wrongly related pairs' if corpus == 'wide' else 'false alarms'} {alarms}")


if __name__ == "__main__":
    main(sys.argv[1:])
