"""Regressions in ratings, dates, names and furniture: cases found failing, each fixed by
a general change, kept so they stay fixed."""
from checker.extract.furniture import furniture_passages
from checker.ingest.documents import article_passages
from test_extract_other import dates, names, ratings


def test_outstanding_as_plain_english_is_not_a_rating():
    # once gave: [('outstanding', 'overall', 'outstanding')]: end to end this is a RAT01 error
    assert ratings("It is an outstanding achievement for the team.") == []


def test_all_but_x_without_a_comma():
    # once gave: subject 'adoption': the [^,]+ of 'all bar X' eats the verb
    assert ratings("All but adoption performance were judged to be inadequate.") == [
        ("inadequate", "all_except:adoption", "inadequate")]


def test_all_areas_apart_from_x():
    # once gave: [('good', 'care_leavers'), ('inadequate', 'care_leavers')]
    assert ratings("All areas apart from care leavers, which were rated good, were judged inadequate.") == [
        ("good", "care_leavers", "good"), ("inadequate", "all_except:care_leavers", "inadequate")]


def test_grade_inside_a_which_clause_after_all_apart_from():
    # once gave: ('good', 'all_except:care_leavers'): the clause's plural 'were' is taken for the main verb
    found = ratings("All apart from care leavers, which were rated good, were judged inadequate.")
    assert found[0] == ("good", "care_leavers", "good")


def test_area_name_containing_and():
    # once gave: []: the clause splitter cuts 'Help and protection' at 'and'
    assert ratings("Help and protection for children is good.") == [("good", "help_and_protection", "good")]


def test_sentence_initial_in_year():
    # once gave: []: the year-only pattern's 'in' is case-sensitive
    assert dates("In 2013 the teams were restructured.") == [("2013", "2013", "other")]


def test_council_names_with_connectors():
    # once gave: 'Trent City Council' and 'North East Somerset Council'
    found = [n for n, _, _ in names("Stoke-on-Trent City Council and Bath and North East Somerset Council met.")]
    assert "Stoke-on-Trent City Council" in found
    assert "Bath and North East Somerset Council" in found


def test_membership_of_a_board_is_not_page_furniture():
    text = ("Somerset County Council was rated inadequate.\nInspectors found failures.\n"
            "The council replied.\nThe LSCB's membership was broadened in 2014.\n"
            "The new director starts in the spring.\nShe has worked in Devon for ten years.")
    # once gave: {3, 4, 5}: 'membership' in the second half ends the story
    assert furniture_passages(article_passages(text)) == set()


def test_sign_up_in_a_story_is_not_furniture():
    text = "Somerset County Council was criticised.\nFoster carers can sign up to the new support scheme."
    assert furniture_passages(article_passages(text)) == set()  # once gave: {1}


def test_a_one_paragraph_story_cut_off_with_dots_is_still_the_story():
    from checker.extract.furniture import furniture_passages
    from checker.ingest.documents import document_from_text

    # once gave {0}: the only passage, ending '...', taken for a teaser after the story
    doc = document_from_text("UK inflation rose to 11.1% in the 12 months to October, the ONS "
                             "said. The rising cost of food prices also made a contrib...\n", "a.txt", "article")
    assert furniture_passages(doc.passages) == set()
