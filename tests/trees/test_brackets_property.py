"""Whatever text it is given, the reader returns a tree or raises its own TreeSyntaxError; any
tree it can hold writes out and reads back the same."""

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.trees import TreeSyntaxError, parse_tree, parse_trees, to_brackets

BRACKET_LIKE = st.text(alphabet=st.sampled_from("(() ) 3:NPab汉\n\t\x0b\u3000"), max_size=40)
ANY_TEXT = st.one_of(BRACKET_LIKE, st.text(max_size=40))


@settings(max_examples=400, deadline=None)
@given(text=ANY_TEXT)
def test_any_text_gives_a_tree_or_a_tree_syntax_error(text):
    for read in (parse_tree, parse_trees):
        try:
            result = read(text)
        except TreeSyntaxError as error:
            assert 0 <= error.offset <= len(text)
            assert error.line >= 1 and error.column >= 1
            continue
        trees = result if isinstance(result, list) else [result]
        for tree in trees:  # what was read writes back to text that reads the same
            assert nx.utils.graphs_equal(parse_tree(to_brackets(tree)), tree)


ATOMS = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="()"),
    min_size=1,
    max_size=5,
).filter(lambda s: not any(c.isspace() for c in s))
LABELS = st.one_of(st.none(), st.integers(0, 12))
CATEGORIES = st.one_of(st.none(), st.sampled_from(["S", "NP", "VP", "@NP", ":", "-NONE-", "名词"]))


def _leaf():
    return st.tuples(ATOMS, LABELS, CATEGORIES)


TREES = st.recursive(_leaf(), lambda below: st.tuples(st.lists(below, min_size=1, max_size=4),
                     LABELS, CATEGORIES), max_leaves=12)  # fmt: skip


def _graph(spec) -> nx.DiGraph:
    tree = nx.DiGraph(root=0)
    stack = [(spec, None, 0)]
    while stack:
        (body, label, category), parent, order = stack.pop()
        node = tree.number_of_nodes()
        tree.add_node(node, token=None, label=label, category=category, order=order)
        if parent is not None:
            tree.add_edge(parent, node)
        if isinstance(body, str):
            tree.nodes[node]["token"] = body
        else:
            stack.extend((child, node, k) for k, child in reversed(list(enumerate(body))))
    return tree


@settings(max_examples=300, deadline=None)
@given(spec=TREES)
def test_any_tree_round_trips_through_text(spec):
    tree = _graph(spec)
    text = to_brackets(tree)
    back = parse_tree(text)
    assert to_brackets(back) == text
    # nodes read back in the same order with the same attributes (the writer keeps both)
    assert [back.nodes[n]["token"] for n in back] == [tree.nodes[n]["token"] for n in tree]
    assert [back.nodes[n]["label"] for n in back] == [tree.nodes[n]["label"] for n in tree]
    assert [back.nodes[n]["category"] for n in back] == [tree.nodes[n]["category"] for n in tree]
