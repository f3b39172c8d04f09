"""The one sentence rule (checker.sentences): where a reader sees a new sentence start."""

from __future__ import annotations

import pytest

from checker.sentences import split_sentences


@pytest.mark.parametrize("text,sentences", [
    ("CPI rose by 7.0% in March. It was 6.2% in February.", ["CPI rose by 7.0% in March.", "It was 6.2% in February."]),
    ("Was it safe? No. It was not!", ["Was it safe?", "No.", "It was not!"]),
    # a capital, a digit or an opening quotation mark starts the next
    ("It fell in 2019. 35 children left. ‘It is good,’ she said.",
     ["It fell in 2019.", "35 children left.", "‘It is good,’ she said."]),
    # closing quotation marks and brackets stay with the sentence they close
    ("A child said, ‘My PA nags me.’ The council agreed. (See annex.) Leaders knew.",
     ["A child said, ‘My PA nags me.’", "The council agreed.", "(See annex.)", "Leaders knew."]),
    # no space after the stop, or lower case after it: the sentence goes on
    ("The U.K. rate was 7.0%, e.g. the highest. \"Why?\" she asked.", ["The U.K. rate was 7.0%, e.g. the highest.", "\"Why?\" she asked."]),
    # a title before a name or a number
    ("Dr. Ian Alcock and Mr. Smith met at No. 10 in St. Helens. They agreed.",
     ["Dr. Ian Alcock and Mr. Smith met at No. 10 in St. Helens.", "They agreed."]),
    # a single capital ends a sentence: it is no initial
    ("Ten achieved a pass at grade D to G. In 2015, one did.", ["Ten achieved a pass at grade D to G.", "In 2015, one did."]),
    # an ellipsis ends one before a capital, and leaves words out before lower case
    ("She helps me calm down… She is good. Never right all of the time… we refuse to stop.",
     ["She helps me calm down…", "She is good.", "Never right all of the time… we refuse to stop."]),
    ("A headline without a stop", ["A headline without a stop"]),
])
def test_sentences(text, sentences):
    assert split_sentences(text) == sentences


def test_clauses_end_at_semicolons_too():
    text = "Some plans are strong; others are not. Leaders know this."
    assert split_sentences(text) == ["Some plans are strong; others are not.", "Leaders know this."]
    assert split_sentences(text, clauses=True) == ["Some plans are strong;", "others are not.", "Leaders know this."]
    assert split_sentences("Plans are strong; ", clauses=True) == ["Plans are strong;", ""]
