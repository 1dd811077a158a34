"""The tree_sentiment treebank and the loader of a person's own tree files."""

import networkx as nx
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulator.tasks import TaskError, make_task
from simulator.tasks.sentiment import rate
from simulator.tasks.treebank import TreeTask
from simulator.trees import TreeNetwork, TreeSpec, is_binary, parse_tree, to_brackets

SMALL = {"train_size": 80, "test_size": 20}


def _value(flat, n):
    return int(flat.label[n]) - 2


@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_node_is_labelled_by_the_negation_and_intensifier_rule(language):
    task = make_task("tree_sentiment", {**SMALL, "language": language})
    seen = {"negated": 0, "intensified": 0}
    for flat in task.tree_train.trees:
        assert np.all(flat.label >= 0)  # labelled at every node
        for n in np.flatnonzero(flat.left >= 0):
            first, rest = flat.left[n], flat.right[n]
            value = _value(flat, rest)
            if flat.categories[first] == "NEG":  # flips and weakens
                expected = 0 if value == 0 else -int(np.sign(value))
                seen["negated"] += 1
            elif flat.categories[first] == "ADV":  # strengthens
                expected = 2 * int(np.sign(value))
                seen["intensified"] += 1
            else:
                expected = int(np.clip(_value(flat, first) + value, -2, 2))
            assert _value(flat, n) == expected, (to_brackets(flat.graph), flat.phrase(n))
    assert seen["negated"] > 10 and seen["intensified"] > 10


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_roots_label_is_the_sentiment_tasks_rating_of_the_sentence(language):
    task = make_task("tree_sentiment", {**SMALL, "language": language})
    for flat in task.tree_train.trees:
        words = [t for t in flat.tokens if t is not None]
        sentence = task.separator.join(words)
        assert task.labels[flat.label[flat.root]] == rate(sentence, language)


def test_examples_of_the_rule_in_both_languages():
    english = make_task("tree_sentiment", {"train_size": 400, "test_size": 1})
    phrases = {
        f.phrase(n): int(f.label[n]) for f in english.tree_train.trees for n in range(f.size)
    }
    assert phrases.get("not very good", 1) == 1 and phrases.get("very good", 4) == 4
    assert phrases.get("not good", 1) == 1 and phrases.get("never bad", 3) == 3
    chinese = make_task("tree_sentiment", {"train_size": 50, "test_size": 1, "language": "zh"})
    tokens = {t for f in chinese.tree_train.trees for t in f.tokens if t}
    assert "不" in tokens and any(len(t) > 1 for t in tokens)  # words, not characters


@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_generated_treebank_tree_round_trips(language):
    task = make_task("tree_sentiment", {"train_size": 200, "test_size": 1, "language": language})
    for flat in task.tree_train.trees:
        text = to_brackets(flat.graph)
        assert to_brackets(parse_tree(text)) == text
        assert nx.utils.graphs_equal(parse_tree(text), flat.graph)


def test_the_sequence_view_reads_the_leaves_and_predicts_the_root():
    task = make_task("tree_sentiment", SMALL)
    assert isinstance(task, TreeTask) and task.spec_fields["mode"] == "seq2class"
    for i, flat in enumerate(task.tree_train.trees):
        length = task.train.lengths[i]
        words = task.vocabulary.decode(task.train.inputs[i, :length])
        assert words == [t for t in flat.tokens if t is not None]
        assert task.train.targets[i] == flat.label[flat.root]


def test_the_tree_view_gives_what_a_tree_network_trains_on():
    view = make_task("tree_sentiment", SMALL).for_trees()
    spec = TreeSpec(model="su-rvnn", dim=4, **view.spec_fields)
    assert len(spec.untied_pairs) > 5
    x, y, lengths = view.train.batch([0, 3, 5])
    trace = TreeNetwork(spec).run(x, y, lengths)
    assert trace.batch_size == 3 and trace.lengths.tolist() == lengths.tolist()
    text, _, label = view.describe("test", 0).partition("  ->  ")
    assert text.startswith("(S:") and label in view.labels


