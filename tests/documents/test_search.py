import pytest

from documents.models import MoaDocument
from documents.search import MARK_START, MARK_STOP, moa_search
from documents.services import document_store
from tests.documents.pdfs import make_pdf

pytestmark = pytest.mark.django_db


def _store(text: str) -> MoaDocument:
    return document_store(content=make_pdf(text), source_url="")


def test_words_are_stemmed_and_all_required() -> None:
    heron = _store("The purple herons nest by the river.")
    _store("A purple finch.")
    assert [d.pk for d in moa_search("purple heron")] == [heron.pk]


def test_a_quoted_phrase_keeps_word_order() -> None:
    ordered = _store("The jail enforcement model applies.")
    _store("The model of enforcement in the jail.")
    assert [d.pk for d in moa_search('"jail enforcement model"')] == [ordered.pk]
    assert len(moa_search("jail enforcement model")) == 2


def test_the_closer_match_ranks_first() -> None:
    far = _store("warrant\n" + "\n".join(["filler words here"] * 40) + "\nservice")
    near = _store("warrant service officer")
    assert [d.pk for d in moa_search("warrant service")] == [near.pk, far.pk]


def test_the_headline_marks_the_matches() -> None:
    _store("Nothing to see.\nThe heron clause: Smith & Sons < 3 binds everyone.")
    [result] = moa_search("heron")
    headline = result.headline  # type: ignore[attr-defined]
    assert f"{MARK_START}heron{MARK_STOP}" in headline
    assert "Smith & Sons < 3" in headline  # raw text: the template escapes it


def test_no_match_and_nonsense_are_empty_not_errors() -> None:
    _store("purple heron")
    assert list(moa_search("zebra")) == []
    assert list(moa_search('"unclosed & | ! (')) == []


def test_search_is_one_query(django_assert_num_queries) -> None:
    _store("purple heron")
    _store("purple heron again")
    # Queries: the documents matching, with rank and headline, agency and agreement joined.
    with django_assert_num_queries(1):
        results = list(moa_search("heron"))
        [r.agency for r in results]
