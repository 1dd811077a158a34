"""Bracketed trees: reading, writing back the same text, and errors that say where and what."""

import networkx as nx
import pytest

from simulator.trees import (
    TreeSyntaxError,
    children,
    leaves,
    parse_tree,
    parse_trees,
    to_brackets,
    tokens,
)


def _attributes(tree, node):
    data = tree.nodes[node]
    return (data["token"], data["label"], data["category"])


def test_a_sentiment_tree_has_a_label_on_every_node_and_tokens_at_the_leaves():
    tree = parse_tree("(3 (2 not) (3 (3 very) (4 good)))")
    assert isinstance(tree, nx.DiGraph) and tree.graph["root"] == 0
    assert tokens(tree) == ["not", "very", "good"]
    assert [tree.nodes[n]["label"] for n in sorted(tree)] == [3, 2, 3, 3, 4]
    top_left, top_right = children(tree, 0)
    assert _attributes(tree, top_left) == ("not", 2, None)
    assert _attributes(tree, top_right) == (None, 3, None)
    assert [tree.nodes[c]["order"] for c in children(tree, top_right)] == [0, 1]


def test_a_penn_treebank_tree_has_categories_and_no_labels():
    tree = parse_tree("(S (NP (DT the) (NN cat)) (VP (VBD sat)))")
    assert tree.nodes[0]["category"] == "S" and tree.nodes[0]["label"] is None
    assert [tree.nodes[leaf]["category"] for leaf in leaves(tree)] == ["DT", "NN", "VBD"]
    assert tokens(tree) == ["the", "cat", "sat"]


def test_category_and_label_together_and_heads_that_only_look_like_labels():
    tree = parse_tree("(S:3 (NP:2 x) (007 y) (: z) (-NONE- *T*-1))")
    assert (tree.nodes[0]["category"], tree.nodes[0]["label"]) == ("S", 3)
    heads = [(tree.nodes[c]["category"], tree.nodes[c]["label"]) for c in children(tree, 0)]
    assert heads == [("NP", 2), ("007", None), (":", None), ("-NONE-", None)]


def test_chinese_tokens_and_categories():
    tree = parse_tree("(S:1 (NN:2 这部电影) (VP:1 (NEG:2 不) (VA:3 好看)))")
    assert tokens(tree) == ["这部电影", "不", "好看"]


def test_labels_are_optional_everywhere():
    tree = parse_tree("( ((the) (cat)) (sat) )")
    assert tokens(tree) == ["the", "cat", "sat"]
    assert all(tree.nodes[n]["label"] is None for n in tree)
    assert to_brackets(tree) == "(((the) (cat)) (sat))"


ROUND_TRIP = [
    "(3 (2 not) (3 (3 very) (4 good)))",
    "(S (NP (DT the) (JJ big) (NN cat)) (VP (VBD sat) (PP (IN on) (NP (DT the) (NN mat)))))",
    "((S (NP (PRP I)) (VP (VBP see))))",
    "(S:3 (NP:2 x) (VP:3 (V:2 y) (ADJP:4 z)))",
    "(1 (2 -LRB-) (1 (2 it) (1 -RRB-)))",
    "((a) (b))",
    "(x)",
    "(0 单)",
]


@pytest.mark.parametrize("text", ROUND_TRIP)
def test_trees_write_back_to_the_same_text(text):
    tree = parse_tree(text)
    assert to_brackets(tree) == text
    again = parse_tree(to_brackets(tree))
    assert nx.utils.graphs_equal(tree, again)


def test_white_space_is_free_and_written_back_single():
    text = "  (3\n\t(2  not)\r\n  (3 (3 very)(4 good) ) )  "
    assert to_brackets(parse_tree(text)) == "(3 (2 not) (3 (3 very) (4 good)))"


def test_several_trees_in_one_text():
    trees = parse_trees("(1 a)\n(2 (1 b) (3 c))\n\n (0 d)")
    assert [tokens(t) for t in trees] == [["a"], ["b", "c"], ["d"]]


def test_a_tree_nested_ten_thousand_deep_reads_and_writes():
    depth = 10_000
    text = "(1 " * depth + "(2 x)" + ")" * depth
    tree = parse_tree(text)
    assert tree.number_of_nodes() == depth + 1
    assert to_brackets(tree) == text


# (text, offset of the problem, words of what was expected)
MALFORMED = [
    ("", 0, "'(' to start a tree"),
    ("   ", 3, "'(' to start a tree"),
    ("(", 1, "')' to close the '(' at line 1, column 1"),
    ("()", 1, "empty node"),
    ("( )", 2, "empty node"),
    ("(3 (2 a)", 8, "')' to close the '(' at line 1, column 1"),
    ("(3 (2 a) (2 b)", 14, "')' to close"),
    ("(2 a))", 5, "the end of the text after the tree (this ')' is unbalanced"),
    (")", 0, "'(' to start a tree (this ')' is unbalanced"),
    ("(2 a) (3 b)", 6, "the end of the text after the tree"),
    ("(2 a) junk", 6, "the end of the text after the tree"),
    ("junk (2 a)", 0, "'(' to start a tree"),
    ("(NN the cat)", 8, "')' after the token 'the'"),
    ("(3 (2 a) b)", 9, "'(' or ')'"),
    ("(3 a (2 b))", 5, "')' after the token 'a'"),
]


@pytest.mark.parametrize(("text", "offset", "expected"), MALFORMED)
def test_malformed_text_names_the_place_and_what_was_expected(text, offset, expected):
    with pytest.raises(TreeSyntaxError) as caught:
        parse_tree(text)
    error = caught.value
    assert isinstance(error, ValueError)
    assert error.offset == offset
    assert expected in error.expected
    message = str(error)
    assert f"offset {offset}" in message and "expected" in message and "found" in message
    shown, caret = message.splitlines()[-2:]
    assert caret.strip() == "^"


def test_the_caret_stands_under_the_problem_on_its_line():
    text = "(3 (2 a)\n   (2 b) stray)"
    with pytest.raises(TreeSyntaxError) as caught:
        parse_tree(text)
    error = caught.value
    assert (error.line, error.column) == (2, 10)
    assert error.offset == text.index("stray")
    assert error.found == "the text 'stray'"
    shown, caret = str(error).splitlines()[-2:]
    assert shown == "     (2 b) stray)"
    assert caret.index("^") == shown.index("stray")


def test_the_caret_counts_chinese_characters_as_two_columns():
    with pytest.raises(TreeSyntaxError) as caught:
        parse_tree("(1 (2 电影) 好)")
    shown, caret = str(caught.value).splitlines()[-2:]
    assert caret.index("^") == len("  (1 (2 ") + 2 * len("电影") + len(") ")


def test_a_source_name_is_part_of_the_message():
    with pytest.raises(TreeSyntaxError, match=r"^train\.txt: line 1, column 2"):
        parse_tree("()", source="train.txt")


def test_writing_a_token_that_cannot_be_read_back_is_refused():
    tree = parse_tree("(1 x)")
    tree.nodes[0]["token"] = "two words"
    with pytest.raises(ValueError, match="without spaces or parentheses"):
        to_brackets(tree)
