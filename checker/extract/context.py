"""The parsed article every extractor reads: body paragraphs (furniture left out), each
with its spaCy parse and its offset in the article text, so extractors can turn token
offsets into article spans without re-parsing."""

from __future__ import annotations

from dataclasses import dataclass, field

from checker.extract.furniture import furniture_passages
from checker.model import Document, Passage, Span


@dataclass
class Paragraph:
    passage: Passage
    doc: object  # spaCy Doc of passage.text
    offset: int  # where passage.text starts in the article text

    def span(self, start_char: int, end_char: int) -> Span:
        return Span(self.offset + start_char, self.offset + end_char)

    def token_span(self, tokens) -> Span:
        return self.span(tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))

    def sentences(self):
        return list(self.doc.sents)


@dataclass
class ArticleContext:
    document: Document
    paragraphs: list[Paragraph]
    furniture: set[int] = field(default_factory=set)

    def text(self, span: Span) -> str:
        return self.document.text[span.start:span.end]

    def sentence_span(self, paragraph: Paragraph, sentence) -> Span:
        return paragraph.span(sentence.start_char, sentence.end_char)


def build_context(document: Document) -> ArticleContext:
    from checker.nlp import parse_many

    furniture = furniture_passages(document.passages)
    body = [p for p in document.passages if p.index not in furniture]
    docs = parse_many([p.text for p in body])
    paragraphs = [Paragraph(p, d, p.span.start) for p, d in zip(body, docs)]
    return ArticleContext(document, paragraphs, furniture)
