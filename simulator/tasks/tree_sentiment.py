"""Sentiment treebank: short sentences as parse trees labelled at every node, English or Chinese.

A toy Stanford Sentiment Treebank generated from a seed, with the words of the `sentiment`
task's lexicon. Each sentence is a binary tree with syntactic categories and a sentiment label
(0 very negative ... 4 very positive) on every node, written CATEGORY:LABEL:

    (S:1 (NP:2 (DT:2 the) (NN:2 film)) (VP:1 (VB:2 is) (ADJP:1 (NEG:2 not) (ADJP:4 (ADV:2 very)
        (JJ:3 good)))))

Labels follow the tree: a rated word is worth +1 or -1 (others 0); a negator flips the phrase
it modifies and weakens it (+-2 or +-1 -> -+1), an intensifier strengthens it (+-1 -> +-2);
any other phrase is worth the sum of its children, clipped to -2..2; label = value + 2. The
root's label is what the `sentiment` task's rule gives the same sentence. Modifiers stack from
the word outwards, so "not very good" is (not (very good)): negative, while "very good" is very
positive: a model has to compose to get phrases right, and negation is where a purely additive
composition (the rvnn) struggles and the tensor of the rntn helps.

Leaves are words: English lower-case words; Chinese words of the lexicon (这部电影, 不, 太,
好看), not single characters, as in a Chinese treebank. The task's train/test are the sequence
view (words -> root label); `task.for_trees()` is the tree view (simulator.tasks.treebank).
"""

from __future__ import annotations

import networkx as nx
import numpy as np

from ..trees.transform import numbered
from .base import Vocabulary, classification_fields, generated_splits
from .sentiment import LABELS, LANGUAGES, Language
from .sentiment_lexicon import LEXICONS
from .settings import GENERATED, Choice
from .treebank import TreeTask, tree_dataset

DEFAULTS = {"seed": 0, "train_size": 500, "test_size": 100, "language": "en"}
RULES = {**GENERATED, "language": Choice(tuple(LEXICONS))}

DESCRIPTION = {
    "en": "Sentiment treebank: parse trees labelled at every node, with negation (5 classes).",
    "zh": "情感树库：每个结点都标注情感的句法树，含否定词和程度副词（5 类）。",
}

PRONOUNS = {"i", "we", "they", "我", "我们", "他", "她", "大家", "许多人"}
CATEGORIES = {  # leaf categories by language: negator, intensifier, rated adjective, rated verb
    "en": {"negator": "NEG", "intensifier": "ADV", "adjective": "JJ", "verb": "VB"},
    "zh": {"negator": "NEG", "intensifier": "ADV", "adjective": "VA", "verb": "VV"},
}


def _value_of_phrase(children: list[tuple], language: Language) -> int:
    """The value of a phrase from its children's (category, value, word) triples."""
    first_word = children[0][2]
    value = children[-1][1]
    if first_word in language.lexicon.negators:  # flips and weakens
        return 0 if value == 0 else (-1 if value > 0 else 1)
    if first_word in language.lexicon.intensifiers:  # strengthens
        return 0 if value == 0 else (2 if value > 0 else -2)
    return int(np.clip(sum(child[1] for child in children), -2, 2))


