"""The sentiment rule: negation flips and weakens, an intensifier strengthens, order matters."""

import pytest

from simulator.tasks import SettingError, make_task
from simulator.tasks.sentiment import LABELS, rate
from simulator.tasks.sentiment_lexicon import LEXICONS

RULE_CASES = [
    ("en", "the film is good", "positive"),
    ("en", "the film is bad", "negative"),
    ("en", "the film is not good", "negative"),
    ("en", "the film is not bad", "positive"),
    ("en", "the film is very good", "very positive"),
    ("en", "the film is extremely boring", "very negative"),
    ("en", "the film is not very good", "negative"),
    ("en", "the film is really not good", "very negative"),
    ("en", "the film is very long", "neutral"),
    ("en", "the film is not long", "neutral"),
    ("en", "I really don't like the music.", "very negative"),
    ("en", "i don't really like the music", "negative"),
    ("en", "we never hate the game", "positive"),
    ("zh", "这部电影好看", "positive"),
    ("zh", "这部电影不好看", "negative"),
    ("zh", "这部电影很好看", "very positive"),
    ("zh", "这部电影不太好看", "negative"),
    ("zh", "这部电影很不好看", "very negative"),
    ("zh", "这部电影不无聊", "positive"),
    ("zh", "这部电影非常无聊", "very negative"),
    ("zh", "这部电影不错", "positive"),
    ("zh", "这部电影很不错！", "very positive"),
    ("zh", "这个房间很大", "neutral"),
    ("zh", "我不喜欢这首歌", "negative"),
    ("zh", "我真不喜欢这首歌", "very negative"),
    ("zh", "我不讨厌这首歌", "positive"),
]


@pytest.mark.parametrize(("language", "text", "label"), RULE_CASES)
def test_rule(language, text, label):
    assert rate(text, language) == label


@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_generated_label_follows_the_rule(language):
    task = make_task("sentiment", {"language": language, "train_size": 300, "test_size": 5})
    data = task.train
    for row in range(len(data)):
        tokens = task.vocabulary.decode(data.inputs[row, : data.lengths[row]])
        assert LABELS[data.targets[row]] == rate(task.separator.join(tokens), language)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_all_five_classes_occur(language):
    task = make_task("sentiment", {"language": language, "train_size": 300, "test_size": 5})
    assert set(task.train.targets.tolist()) == set(range(5))


def test_english_is_read_in_words_and_chinese_in_characters():
    english = make_task("sentiment", {"language": "en", "train_size": 2, "test_size": 1})
    chinese = make_task("sentiment", {"language": "zh", "train_size": 2, "test_size": 1})
    assert english.tokenize("The film is NOT good.") == ["the", "film", "is", "not", "good"]
    assert chinese.tokenize("很不好看。") == ["很", "不", "好", "看"]
    assert 1 not in chinese.encode("这部电影很不好看").tolist()  # every character is known


@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_modifier_in_a_pattern_is_a_negator_or_an_intensifier(language):
    lexicon = LEXICONS[language]
    known = set(lexicon.negators + lexicon.intensifiers)
    for frame in lexicon.frames:
        for pattern in frame.modifiers:
            words = {word for slot in pattern.split(" + ") for word in slot.split("|") if word}
            assert words <= known, pattern


def test_rating_text_in_an_unknown_language_names_the_setting():
    with pytest.raises(SettingError, match="language = 'fr'"):
        rate("le film est bon", "fr")
