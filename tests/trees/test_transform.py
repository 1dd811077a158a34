"""Binarising, collapsing unary chains, and the bottom-up order the kernels read."""

import networkx as nx
import numpy as np

from simulator.trees import (
    binarise,
    collapse_unaries,
    debinarise,
    flatten,
    is_binary,
    normalise,
    parse_tree,
    to_brackets,
)
from simulator.trees.shapes import balanced, left_branching, right_branching


def test_phrases_of_more_than_two_are_right_factored_with_marked_intermediate_nodes():
    tree = binarise(parse_tree("(X:3 (1 a) (2 b) (3 c) (4 d))"))
    assert to_brackets(tree) == "(X:3 (1 a) (@X (2 b) (@X (3 c) (4 d))))"
    intermediate = [n for n in tree if tree.nodes[n]["category"] == "@X"]
    assert len(intermediate) == 2
    assert all(tree.nodes[n]["label"] is None for n in intermediate)  # not trained on


def test_a_phrase_without_category_gets_the_bare_mark():
    assert to_brackets(binarise(parse_tree("((a) (b) (c))"))) == "((a) (@ (b) (c)))"


def test_debinarise_undoes_binarise():
    text = "(S (NP (DT the) (JJ big) (JJ red) (NN cat)) (VP (VBD sat)) (. .))"
    tree = parse_tree(text)
    assert to_brackets(debinarise(binarise(tree))) == text


def test_a_unary_chain_keeps_the_top_label_and_category_and_the_bottom_token():
    tree = collapse_unaries(parse_tree("(NP:3 (NN:1 cat))"))
    assert to_brackets(tree) == "(NP:3 cat)"
    assert tree.nodes[0]["merged"] == ("NN:1",)


def test_a_chain_top_without_a_head_takes_the_next_one_down():
    tree = collapse_unaries(parse_tree("( (S:2 (NP:1 (DT:2 the) (NN:1 cat)) (VP:2 sat)) )"))
    assert to_brackets(tree) == "(S:2 (NP:1 (DT:2 the) (NN:1 cat)) (VP:2 sat))"
    partial = collapse_unaries(parse_tree("(NP (2 (JJ x)))"))
    assert to_brackets(partial) == "(NP:2 x)"


def test_normalise_makes_any_tree_binary_and_leaves_a_binary_tree_as_it_was():
    ptb = parse_tree("( (S (NP (NNP John)) (VP (VBD gave) (NP (PRP her)) (NP (DT a) (NN book)))) )")
    tree = normalise(ptb)
    assert is_binary(tree) and not is_binary(ptb)
    assert to_brackets(tree) == (
        "(S (NP John) (VP (VBD gave) (@VP (NP her) (NP (DT a) (NN book)))))"
    )
    sst = parse_tree("(3 (2 not) (3 (3 very) (4 good)))")
    assert nx.utils.graphs_equal(normalise(sst), sst)


def test_nodes_are_ordered_words_first_then_phrases_by_height_children_before_parents():
    flat = flatten(parse_tree("(3 (2 (1 a) (2 b)) (3 (2 c) (3 (3 d) (4 e))))"), {})
    assert flat.tokens[:5] == ["a", "b", "c", "d", "e"]
    assert flat.height.tolist() == [0, 0, 0, 0, 0, 1, 1, 2, 3]
    phrases = np.flatnonzero(flat.left >= 0)
    assert np.all(flat.left[phrases] < phrases) and np.all(flat.right[phrases] < phrases)
    assert flat.root == flat.size - 1 and flat.parent[flat.root] == -1
    assert [flat.phrase(n) for n in phrases] == ["a b", "d e", "c d e", "a b c d e"]
    assert flat.label.tolist() == [1, 2, 2, 3, 4, 2, 3, 3, 3]


def test_a_left_chain_is_ordered_like_the_steps_of_a_recurrent_network():
    flat = flatten(left_branching(list("wxyz")), {})
    phrases = np.flatnonzero(flat.left >= 0)
    assert [flat.phrase(n) for n in phrases] == ["w x", "w x y", "w x y z"]
    assert flat.height[phrases].tolist() == [1, 2, 3]


def test_shapes_over_tokens():
    assert to_brackets(left_branching(list("abc"))) == "(((a) (b)) (c))"
    assert to_brackets(right_branching(list("abc"))) == "((a) ((b) (c)))"
    assert to_brackets(balanced(list("abcde"))) == "((((a) (b)) (c)) ((d) (e)))"


def test_word_ids_come_from_the_vocabulary_or_the_leaves():
    tree = parse_tree("(1 (2 seen) (0 new))")
    assert flatten(tree, {"seen": 5}).word.tolist() == [5, 1, -1]
    assert flatten(left_branching(["p", "q"], words=[7, 8])).word.tolist() == [7, 8, -1]
    su_pairs = flatten(parse_tree("(S (NP x) (VP (V y) (N z)))"), {}).pairs
    assert [p for p in su_pairs if p] == ["V N", "NP VP"]