class _Builder:
    """Grows one tree: leaf() and phrase() add a node and return (node, category, value,
    token), what a parent needs to know of a child."""

    def __init__(self, language: Language, name: str):
        self.tree = nx.DiGraph(root=0)
        self.tree.add_node(0)  # the root, filled in last
        self.language = language
        self.categories = CATEGORIES[name]

    def _node(self, category: str, value: int, token: str | None) -> int:
        node = self.tree.number_of_nodes()
        self.tree.add_node(node, token=token, label=value + 2, category=category, order=0)
        return node

    def leaf(self, token: str, category: str) -> tuple:
        value = self.language.polarity.get(token, 0)
        return (self._node(category, value, token), category, value, token)

    def phrase(self, category: str, children: list[tuple], node: int | None = None) -> tuple:
        value = _value_of_phrase([c[1:] for c in children], self.language)
        if node is None:
            node = self._node(category, value, None)
        else:
            self.tree.nodes[node].update(token=None, label=value + 2, category=category, order=0)
        for order, child in enumerate(children):
            self.tree.add_edge(node, child[0])
            self.tree.nodes[child[0]]["order"] = order
        return (node, category, value, None)

    def noun_phrase(self, words: list[str]) -> tuple:
        """One word: NN (PRP/PN for a pronoun); more: (DT w1 (JJ ... (NN wk))) right-branching."""
        if len(words) == 1:
            pronoun = words[0] in PRONOUNS
            return self.leaf(
                words[0], ("PN" if self.separator == "" else "PRP") if pronoun else "NN"
            )
        last = self.leaf(words[-1], "NN")
        for position in range(len(words) - 2, -1, -1):
            last = self.phrase(
                "NP", [self.leaf(words[position], "DT" if position == 0 else "JJ"), last]
            )
        return last

    @property
    def separator(self) -> str:
        return self.language.separator

    def modified(self, category: str, core: tuple, modifiers: list[str]) -> tuple:
        """Modifiers applied from the word outwards: [not, very] + good -> (not (very good))."""
        for word in reversed(modifiers):
            kind = "negator" if word in self.language.lexicon.negators else "intensifier"
            core = self.phrase(category, [self.leaf(word, self.categories[kind]), core])
        return core


def _sentence_tree(rng: np.random.Generator, name: str) -> nx.DiGraph:
    language = LANGUAGES[name]

    def pick(options):
        return options[rng.integers(len(options))]

    frame = pick(language.lexicon.frames)
    pattern = pick(frame.modifiers)
    modifiers = [pick(slot.split("|")) for slot in pattern.split(" + ")] if pattern else []
    rated = pick(
        pick([words for words in (frame.positive, frame.negative, frame.neutral) if words])
    )
    opening, closing = pick(frame.openings), pick(frame.closings)
    build = _Builder(language, name)
    split = str.split if language.separator else (lambda text: [text])
    adjectival = frame.closings == ("",)
    if adjectival:  # the film is not very good / 这部电影不太好看
        words = split(opening)
        verb = words.pop() if language.separator else None
        core = build.modified(
            "ADJP" if verb else "VP", build.leaf(rated, build.categories["adjective"]), modifiers
        )
        predicate = build.phrase("VP", [build.leaf(verb, "VB"), core]) if verb else core
    else:  # i really don't like the music / 我很不喜欢这首歌
        words = split(opening)
        verb_phrase = build.phrase(
            "VP", [build.leaf(rated, build.categories["verb"]), build.noun_phrase(split(closing))]
        )
        predicate = build.modified("VP", verb_phrase, modifiers)
    build.phrase("S", [build.noun_phrase(words), predicate], node=0)
    return numbered(build.tree)  # binary as built: only the nodes' numbers follow reading order


def build(settings: dict) -> TreeTask:
    name = settings["language"]
    language = LANGUAGES[name]
    tokens = (
        {t for entry in language.entries for t in language.tokenize(entry)}
        if language.separator
        else set(language.entries)
    )
    vocabulary = Vocabulary(sorted(tokens))
    train_trees, test_trees = generated_splits(
        settings, lambda rng, count: [_sentence_tree(rng, name) for _ in range(count)]
    )
    tree_train = tree_dataset(train_trees, vocabulary)
    tree_test = tree_dataset(test_trees, vocabulary)
    pairs = sorted({p for flat in tree_train.trees for p in flat.pairs if p is not None})
    return TreeTask(
        name="tree_sentiment",
        settings=settings,
        description=DESCRIPTION,
        spec_fields=classification_fields(vocabulary, LABELS, "seq2class"),
        train=tree_train.sequences(),
        test=tree_test.sequences(),
        vocabulary=vocabulary,
        labels=LABELS,
        tokenize=language.units,
        separator=language.separator,
        tree_train=tree_train,
        tree_test=tree_test,
        tree_fields={
            "vocab_size": len(vocabulary),
            "output_size": len(LABELS),
            "untied_pairs": tuple(pairs),
        },
    )
