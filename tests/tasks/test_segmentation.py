"""Segmentation: B/M/E/S tags per character that re-join into the generated words."""

import pytest

from simulator.tasks import make_task
from simulator.tasks.segmentation import split_words, tags_of, word_list


def test_the_word_list_has_hundreds_of_words_of_one_to_four_characters():
    words = word_list()
    assert len(words) >= 300 and len(set(words)) == len(words)
    assert {len(word) for word in words} == {1, 2, 3, 4}


@pytest.mark.parametrize(
    ("word", "tags"), [("我", "S"), ("我们", "BE"), ("图书馆", "BME"), ("人工智能", "BMME")]
)
def test_tags_of_a_word(word, tags):
    assert "".join(tags_of(word)) == tags


def test_tags_rejoin_into_words_of_the_list():
    task = make_task("segmentation", {"train_size": 100, "test_size": 5})
    words = set(word_list())
    data = task.train
    for row in range(len(data)):
        chars = task.vocabulary.decode(data.inputs[row, : data.lengths[row]])
        tags = [task.labels[i] for i in data.targets[row, : data.lengths[row]]]
        sentence = split_words(chars, tags)
        assert "".join(sentence) == "".join(chars)
        assert all(word in words for word in sentence)
        assert [t for word in sentence for t in tags_of(word)] == tags


def test_word_counts_follow_the_settings():
    task = make_task(
        "segmentation", {"train_size": 50, "test_size": 5, "min_words": 2, "max_words": 2}
    )
    data = task.train
    for row in range(len(data)):
        tags = [task.labels[i] for i in data.targets[row, : data.lengths[row]]]
        assert sum(tag in ("E", "S") for tag in tags) == 2


def test_split_words_copes_with_tags_that_do_not_fit_together():
    assert split_words(list("abcde"), ["B", "B", "M", "S", "M"]) == ["a", "bc", "d", "e"]


def test_typed_text_is_read_in_characters():
    task = make_task("segmentation", {"train_size": 2, "test_size": 1})
    assert task.tokenize("我们 去") == ["我", "们", "去"]
