"""Word families: the source's own word for the article's.

A reporter rewords: "high turnover of directors" for the report's "continual churn in
the senior leadership team", "inmates" for "prisoners".  Alignment lets a passage hold a
word of a claim through another word of its family (``word_families.txt``, read once),
weighed as the claim's own word, so that such a passage is found and weighed as a reader
finds it.  A word the passage holds as it stands is never read through its family: the
rarity of the exact word keeps its weight ("long delays" stays as rare as "delays" is,
however common "waiting" is in the source).  Families are of words that mean the same
wherever checker reads them; what differs in degree or direction (rise/fall, most/all)
is never one family, since telling those apart is the comparison's work.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from checker.textnorm import stem


@lru_cache(maxsize=1)
def _families() -> dict[str, frozenset[str]]:
    """Each stemmed word of a family, to the other stems of its family."""
    text = resources.files("checker.match").joinpath("word_families.txt").read_text(encoding="utf-8")
    out: dict[str, set[str]] = {}
    for line in text.splitlines():
        family = {stem(word) for word in line.split("#", 1)[0].lower().split()}
        for member in family:
            out.setdefault(member, set()).update(family - {member})
    return {member: frozenset(others) for member, others in out.items() if others}


def mates(stem_: str) -> frozenset[str]:
    """The other stems of a stem's family (none for most words)."""
    return _families().get(stem_, frozenset())


def held(wanted: set[str] | frozenset[str], have: set[str] | frozenset[str]) -> set[str]:
    """The wanted stems that ``have`` holds, as they stand or through their family."""
    out = set(wanted & have)
    out.update(w for w in wanted if w not in out and mates(w) & have)
    return out