def _write(tmp_path, name, lines):
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


SST = [
    "(3 (2 (2 The) (2 film)) (3 (2 is) (3 good)))",
    "(1 (2 It) (1 (2 is) (1 (1 not) (3 good))))",
    "",
    "(4 (2 Very) (4 good))",
    "(0 (2 很) (0 (0 糟糕) (2 。)))",
    "(2 (S (NP (2 a) (2 b) (2 c)) (VP (2 d))))",
]


def test_a_person_s_tree_file(tmp_path):
    path = _write(tmp_path, "train.txt", SST)
    task = make_task("tree_file", {"path": path, "test_fraction": 0.2})
    assert len(task.train) + len(task.test) == 5 and len(task.test) == 1
    assert task.labels == ["0", "1", "2", "3", "4"]
    view = task.for_trees()
    trees = view.train.trees + view.test.trees
    assert all(is_binary(t.graph) for t in trees)
    # (2 (S (NP a b c) (VP (2 d)))): unary chains keep the top label and the first category
    # down; the three-word NP is right-factored
    wide = next(t for t in trees if "a" in t.tokens)
    assert to_brackets(wide.graph) == "(S:2 (NP (2 a) (@NP (2 b) (2 c))) (VP:2 d))"
    TreeNetwork(TreeSpec(model="rntn", dim=3, **view.spec_fields)).run(view.train.batch([0])[0])


def test_a_separate_test_file_and_unknown_test_words(tmp_path):
    train = _write(tmp_path, "train.txt", SST)
    test = _write(tmp_path, "test.txt", ["(3 (2 unseen) (3 good))"])
    task = make_task("tree_file", {"path": train, "test_path": test})
    assert len(task.train) == 5 and len(task.test) == 1
    flat = task.for_trees().test.trees[0]
    assert flat.word[0] == 1  # <unk>


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (["(3 (2 a) (3 b))", "(3 (2 a) (3 b)", "(1 c)"], r"bad\.txt line 2, column 15: expected "),
        (["(3 (2 a) (3 b))", "(1 (2 a) b)"], r"bad\.txt line 2, column 10: expected '\(' or '\)'"),
        (["(3 (2 a) (3 b))", "(S (2 a) (3 b))"], r"bad\.txt line 2: the root has no label"),
        (["(3 (2 a) (3 b))"], "needs at least 2 trees"),
        (["(0 a)", "(0 b)"], "needs labels 0 and 1"),
        (
            ["(1 a)", "(0 (99999999999 b) (1 c))"],
            r"bad\.txt line 2: label 99999999999 is too large",
        ),
        (  # int() refuses 4,300 digits and more: the reader stops at 18
            ["(1 a)", "(0 (" + "9" * 5000 + " b) (1 c))"],
            r"bad\.txt line 2, column 5: expected a label of at most 18 digits",
        ),
    ],
)
def test_file_errors_name_the_file_and_the_line(tmp_path, lines, message):
    path = _write(tmp_path, "bad.txt", lines)
    with pytest.raises(TaskError, match=message) as caught:
        make_task("tree_file", {"path": path})
    if "column" in message:
        assert str(caught.value).splitlines()[-1].strip() == "^"


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(TaskError, match="no such file"):
        make_task("tree_file", {"path": str(tmp_path / "nothing.txt")})


TREE_LIKE = st.text(alphabet=st.sampled_from("(() ) 0123ab汉\n"), max_size=60)


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(content=st.one_of(TREE_LIKE, st.text(max_size=40), st.binary(max_size=40)))
def test_any_file_gives_a_task_or_a_task_error(tmp_path, content):
    path = tmp_path / "any.txt"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    try:
        task = make_task("tree_file", {"path": str(path)})
    except TaskError:
        return
    assert len(task.train) >= 1 and len(task.test) >= 1
