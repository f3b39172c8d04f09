"""Regressions (extract quotes): cases found failing, each fixed by a general
change, kept so they stay fixed."""
from test_extract_quotes import quotes


def test_elided_year_is_not_an_open_quotation():
    # once gave: ('90s-era systems are old', '', 'unknown'): an unclosed single quote runs to the end
    assert quotes("Social workers use systems from the '90s that are old.") == []


def test_multi_paragraph_quotation_attributed_in_its_last_paragraph():
    body = ('"Recent social work practice is of better quality.\n\n'
            '"It focuses on the needs of children," the inspectors wrote.\n')
    found = quotes(body)
    # once gave: speaker '' / 'unknown' for both paragraphs
    assert [(s, k) for _, s, k in found] == [("the inspectors", "source")] * 2


def test_according_to_at_the_start_of_a_sentence():
    found = quotes('According to the report, "the capacity of the targeted youth support team is limited".')
    # once gave: ('...', '', 'unknown'): the 'according to' pattern is case-sensitive
    assert [(s, k) for _, s, k in found] == [("the report", "source")]
    found = quotes('According to Ofsted, services were "too slow to develop".')
    assert [(s, k) for _, s, k in found] == [("Ofsted", "source")]


def test_a_relative_pronoun_speaker_is_the_noun_it_stands_for():
    found = quotes("They turned to the Chicago Police Department which reported "
                   "\u201c2,521 shooting incidents\u201d in the city.")
    # once gave: speaker 'which' (the small model hangs the clause on the main verb)
    assert [s for _, s, _ in found] == ["the Chicago Police Department"]
    found = quotes('The report, which said the service was "too slow", was published in March.')
    assert [(s, k) for _, s, k in found] == [("The report", "source")]


def test_words_inside_another_quotation_never_name_the_speaker():
    found = quotes("\u201cEvery time you say that,\u201d Tester said, referring to the excuse, "
                   "\u201cyou give ammunition to the people who want to break up the banks.\u201d")
    # once gave 'you' for the second part: 'say' inside the first quotation was taken as the cue
    assert [s for _, s, _ in found] == ["Tester", "Tester"]


def test_a_clitic_split_off_by_a_tokeniser_opens_no_quotation():
    # once gave: ("s mother was holding the boy ... at 3pm", '', 'unknown'): the tokenised
    # possessive ' 's' read as an opening single quote, and a misquote finding after it
    assert quotes("the toddler 's mother was holding the boy when he fell, and it 's unclear why.") == []
    found = quotes("The boy's mother said 'she is fine' after the fall.")
    assert [q for q, _, _ in found] == ["she is fine"]
