"""The project's own evaluation against the hand-checked seed gold (``make eval``).

Each gold claim is located in its article by its exact text; each of checker's claims is
mapped to the gold claim it overlaps most (same kind preferred).  Then:

* must-flag recall: gold ``must`` claims that got a finding, with the messages;
* false alarms: findings on claims the gold marks ``none``;
* precision and recall per claim kind and per finding code;
* alignment: gold claims with evidence whose mapped claims cite a passage containing it;
* false support: gold claims the source does not hold (``not_in_source``) that checker
  calls ``supported``: a citation that vouches for what the report never says;
* relation accuracy, and claims taken from page furniture (boilerplate).

Gold evidence is compared after NFKC, quote and white-space folding and lower-casing, as
the gold's ``about`` says; table cells also match with their separators removed.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from checker.model import CheckResult, ClaimResult, Span
from checker.textnorm import fold, fold_keep_offsets

SEEDS = Path(__file__).resolve().parent.parent / "corpora" / "seeds"
RELATION_ALIASES = {"different_authority": "different_subject"}
GATES = {"must_recall": 1.0, "false_alarms": 0, "alignment": 0.9, "relations": 1.0,
         "boilerplate": 0, "false_support": 0}


@dataclass
class Scores:
    must: list[tuple[str, bool, list[str]]] = field(default_factory=list)
    false_alarms: list[tuple[str, str]] = field(default_factory=list)
    may_flagged: list[str] = field(default_factory=list)
    unlabelled: list[str] = field(default_factory=list)
    aligned: list[tuple[str, bool]] = field(default_factory=list)
    relations: list[tuple[str, str, str]] = field(default_factory=list)
    boilerplate: list[str] = field(default_factory=list)
    verdicts: list[tuple[str, str, str]] = field(default_factory=list)
    false_support: list[str] = field(default_factory=list)
    by_kind: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    by_code: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))

    def failed_gates(self) -> list[str]:
        """The gates not held: floors for the shares, ceilings for the counts."""
        figures = self.figures()
        floors = ("must_recall", "alignment", "relations")
        return [k for k, v in GATES.items() if (figures[k] < v if k in floors else figures[k] > v)]

    def figures(self) -> dict[str, float]:
        def share(pairs) -> float:
            return sum(1 for p in pairs if p[1]) / len(pairs) if pairs else 1.0

        return {
            "must_recall": share(self.must),
            "false_alarms": len(self.false_alarms),
            "alignment": share(self.aligned),
            "relations": sum(1 for _, g, m in self.relations if g == m) / max(1, len(self.relations)),
            "boilerplate": len(self.boilerplate),
            "false_support": len(self.false_support),
        }


def _norm(text: str) -> str:
    return fold(text)


def _contains(haystack: str, needle: str) -> bool:
    if _norm(needle) in _norm(haystack):
        return True
    squash = lambda t: " ".join(re.sub(r"[^a-z0-9]+", " ", _norm(t)).split())  # noqa: E731
    return squash(needle) in squash(haystack)


def _locate(text: str, quote: str) -> Span | None:
    at = text.find(quote)
    if at < 0:
        at = fold_keep_offsets(text).find(fold_keep_offsets(quote))
        if at < 0:
            return None
    return Span(at, at + len(quote))


def _map_claims(result: CheckResult, gold_claims: list[dict]) -> dict[int, list[ClaimResult]]:
    """gold index -> checker claims mapped to it (most overlap, same kind first)."""
    spans = [_locate(result.article.text, g["article_quote"]) for g in gold_claims]
    mapped: dict[int, list[ClaimResult]] = defaultdict(list)
    for claim_result in result.claims:
        span = claim_result.claim.span
        best, best_key = None, None
        for i, (gold, gold_span) in enumerate(zip(gold_claims, spans)):
            if gold_span is None or not gold_span.overlaps(span):
                continue
            overlap = min(span.end, gold_span.end) - max(span.start, gold_span.start)
            key = (gold["kind"] == claim_result.claim.kind, overlap / max(len(gold_span), 1))
            if best_key is None or key > best_key:
                best, best_key = i, key
        if best is not None:
            mapped[best].append(claim_result)
        for i, (gold, gold_span) in enumerate(zip(gold_claims, spans)):
            if (i != best and gold_span is not None and gold["kind"] == claim_result.claim.kind
                    and span.contains(gold_span)):
                mapped[i].append(claim_result)  # a sentence claim covers each of its parts
    return mapped


def _evidence_texts(claim_result: ClaimResult, result: CheckResult) -> list[str]:
    texts = []
    for evidence in claim_result.alignment.evidence:
        passage = next((p for s in result.sources for p in s.passages if p.id == evidence.passage), None)
        texts.append(passage.text if passage else evidence.text)
    return texts


def score_document(result: CheckResult, gold_doc: dict, scores: Scores) -> None:
    name = gold_doc["article"]
    gold_relation = RELATION_ALIASES.get(gold_doc["relation"], gold_doc["relation"])
    scores.relations.append((name, gold_relation, result.relation.verdict))
    claims = gold_doc["claims"]
    mapped = _map_claims(result, claims)
    mapped_ids = {id(c) for cs in mapped.values() for c in cs}
    for i, gold in enumerate(claims):
        ours = mapped.get(i, [])
        # an info note ('the source does not give 500 residents') flags nothing: it says
        # what the verdict says, and no CI run fails on it
        findings = [f for c in ours for f in c.findings if not f.suppressed and f.severity != "info"]
        flagged = bool(findings)
        kind = gold["kind"]
        if gold["flag"] in ("must", "may"):
            scores.by_kind[kind]["flaggable"] += 1
            scores.by_kind[kind]["flagged"] += flagged
        for finding in findings:
            scores.by_code[finding.code]["findings"] += 1
            scores.by_code[finding.code]["right"] += gold["flag"] in ("must", "may")
        if gold["flag"] == "must":
            scores.must.append((gold["id"], flagged, [f.message for f in findings]))
        elif gold["flag"] == "may" and flagged:
            scores.may_flagged.append(f"{gold['id']}: {findings[0].message}")
        elif gold["flag"] == "none":
            scores.false_alarms.extend((gold["id"], f.message) for f in findings)
        best_verdict = ours[0].verdict if ours else "missing"
        same_kind = [c for c in ours if c.claim.kind == kind]
        if same_kind:
            best_verdict = same_kind[0].verdict
        scores.verdicts.append((gold["id"], gold["verdict"], best_verdict))
        if gold["verdict"] == "not_in_source" and best_verdict == "supported":
            scores.false_support.append(gold["id"])
        if gold["evidence"] and gold["verdict"] in ("supported", "contradicted"):
            ok = any(_contains(text, ev) for c in ours for text in _evidence_texts(c, result)
                     for ev in gold["evidence"])
            scores.aligned.append((gold["id"], ok))
    for claim_result in result.claims:
        if id(claim_result) not in mapped_ids:
            for finding in claim_result.findings:
                scores.unlabelled.append(f"{name} {claim_result.claim.text[:50]!r}: {finding.code} {finding.message}")
    for snippet in gold_doc.get("boilerplate", []):
        span = _locate(result.article.text, snippet)
        if span and any(c.claim.span.overlaps(span) for c in result.claims):
            scores.boilerplate.append(f"{name}: {snippet}")


def evaluate(seeds: Path = SEEDS) -> Scores:
    from checker.engine import Checker
    from checker.ingest.documents import load_document

    manifest = json.loads((seeds / "manifest.json").read_text(encoding="utf-8"))
    gold = json.loads((seeds / "gold.json").read_text(encoding="utf-8"))
    files = {d["original"]: seeds / d["file"] for d in manifest["documents"]}
    checker = Checker()
    report = load_document(str(files[gold["report"]]), "source")
    scores = Scores()
    for gold_doc in gold["documents"]:
        article = load_document(str(files[gold_doc["article"]]), "article")
        score_document(checker.check(article, [report]), gold_doc, scores)
    return scores


def render(scores: Scores) -> str:
    figures = scores.figures()
    lines = ["checker evaluation on the seed gold (corpora/seeds/gold.json)", ""]
    must_hit = sum(1 for _, ok, _ in scores.must if ok)
    lines.append(f"must-flag recall     {must_hit}/{len(scores.must)}")
    for gid, ok, messages in scores.must:
        lines.append(f"  {gid} {'flagged' if ok else 'MISSED'}: {messages[0] if messages else ''}")
    lines.append(f"false alarms         {len(scores.false_alarms)} (findings on flag-none claims)")
    for gid, message in scores.false_alarms:
        lines.append(f"  {gid}: {message}")
    lines.append(f"may-flag reported    {len(scores.may_flagged)}")
    for line in scores.may_flagged:
        lines.append(f"  {line}")
    aligned = sum(1 for _, ok in scores.aligned if ok)
    lines.append(f"alignment            {aligned}/{len(scores.aligned)} = {figures['alignment']:.0%}"
                 + "  missed: " + ", ".join(g for g, ok in scores.aligned if not ok))
    right = sum(1 for _, g, m in scores.relations if g == m)
    lines.append(f"relations            {right}/{len(scores.relations)}  "
                 + ", ".join(f"{a}: {m}" + ("" if g == m else f" (gold {g})") for a, g, m in scores.relations))
    not_held = sum(1 for _, g, _ in scores.verdicts if g == "not_in_source")
    lines.append(f"false support        {len(scores.false_support)} of the {not_held} claims the source does not hold"
                 + (": " + ", ".join(scores.false_support) if scores.false_support else ""))
    lines.append(f"boilerplate claims   {len(scores.boilerplate)}")
    for line in scores.boilerplate:
        lines.append(f"  {line}")
    verdict_right = sum(1 for _, g, m in scores.verdicts if g == m)
    lines.append(f"verdict agreement    {verdict_right}/{len(scores.verdicts)}  (informational)  differ: "
                 + ", ".join(f"{g_id} {g}->{m}" for g_id, g, m in scores.verdicts if g != m))
    lines.append("")
    lines.append("per claim kind       flagged/flaggable (must+may)")
    for kind, counts in sorted(scores.by_kind.items()):
        lines.append(f"  {kind:10} recall {counts['flagged']}/{counts['flaggable']}")
    lines.append("per finding code     precision on labelled claims (right = must/may)")
    for code, counts in sorted(scores.by_code.items()):
        lines.append(f"  {code:10} {counts['right']}/{counts['findings']}")
    lines.append(f"findings on claims the gold does not list: {len(scores.unlabelled)}")
    for line in scores.unlabelled:
        lines.append(f"  {line}")
    failed = scores.failed_gates()
    lines.append("")
    lines.append("gates: " + ("all pass" if not failed else "FAILED " + ", ".join(failed)))
    return "\n".join(lines) + "\n"


def main() -> None:
    scores = evaluate()
    sys.stdout.write(render(scores))
    sys.exit(1 if scores.failed_gates() else 0)


if __name__ == "__main__":
    main()
