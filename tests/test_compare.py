"""``checker compare``: the coverage map of the seed articles on the Somerset report and
of the real wild-dev articles covering one ONS bulletin, its formats and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

import checker
from checker.batch import Overrides
from checker.cli import main
from checker.outlets.run import compare_with_source

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "corpora" / "seeds"
WILD = ROOT / "corpora" / "wild-dev"
REPORT = SEEDS / "ofsted-2015-03-27-somerset-childrens-services-report.txt"
BBC = SEEDS / "bbc-2015-03-27-somerset-still-inadequate.txt"
LOCAL = SEEDS / "local-news-2015-03-27-somerset-branded-inadequate.txt"
LATER = SEEDS / "willispalmer-2017-somerset-requires-improvement.txt"
OTHER = SEEDS / "cypnow-2017-01-24-worcestershire-inadequate.txt"
SCHEMA = json.loads((Path(checker.__file__).parent / "schema" / "checker-compare-1.json").read_text())


def _map(source: Path, articles: list[Path]):
    comparison = compare_with_source([str(a) for a in articles], str(source),
                                     Overrides(sources=(str(source),)))
    assert len(comparison.maps) == 1
    return comparison.maps[0]


@pytest.fixture(scope="module")
def somerset():
    return _map(REPORT, [BBC, LOCAL, LATER, OTHER])


@pytest.fixture(scope="module")
def prices():
    return _map(WILD / "ons-cpi-mar2022-bbc" / "source.txt",
                sorted(WILD.glob("ons-cpi-mar2022-*/article.txt")))


@pytest.fixture(scope="module")
def labour():
    return _map(WILD / "ons-lms-oct2020-bbc" / "source.txt",
                sorted(WILD.glob("ons-lms-oct2020-*/article.txt")))


def _cell(coverage, article: Path, key: str):
    return coverage.cells[str(article)][key]


def _point(coverage, kind: str, value_has: str):
    found = [p for p in coverage.points if p.kind == kind and value_has in p.value]
    assert len(found) == 1, [p.value for p in coverage.points if p.kind == kind]
    return found[0]


def test_later_and_other_council_articles_are_listed_apart(somerset):
    assert [str(r.article.uri) for r in somerset.articles] == [str(BBC), str(LOCAL)]
    assert {r.article.uri: r.relation.verdict for r in somerset.apart} == {
        str(LATER): "later_report", str(OTHER): "different_subject"}


def test_both_carried_the_overall_judgement(somerset):
    assert _cell(somerset, BBC, "judgement:overall").verdict == "confirmed"
    assert _cell(somerset, LOCAL, "judgement:overall").verdict == "confirmed"


def test_count_of_directors_bbc_got_it_wrong(somerset):
    directors = _point(somerset, "figure", "8 directors")
    wrong = _cell(somerset, BBC, directors.key)
    assert wrong.verdict == "misreported"
    assert [f.code for f in wrong.findings] == ["NUM01"]
    assert _cell(somerset, LOCAL, directors.key).verdict == "confirmed"


def test_inspection_dates_carried_by_bbc_only(somerset):
    assert _cell(somerset, BBC, "date:inspection").verdict != "not_mentioned"
    assert _cell(somerset, LOCAL, "date:inspection").verdict == "not_mentioned"
    assert _cell(somerset, LOCAL, "date:published").verdict == "confirmed"


def test_misquoted_heading_is_local_news_misreporting_care_leavers(somerset):
    cell = _cell(somerset, LOCAL, "judgement:care_leavers")
    assert cell.verdict == "misreported"
    assert [f.code for f in cell.findings] == ["QUO01"]
    assert _cell(somerset, BBC, "judgement:care_leavers").verdict == "not_mentioned"


def test_the_two_articles_disagree_on_the_directors_and_nothing_else(somerset):
    disagreements = somerset.disagreements
    assert len(disagreements) == 1
    values = {s.article: s.value for s in disagreements[0].said}
    assert values[str(BBC)].startswith("5 directors")
    assert values[str(LOCAL)].startswith("8 directors")
    agreed = {t.key for t in somerset.topics if not t.disagree}
    assert "judgement:overall" in agreed


def test_a_quotation_both_give_as_the_report_words_it_is_settled_by_the_report(somerset):
    (topic,) = [t for t in somerset.topics if t.kind == "quotation" and "corporate failure" in t.label]
    assert not topic.disagree and len(topic.said) == 2
    assert "There has been a corporate failure to keep children safe" in topic.report_value


def test_per_article_counts(somerset):
    counts = {c.article: c for c in somerset.counts()}
    assert counts[str(BBC)].misreported == 3  # the inspection's length, and the directors twice
    assert counts[str(LOCAL)].misreported == 1
    assert counts[str(LOCAL)].carried > counts[str(BBC)].carried
    for c in counts.values():
        assert c.carried + c.not_mentioned == len(somerset.points)


def test_three_consumer_price_articles_agree_on_the_headline_figures(prices):
    assert len(prices.articles) == 3 and not prices.apart
    for value, period in ((7.0, "12 months to March 2022"), (6.2, "February")):
        (point,) = [p for p in prices.points if p.kind == "figure" and p.quantity.value == value
                    and "(Consumer Prices Index)" in p.value and p.value.endswith(period)]
        assert {prices.cells[a.article.uri][point.key].verdict for a in prices.articles} == {"confirmed"}
        topic = next(t for t in prices.topics if t.key == point.key)
        assert not topic.disagree and len(topic.said) == 3
    assert prices.disagreements == []
    assert prices.shared == ()


def test_two_labour_market_articles_agree_on_unemployment(labour):
    assert len(labour.articles) == 2
    rate = _point(labour, "figure", "4.5% (UK unemployment rate)")
    assert {labour.cells[a.article.uri][rate.key].verdict for a in labour.articles} == {"confirmed"}
    assert labour.disagreements == []
    hrreview = str(WILD / "ons-lms-oct2020-hrreview" / "article.txt")
    change = _point(labour, "figure", "0.6 points")
    assert [f.code for f in labour.cells[hrreview][change.key].findings] == ["NUM03"]


def run(capsys, *args: str) -> tuple[int, str, str]:
    try:
        main(list(args))
        code = 0
    except SystemExit as exit_info:
        code = exit_info.code
    out, err = capsys.readouterr()
    return code, out, err


def test_json_matches_schema(capsys):
    code, out, _ = run(capsys, "compare", str(BBC), str(LOCAL), str(OTHER), "--source", str(REPORT),
                       "-f", "json")
    assert code == 0
    body = json.loads(out)
    jsonschema.validate(body, SCHEMA)
    (only,) = body["maps"]
    assert [a["path"] for a in only["articles"]] == [str(BBC), str(LOCAL)]
    assert [a["relation"] for a in only["apart"]] == ["different_subject"]
    assert any(t["disagree"] for t in only["topics"])


def test_text_colour_follows_force_color_and_no_color(capsys, monkeypatch):
    args = ("compare", str(BBC), str(LOCAL), "--source", str(REPORT))
    monkeypatch.setenv("FORCE_COLOR", "1")
    code, out, _ = run(capsys, *args)
    assert code == 0 and "\x1b[" in out
    monkeypatch.delenv("FORCE_COLOR")
    monkeypatch.setenv("NO_COLOR", "1")
    code, out, _ = run(capsys, *args)
    assert code == 0 and "\x1b[" not in out


def test_text_fits_a_narrow_terminal(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "72")
    code, out, _ = run(capsys, "compare", str(BBC), str(LOCAL), "--source", str(REPORT))
    assert code == 0
    assert max(len(line) for line in out.splitlines()) <= 72
    assert "Where outlets disagree" in out and "NUM01" in out


@pytest.mark.parametrize("args, message", [
    (["compare", str(BBC)], "--source"),
    (["compare", str(BBC), "--source", str(REPORT), "--corpus", str(SEEDS)], "--source"),
    (["compare", str(SEEDS / "missing.txt"), "--source", str(REPORT)], "missing.txt"),
    (["compare", str(BBC), "--source", str(REPORT), "-o", str(BBC)], "overwrite"),
    (["compare", str(BBC), "--source", str(REPORT), "--jobs", "2"], "--corpus"),
])
def test_bad_input_is_one_line_and_exit_2(capsys, args, message):
    code, out, err = run(capsys, *args)
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1 and message in err and "Traceback" not in err


LABELS = json.loads((ROOT / "corpora" / "editions" / "labels.json").read_text(encoding="utf-8"))


def _mixed_corpus(folder: Path) -> dict[str, tuple[str, str]]:
    """The seed report and the real wild-dev and editions sources (other releases of the
    same statistics among them), with news articles as distractors: each copied file's
    name -> its labelled (subject, edition)."""
    import shutil

    from corpus_helpers import write_news

    folder.mkdir(parents=True)
    labels, copied = {}, set()
    for key, label in LABELS["sources"].items():
        path = ROOT / "corpora" / key
        text = path.read_text(encoding="utf-8")
        if text in copied:  # pairs on one bulletin share it: one copy, named by the first
            continue
        copied.add(text)
        name = path.name if key.startswith("seeds/") else f"{path.parent.name}.txt"
        shutil.copy(path, folder / name)
        labels[name] = tuple(label)
    write_news(folder / "news", 10)
    return labels


def test_corpus_groups_seeds_and_real_pairs_by_their_sources(tmp_path, monkeypatch):
    """Every labelled article of corpora/seeds, wild-dev and editions: in the map of a
    source with its label (subject and edition) when the corpus holds one, else in no
    map's covering articles (listed apart or unattributed)."""
    from checker.outlets.run import compare_in_corpus

    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path / "cache"))
    corpus = tmp_path / "corpus"
    source_labels = _mixed_corpus(corpus)
    articles = {str(ROOT / "corpora" / key): tuple(label) for key, label in LABELS["articles"].items()}
    comparison = compare_in_corpus(list(articles), str(corpus), Overrides())
    covered_by = {r.article.uri: source_labels[Path(m.source.uri).name]
                  for m in comparison.maps for r in m.articles}
    wrong = [(Path(uri).parent.name + "/" + Path(uri).name, covered_by.get(uri))
             for uri, label in articles.items()
             if covered_by.get(uri) != (label if label in source_labels.values() else None)]
    assert wrong == []
    maps = {Path(m.source.uri).name: m for m in comparison.maps}
    assert [r.article.uri for r in maps[REPORT.name].apart] == [str(LATER)]
    assert str(OTHER) in {r.article.uri for r in comparison.unattributed}
    placed = [r.article.uri for m in comparison.maps for r in (*m.articles, *m.apart)]
    assert len(placed) == len(set(placed))  # no article in two maps
    # the maps are the same as with --source: the CPI outlets still agree on 7%
    prices = maps["ons-cpi-mar2022-bbc.txt"]
    assert len(prices.articles) == 3
    seven = next(t for t in prices.topics if t.kind == "figure" and "7%" in (t.report_value or ""))
    assert not seven.disagree and len(seven.said) == 3


