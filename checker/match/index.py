"""A prepared source: its passages folded, indexed for retrieval, and read for figures
and dates, once.  Alignment runs as a cascade, cheapest first, and records which stage
answered (trafilatura's extraction fallbacks are the model):

1. ``exact``  the claim's words, folded, stand in a passage;
2. ``fuzzy``  a quotation nearly stands in a passage (rapidfuzz, length-weighted, so a
   short heading cannot win by being contained in the query);
3. ``bm25``   ranked retrieval (bm25s), re-scored by how much of the claim's weighted
   vocabulary the passage covers;
4. ``adjacent`` where no passage reaches the floor alone, two neighbouring passages (two
   sentences of one account, a heading and its paragraph, a table row and its header)
   that reach a higher floor together: a reader finds the claim there, told in two;
5. ``near``   where neither does, the passage of the whole source whose words and whose
   neighbourhood (two passages either side) tell most of the claim: where a reader would
   look for it.  It is cited, never taken as support: :attr:`Alignment.held` is empty.

Below the last floor, a claim aligns to nothing; and support is only ever decided on what
the first four stages cite, so a claim the source does not contain is never "supported"
by a passage that is merely the nearest.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from functools import cached_property

from checker.ingest.completeness import stops_mid_sentence
from checker.ingest.documents import content_id
from checker.match.families import held, mates
from checker.model import Alignment, Claim, Document, Evidence, Passage, Span
from checker.sentences import split_sentences
from checker.textnorm import fold, stem_set, stems, words

ALIGN_FLOOR = 0.3
PAIR_FLOOR = 0.35  # two passages together must account for more than one alone
CHUNK_FLOOR = 0.75  # a clause must be nearly all there to count on its own
MIN_GAIN = 0.05  # share of a sentence's weight a further cited passage must account for
TOP_K = 10
REGION = 2  # passages either side that make a passage's neighbourhood
REGION_WEIGHT = 0.5  # what the neighbourhood's share counts beside the passage's own
CLAUSE_WEIGHT = 0.2  # and the share of the claim's best-told clause
NEAR_FLOOR = 0.3  # the nearest passage's combined share, below which nothing is cited
MAX_EVIDENCE = 3
MAX_EVIDENCE_PIECES = 5  # a long sentence drawing on several passages may cite more


# Words that frame a claim as reported ("the report does praise", "Ofsted say") rather
# than carry what the source says; a passage need not contain them to be the source.
FRAME = frozenset(stems(
    "report reports ofsted inspector inspectors say says said find found praise praises "
    "criticise criticises criticised highlight highlighted identify identified describe "
    "described note noted state stated conclude concluded according does did also"))


def query_stems(text: str) -> list[str]:
    return [s for s in stems(text) if s not in FRAME]


_CLAUSE = re.compile(r"\s*(?:[,;:()]|\s-\s|\b(?:including|but|while|although|whereas|because|and that|who|which)\b)\s*")
WINDOW, STRIDE = 8, 4


def clauses(text: str) -> tuple[str, ...]:
    """A long sentence's pieces, each looked up on its own, since one sentence often
    draws on several passages: its clauses of four or more words, and overlapping
    windows of eight words for clauses the punctuation does not mark."""
    parts = [p for p in _CLAUSE.split(text) if p and len(p.split()) >= 4]
    tokens = text.split()
    if len(tokens) > 12:
        parts += [" ".join(tokens[i:i + WINDOW]) for i in range(0, len(tokens) - STRIDE, STRIDE)]
    return tuple(dict.fromkeys(parts)) if len(parts) > 1 else ()


class SourceIndex:
    """Everything alignment and comparison need to know about one source document."""

    def __init__(self, document: Document) -> None:
        import bm25s

        self.document = document
        self.incomplete = stops_mid_sentence(document.text)  # what it lacks may be in the rest
        self.passages = [p for p in document.passages if p.text.strip()]
        self.folded = [fold(p.text) for p in self.passages]
        self.stems = [stems(p.text) for p in self.passages]
        self.joined = "\n".join(self.folded)
        self._starts: list[int] = []
        pos = 0
        for text in self.folded:
            self._starts.append(pos)
            pos += len(text) + 1
        self.df = Counter(s for doc in self.stems for s in set(doc))
        self.retriever = bm25s.BM25()
        self.retriever.index([doc or ["_"] for doc in self.stems], show_progress=False)
        self._vocab = {s: i for i, s in enumerate(sorted(self.df))}
        self._aligned: dict[tuple[str, tuple[str, ...]], tuple[tuple[Evidence, ...], str]] = {}
        self._queries: dict[str, tuple[frozenset[str], float]] = {}
        self._retrieved: dict[tuple[str, int], tuple[int, ...]] = {}
        n = len(self.passages)
        self._idf = {s: math.log(1 + (n - d + 0.5) / (d + 0.5)) for s, d in self.df.items()}

    @classmethod
    def of_sentences(cls, sentences: list[str], uri: str = "sentences") -> SourceIndex:
        """A source made of given sentences, one passage each (ids ``s0``, ``s1`` ...):
        how labelled alignment data (WiCE's page sentences) and tests are indexed."""
        passages, pos = [], 0
        for i, text in enumerate(sentences):
            passages.append(Passage(id=f"s{i}", index=i, span=Span(pos, pos + len(text)), text=text))
            pos += len(text) + 1
        text = "\n".join(sentences)
        return cls(Document(id=content_id(text), uri=uri, role="source", text=text, passages=tuple(passages)))

    def warm(self) -> None:
        """Read everything a check may need now (the figures and dates need spaCy), so
        that a stored preparation is complete."""
        _ = self.quantities, self.dates, self.bigrams, self.vocabulary

    def restore_readings(self, quantities: dict[int, list], dates: list[tuple[str, str, str]]) -> None:
        """Take the figures and dates a stored preparation of this document read
        (:mod:`checker.prepared`), instead of running spaCy over it again."""
        self.__dict__.update(quantities=quantities, dates=dates)  # the cached properties' values

    # -- shared lookups ------------------------------------------------------------
    @property
    def title(self) -> str:
        """The source's first passage: its title, which names what every figure under it
        measures ("Consumer price inflation, UK: March 2022")."""
        return self.passages[0].text if self.passages else ""


    def idf(self, stem: str) -> float:
        known = self._idf.get(stem)
        if known is not None:
            return known
        n = len(self.passages)
        return math.log(1 + (n + 0.5) / 0.5)

    def weight(self, stems_: set[str] | frozenset[str]) -> float:
        """Summed IDF of a set of stems; math.fsum, so the result does not depend on the
        set's iteration order (which changes with Python's hash seed)."""
        return math.fsum(self.idf(s) for s in stems_)

    def share(self, wanted: set[str] | frozenset[str], have: set[str] | frozenset[str]) -> float:
        """IDF-weighted share of ``wanted`` that ``have`` holds (0 for nothing wanted):
        the one measure behind coverage, joint coverage and figure-context similarity."""
        total = self.weight(wanted)
        return self.weight(held(wanted, have)) / total if total else 0.0

    def passage_at(self, folded_offset: int) -> int:
        """Index of the passage holding a character offset of :attr:`joined`."""
        lo, hi = 0, len(self._starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self._starts[mid] <= folded_offset:
                lo = mid
            else:
                hi = mid - 1
        return lo

    @cached_property
    def bigrams(self) -> Counter:
        """Counts of adjacent word pairs in the source: its established terms.  A
        hyphenated pair is the same term ("crime-recording decisions" uses "crime
        recording")."""
        counts: Counter = Counter()
        for text in self.folded:
            tokens = words(text)
            counts.update(zip(tokens, tokens[1:]))
            counts.update(tuple(t.split("-", 1)) for t in tokens if t.count("-") == 1 and "" not in t.split("-"))
        return counts

    @cached_property
    def vocabulary(self) -> Counter:
        return Counter(w for text in self.folded for w in words(text))

    @cached_property
    def quantities(self):
        """Figures of every passage that has a number in it, read as the article's are:
        (quantity, its sentence, its sentence with the one before (for 'This is 20.2%'),
        the words around it); a table row's cells by their row and column headers."""
        from checker.extract.figures import local_context, read_quantities
        from checker.extract.tables import read_tables
        from checker.nlp import parse_many

        tables = read_tables(self.passages)
        numeric = [i for i, p in enumerate(self.passages) if i not in tables
                   and re.search(r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                                r"twenty|thirty|forty|fifty|hundred|half|quarter|third|fifth)\b",
                                p.text, re.I)]
        out: dict[int, list] = {}
        for i, doc in zip(numeric, parse_many([self.passages[i].text for i in numeric])):
            sentences = list(doc.sents)
            inherited = self._heading_period(i)  # once per passage, not per sentence
            out[i] = [(q, sent.text, " ".join(s.text for s in sentences[max(0, k - 1):k + 1]),
                       local_context(sent.text, q.text))
                      for k, sent in enumerate(sentences)
                      for q, _, _ in read_quantities(sent, inherited)]
        for i, cells in tables.items():
            out[i] = [(q, row, f"{about} {row}", about) for q, row, about in cells]
        return out

    def _heading_period(self, i: int):
        """The period a passage's heading names ('Main points for June to August 2020'):
        the period of the figures under it that name none of their own."""
        from checker.extract.periods import parse_period

        period = parse_period(self.passages[i].heading) if self.passages[i].heading else None
        return period if period is not None and period.dated else None

    @cached_property
    def dates(self) -> list[tuple[str, str, str]]:
        """(passage id, date value, sentence) for every date the source gives, a month
        given without its year read with its sentence's year (:func:`dated_in`)."""
        from checker.extract.dates import dated_in

        out = []
        for passage in self.passages:
            for sentence in split_sentences(passage.text):
                out += [(passage.id, value, sentence) for value in dated_in(sentence)]
        return out

    def joint_coverage(self, query: str, passage_ids: list[str]) -> float:
        """Share of the query's weighted vocabulary that some cited passage uses: how much
        of a sentence the evidence, taken together, accounts for."""
        have = {s for i, p in enumerate(self.passages) if p.id in passage_ids for s in self.stems[i]}
        return self.share(set(query_stems(query)), have)

    def similarity(self, query: str, text: str) -> float:
        """IDF-weighted share of the query's vocabulary that a text uses: does the source
        text say everything the article says around its claim?  A figure's sentence is
        held against every figure of the source, so its stems and their weight are
        worked out once (a long sentence made each comparison cost its length)."""
        known = self._queries.get(query)
        if known is None:
            wanted = frozenset(stem_set(query) - FRAME)
            known = self._queries[query] = (wanted, self.weight(wanted))
        wanted, total = known
        return self.weight(held(wanted, stem_set(text))) / total if total else 0.0

    # -- alignment -----------------------------------------------------------------
    def exact(self, text: str) -> list[int]:
        needle = fold(text).strip(" .,;:")
        if len(needle) < 4:
            return []
        hits, start = [], 0
        while True:
            at = self.joined.find(needle, start)
            if at < 0:
                return hits
            hits.append(self.passage_at(at))
            start = at + 1

    def candidates(self, query: str, k: int = TOP_K) -> tuple[int, ...]:
        """The BM25 retrieval's best ``k`` passages for a query.  Retrieved once per
        query: a statement's look-up, its adjacent-pair search and its partial-support
        check all start from the same candidates."""
        key = (query, k)
        found = self._retrieved.get(key)
        if found is None:
            found = self._retrieved[key] = self._retrieve(query, k)
        return found

    def _retrieve(self, query: str, k: int) -> tuple[int, ...]:
        said = stems(query)
        tokens = [s for s in said + sorted({m for s in said for m in mates(s)}) if s in self._vocab]
        if not tokens:
            return ()
        results, _ = self.retriever.retrieve([tokens], k=min(k, len(self.passages)),
                                             show_progress=False)
        return tuple(int(i) for i in results[0])

    def holding(self, query: str) -> list[int]:
        """Retrieval candidates that each account for at least :data:`ALIGN_FLOOR` of the
        query: the passages that tell of what it says, best first."""
        wanted = query_stems(query)
        scored = [(self.coverage(wanted, i), i) for i in self.candidates(query)]
        return [i for score, i in sorted(scored, key=lambda t: (-t[0], t[1])) if score >= ALIGN_FLOOR]

    def coverage(self, query_stems: list[str], index: int) -> float:
        """Share of the query's IDF-weighted vocabulary found in a passage."""
        return self.share(set(query_stems), set(self.stems[index]))

    def score(self, query_stems: list[str], index: int) -> float:
        """How well a passage accounts for a query.  A heading of three or more words
        that the query repeats whole ("needed priority and immediate action", "were
        identified as areas of improvement" for "Areas for improvement") is where the
        query comes from, though it covers few of the query's words."""
        score = self.coverage(query_stems, index)
        if index in self._titled and set(self.stems[index]) <= set(query_stems):
            score = max(score, 0.9)
        return score

    @cached_property
    def _titled(self) -> frozenset[int]:
        """Headings a query may repeat whole: three or more words, two of them content
        words, and not the document's title."""
        return frozenset(i for i, p in enumerate(self.passages) if p.kind == "heading" and i > 0
                         and len(words(p.text)) >= 3 and len(set(self.stems[i])) >= 2)

    def repeated_headings(self, query: str) -> list[int]:
        """The headings a query repeats whole, as a phrase (their words in order, at most
        two others between), wherever retrieval ranks them: few words of a long
        sentence, they are seldom among its best-ranked passages."""
        said = stems(query)
        return [i for i in sorted(self._titled) if _says_in_order(said, self.stems[i])]

    def _headings_first(self, query: str, most: int = 2) -> list[int]:
        """The headings a query repeats whole lead its evidence: the section they head
        is where the sentence comes from ("were identified as areas of improvement"
        under "Areas for improvement").  Those holding most of its words first; none
        whose words a heading already taken holds (a report repeats its section
        headings; "The local authority" within "The local authority's strengths")."""
        wanted = set(query_stems(query))
        out: list[int] = []
        for i in sorted(self.repeated_headings(query), key=lambda i: (-self.weight(held(wanted, set(self.stems[i]))), i)):
            if not any(set(self.stems[i]) <= set(self.stems[j]) for j in out):  # nor a part of one taken
                out.append(i)
        return out[:most]

    def align(self, claim: Claim, query: str, chunks: tuple[str, ...] = ()) -> Alignment:
        """Best passages for a claim, given the text to look up for it and, for a long
        sentence, its clauses (each may come from a different passage).  Claims of one
        sentence share its look-up."""
        key = (query, chunks)
        found = self._aligned.get(key)
        if found is None:
            found = self._aligned[key] = self._align(query, chunks)
        evidence, method = found
        return Alignment(claim.id, evidence, method)

    def _align(self, query: str, chunks: tuple[str, ...]) -> tuple[tuple[Evidence, ...], str]:
        exact = self.exact(query)
        if exact:
            evidence = [self._evidence(i, query, 1.0) for i in dict.fromkeys(exact)]
            return tuple(evidence[:MAX_EVIDENCE]), "exact"
        best: dict[int, tuple[float, str]] = {}
        for text in (query, *chunks):
            text_stems = query_stems(text)
            floor = ALIGN_FLOOR if text is query else CHUNK_FLOOR
            found = self.candidates(text) + (tuple(self.repeated_headings(query)) if text is query else ())
            for i in found:
                score = self.score(text_stems, i)
                if score >= floor and score > best.get(i, (0.0, ""))[0]:
                    best[i] = (score, text)
        if not best:
            pair = self._adjacent(query)
            if pair:
                return tuple(self._evidence(i, query, score) for i, score in pair), "adjacent"
            near = self._near(query, chunks)
            return tuple(self._evidence(i, query, score) for i, score in near), "near" if near else "none"
        ranked = self._cover(query, best)
        limit = MAX_EVIDENCE_PIECES if chunks else MAX_EVIDENCE
        headings = [i for i in self._headings_first(query) if i in best]
        ranked = headings + self._lead([i for i in ranked if i not in headings][:limit - len(headings)],
                                       query, chunks, [i for i in best if i not in headings])
        evidence = [self._evidence(i, best[i][1], best[i][0]) for i in ranked[:limit]]
        return tuple(evidence), "bm25"

    def _adjacent(self, query: str) -> list[tuple[int, float]]:
        """Two neighbouring passages, one of them a retrieval candidate, that together
        hold at least :data:`PAIR_FLOOR` of the query's weighted words, each adding at
        least :data:`MIN_GAIN` of it: the best such pair, its better-covering passage
        first, each scored by what the pair holds.  Empty when no pair does."""
        wanted = set(query_stems(query))
        total = self.weight(wanted)
        if not total:
            return []
        best: tuple[float, int, int] | None = None
        for i in self.candidates(query):
            for j in (i - 1, i + 1):
                if not 0 <= j < len(self.passages):
                    continue
                mine, theirs = held(wanted, set(self.stems[i])), held(wanted, set(self.stems[j]))
                together = self.weight(mine | theirs) / total
                if (together >= PAIR_FLOOR and self.weight(theirs - mine) >= MIN_GAIN * total
                        and self.weight(mine - theirs) >= MIN_GAIN * total
                        and (best is None or together > best[0])):
                    first, second = (i, j) if self.weight(mine) >= self.weight(theirs) else (j, i)
                    best = (together, first, second)
        return [] if best is None else [(best[1], best[0]), (best[2], best[0])]

    @cached_property
    def _postings(self) -> dict[str, list[int]]:
        """The passages each stem stands in."""
        out: dict[str, list[int]] = defaultdict(list)
        for i, doc in enumerate(self.stems):
            for s in dict.fromkeys(doc):
                out[s].append(i)
        return out

    def _shares(self, text: str):
        """Every passage's IDF-weighted share of a text's words, and the share its
        neighbourhood (itself and :data:`REGION` passages either side) holds, as arrays
        over the passages; from the postings, so the whole source costs what the words do."""
        import numpy as np

        n = len(self.passages)
        own, region = np.zeros(n), np.zeros(n)
        wanted = set(query_stems(text))
        total = self.weight(wanted)
        positions = np.arange(n)
        lo, hi = np.maximum(positions - REGION, 0), np.minimum(positions + REGION + 1, n)
        for s in sorted(wanted):
            at = [i for m in (s, *sorted(mates(s))) for i in self._postings.get(m, ())]
            if not at:
                continue
            mark = np.zeros(n)
            mark[at] = 1.0
            before = np.concatenate(([0.0], np.cumsum(mark)))  # marks before each position
            own += mark * (self.idf(s) / total)
            region += (before[hi] > before[lo]) * (self.idf(s) / total)
        return own, region

    def _near(self, query: str, chunks: tuple[str, ...]) -> list[tuple[int, float]]:
        """The passage a reader would turn to for a claim no passage holds: the one of the
        whole source that, with its neighbourhood, tells most of it (:meth:`_told`; an
        account told over several sentences is found by its region), scored by its own
        share; none when that stays under :data:`NEAR_FLOOR`."""
        if not self.passages:
            return []
        told, own = self._told(query, chunks)
        best = int(told.argmax())
        return [(best, float(own[best]))] if told[best] >= NEAR_FLOOR else []

    def _lead(self, cited: list[int], query: str, chunks: tuple[str, ...], pool: list[int]) -> list[int]:
        """The cited passages with the one a reader would turn to first in front: of the
        ``pool`` of passages that hold enough of the claim, the one whose neighbourhood
        tells most of it (:meth:`_told`), in the place of the last cited if it was not
        among them."""
        if not cited or len(pool) < 2:
            return cited
        told, _ = self._told(query, chunks)
        first = max(pool, key=lambda i: (told[i], -(cited.index(i) if i in cited else len(cited))))
        return ([first] + [i for i in cited if i != first])[:len(cited)]

    def _told(self, query: str, chunks: tuple[str, ...]):
        """How much of a claim each passage of the source tells, read as a reader
        reads: its own share, :data:`REGION_WEIGHT` of its neighbourhood's, and
        :data:`CLAUSE_WEIGHT` of the share of the claim's best-told clause; with the
        passages' own shares."""
        import numpy as np

        own, region = self._shares(query)
        told = own + REGION_WEIGHT * region
        if chunks:
            told = told + CLAUSE_WEIGHT * np.max([self._shares(c)[0] for c in chunks], axis=0)
        return told, own

    def _cover(self, query: str, matched: dict[int, tuple[float, str]]) -> list[int]:
        """Passages that together account for a claim, greedily: each next one adds the
        most weight of its words not yet accounted for, weighed by how well the passage
        matched the clause it was found for; one that adds too little is not cited, since a
        reader gains nothing from a second passage saying the same.  (Ranking clause
        matches by score alone lets one clause's near-duplicates crowd out the passage
        another clause came from.)"""
        wanted = set(query_stems(query))
        total = self.weight(wanted) or 1.0
        covered: set[str] = set()
        order: list[int] = []
        left = dict(matched)
        while left:
            gains = {i: self.weight(held(wanted, set(self.stems[i])) - covered) for i in left}
            pick = max(left, key=lambda i: (gains[i] * left[i][0], left[i][0], -i))
            if gains[pick] < MIN_GAIN * total:
                break
            order.append(pick)
            covered |= held(wanted, set(self.stems[pick]))
            del left[pick]
        return order

    def _evidence(self, index: int, query: str, score: float) -> Evidence:
        passage = self.passages[index]
        return Evidence(passage=passage.id, text=best_sentence(passage.text, query), score=score)


def _says_in_order(said: list[str], phrase: list[str], slack: int = 2) -> bool:
    """Does ``said`` hold the words of ``phrase`` in their order, with at most ``slack``
    other words among them ("areas of improvement" for "Areas for improvement", not
    "local" and "improve" forty words apart)?"""
    for start, first in enumerate(said):
        if first != phrase[0]:
            continue
        at, end = start, start + len(phrase) + slack
        for word in phrase[1:]:
            at = next((k for k in range(at + 1, min(end, len(said))) if said[k] == word), -1)
            if at < 0:
                break
        else:
            return True
    return False


def best_sentence(text: str, query: str) -> str:
    """The sentence of a passage that holds the query's words as they stand, else the one
    that shares most words with it: evidence is quoted as whole sentences of the source."""
    sentences = split_sentences(text)
    if len(sentences) == 1:
        return text
    needle = fold(query).strip(" .,;:")
    holding = [s for s in sentences if needle and needle in fold(s)]
    if holding:
        return holding[0]
    wanted = set(stems(query))
    return max(sentences, key=lambda s: len(wanted & set(stems(s))))