def test_csv_one_row_per_cell_and_per_outlet_value(capsys, somerset):
    import csv

    from checker.report.compare_csv import inert

    code, out, _ = run(capsys, "compare", str(BBC), str(LOCAL), "--source", str(REPORT), "-f", "csv")
    assert code == 0
    table = list(csv.DictReader(out.splitlines()))
    report_side = [r for r in table if r["side"] == "report"]
    assert len(report_side) == 2 * len(somerset.points)
    directors = _point(somerset, "figure", "8 directors")
    (bbc,) = [r for r in report_side if r["key"] == directors.key and r["article"] == str(BBC)]
    assert bbc["verdict"] == "misreported" and bbc["codes"] == "NUM01"
    outlets = [r for r in table if r["side"] == "outlets" and r["key"] == directors.key]
    assert {r["verdict"] for r in outlets} == {"disagree"} and len(outlets) == 2
    assert inert("=HYPERLINK(1)") == "'=HYPERLINK(1)" and inert("fifth") == "fifth"


def _variant(folder: Path, original: Path, name: str, old: str = "", new: str = "", extra: str = "") -> Path:
    """A copy of a real article with one phrase changed or one paragraph added."""
    text = original.read_text(encoding="utf-8")
    assert not old or old in text
    path = folder / name
    path.write_text(text.replace(old, new) + (f"\n{extra}\n" if extra else ""), encoding="utf-8")
    return path


def test_the_same_error_in_two_articles_is_one_shared_error(tmp_path):
    copy = _variant(tmp_path, BBC, "syndicated-copy.txt")
    coverage = _map(REPORT, [BBC, copy])
    shared = {e.code: e for e in coverage.shared}
    assert set(shared["NUM01"].articles) == {str(BBC), str(copy)}
    directors = _point(coverage, "figure", "8 directors")
    topic = next(t for t in coverage.topics if t.key == directors.key)
    assert not topic.disagree  # they agree with each other, both wrong by the report
    assert {coverage.cells[a][directors.key].verdict for a in (str(BBC), str(copy))} == {"misreported"}


def test_a_quotation_given_two_ways_is_a_disagreement(tmp_path):
    fixed = _variant(tmp_path, LOCAL, "corrected.txt", "- Experiences and progress of care leaders",
                     "- Experiences and progress of care leavers")
    coverage = _map(REPORT, [LOCAL, fixed])
    heading = [t for t in coverage.topics if t.kind == "quotation" and "progress of care" in t.label]
    assert len(heading) == 1 and heading[0].disagree
    assert coverage.cells[str(LOCAL)]["judgement:care_leavers"].verdict == "misreported"
    assert coverage.cells[str(fixed)]["judgement:care_leavers"].verdict == "confirmed"


def test_outlets_disagree_on_a_figure_the_report_does_not_give(tmp_path):
    source = WILD / "ons-cpi-mar2022-bbc" / "source.txt"
    original = WILD / "ons-cpi-mar2022-bbc" / "article.txt"
    one = _variant(tmp_path, original, "one.txt", extra="Food inflation rose to 5.9% in the 12 months to March.")
    other = _variant(tmp_path, original, "other.txt", extra="Food inflation rose to 5.8% in the 12 months to March.")
    same = _variant(tmp_path, original, "same.txt", extra="Food inflation rose to 5.9% in the 12 months to March.")
    coverage = _map(source, [one, other, same])
    (food,) = [t for t in coverage.topics if t.kind == "figure" and t.report_value is None]
    assert food.disagree and [s.value.split("%")[0] for s in food.said] == ["5.9", "5.8", "5.9"]
    two = _map(source, [one, same])
    (agreed,) = [t for t in two.topics if t.kind == "figure" and t.report_value is None]
    assert not agreed.disagree
