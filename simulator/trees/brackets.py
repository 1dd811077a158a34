"""Bracketed trees as the Penn Treebank and the Stanford Sentiment Treebank write them.

    (3 (2 not) (3 (3 very) (4 good)))                 sentiment labels on every node (SST)
    (S (NP (DT the) (NN cat)) (VP (VBD sat)))         syntactic categories (PTB)
    (S:3 (NP:2 (DT:2 the) (NN:2 cat)) (VP:3 sat))     both: CATEGORY:LABEL
    ((the) (cat))                                     neither

The grammar, with white space between items free:

    node  := "(" HEAD TOKEN ")"      a leaf: a word with its label or category
           | "(" TOKEN ")"           a leaf without label or category
           | "(" HEAD? node+ ")"     a phrase; the head is optional (PTB's outer "( (S ...) )")
    HEAD  := LABEL | CATEGORY | CATEGORY ":" LABEL
    LABEL := a whole number written without leading zeros (0, 1, ..., 4 in the SST)

A TOKEN or HEAD is any run of characters other than white space and parentheses, so Chinese
words (and PTB's -LRB- for a parenthesis) are tokens like any other. Every text that parses
writes back to itself with its white space made single (`to_brackets(parse_tree(s))`).

A tree is a `networkx.DiGraph`: nodes numbered 0, 1, ... in reading order (the root is 0, also
kept in `tree.graph["root"]`), an edge from each node to each child, and node attributes
`token` (str, leaves only), `label` (int or None), `category` (str or None) and `order` (the
node's place among its siblings, 0 first). `children(tree, node)` lists them in order.

Anything else raises TreeSyntaxError (a ValueError) that gives the position (character offset,
line and column, and the line with a caret under the place) and says what was expected.
Parsing and writing use explicit stacks, so a tree nested thousands deep is no problem.
"""

from __future__ import annotations

import re
import unicodedata

import networkx as nx

_LABEL = re.compile(r"0|[1-9][0-9]*")
MAX_LABEL_DIGITS = 18  # labels are classes; beyond int64 a label cannot even be stored
_SHOWN = 60  # characters of a long line shown around the error


class TreeSyntaxError(ValueError):
    """Bracketed text that is not a tree.

    `offset` is the character offset into the text where the problem is, `line` and `column`
    the same place counted from 1, `expected` what the parser expected there and `found` what it
    found (a short description); `source` names the text (a file name, when there is one)."""

    def __init__(self, text: str, offset: int, expected: str, found: str, source: str = ""):
        self.offset = offset
        self.line = text.count("\n", 0, offset) + 1
        line_start = text.rfind("\n", 0, offset) + 1
        self.column = offset - line_start + 1
        self.expected = expected
        self.found = found
        self.source = source
        line_end = text.find("\n", offset)
        self.text_line = text[line_start : len(text) if line_end < 0 else line_end]
        where = f"{source}: " if source else ""
        super().__init__(
            f"{where}line {self.line}, column {self.column} (offset {offset}): "
            f"expected {expected}, found {found}\n{caret_lines(self.text_line, self.column - 1)}"
        )


def caret_lines(line: str, index: int) -> str:
    """The line (a window of it when long) and a caret under character `index` below it; wide
    characters (Chinese) count two columns so the caret stands under the right one."""
    start = max(0, min(index - _SHOWN // 2, len(line) - _SHOWN))
    shown = line[start : start + _SHOWN]
    prefix = "..." if start > 0 else ""
    suffix = "..." if start + _SHOWN < len(line) else ""
    shown = "".join(" " if c.isspace() else c for c in shown)  # tabs would move the caret
    width = _width(prefix + shown[: index - start])
    return f"  {prefix}{shown}{suffix}\n  {' ' * width}^"


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


# ----- reading ------------------------------------------------------------------------------
def parse_tree(text: str, source: str = "") -> nx.DiGraph:
    """The one tree in `text` (white space around it is fine). `source` names the text in
    error messages."""
    trees = _parse(text, source, single=True)
    return trees[0]


def parse_trees(text: str, source: str = "") -> list[nx.DiGraph]:
    """Every tree in `text`, one after another (a .mrg file whose trees span lines)."""
    return _parse(text, source, single=False)


def _describe(text: str, offset: int) -> str:
    if offset >= len(text):
        return "the end of the text"
    c = text[offset]
    if c in "()":
        return f"'{c}'"
    match = re.compile(r"[^\s()]+").match(text, offset)
    if match is None:  # white space cannot be found: the scanner skips it
        return repr(c)
    word = match.group()
    return f"the text '{word if len(word) <= 20 else word[:20] + '...'}'"


class _Open:
    """A node being read: where its "(" was, and what it holds so far."""

    __slots__ = ("offset", "head", "head_offset", "token", "children")

    def __init__(self, offset: int):
        self.offset = offset
        self.head: str | None = None
        self.head_offset = -1
        self.token: str | None = None
        self.children: list[int] = []


def _parse(text: str, source: str, single: bool) -> list[nx.DiGraph]:
    if not isinstance(text, str):
        raise TypeError(f"bracketed text must be a str, not {type(text).__name__}")
    trees: list[nx.DiGraph] = []
    tree: nx.DiGraph | None = None
    stack: list[_Open] = []
    ids: list[int] = []  # node id of each open node
    position, end = 0, len(text)

    def fail(expected: str, at: int) -> TreeSyntaxError:
        return TreeSyntaxError(text, at, expected, _describe(text, at), source)

    def head(opened: _Open) -> str | None:
        """The node's head, unless it holds a label too long to be a class."""
        label = (opened.head or "").rpartition(":")[2]
        if len(label) > MAX_LABEL_DIGITS and label.isdigit():
            raise fail(f"a label of at most {MAX_LABEL_DIGITS} digits", opened.head_offset)
        return opened.head

    while True:
        while position < end and text[position].isspace():
            position += 1
        if not stack:  # between trees
            if position == end:
                if not trees:
                    raise fail("'(' to start a tree", position)
                return trees
            stray = " (this ')' is unbalanced: it closes nothing)" if text[position] == ")" else ""
            if trees and single:
                raise fail("the end of the text after the tree" + stray, position)
            if text[position] != "(":
                raise fail("'(' to start a tree" + stray, position)
            tree = nx.DiGraph(root=0)
        if position == end:
            opened = stack[-1]
            line = text.count("\n", 0, opened.offset) + 1
            column = opened.offset - (text.rfind("\n", 0, opened.offset) + 1) + 1
            raise fail(f"')' to close the '(' at line {line}, column {column}", position)
        c = text[position]
        if c == "(":
            if stack and stack[-1].token is not None:
                raise fail(
                    f"')' after the token '{stack[-1].token}' (a leaf has no children)", position
                )
            node = tree.number_of_nodes()
            tree.add_node(node, token=None, label=None, category=None, order=0)
            if stack:
                parent = stack[-1]
                tree.nodes[node]["order"] = len(parent.children)
                tree.add_edge(ids[-1], node)
                parent.children.append(node)
            stack.append(_Open(position))
            ids.append(node)
            position += 1
            continue
        if c == ")":
            opened = stack[-1]
            node = ids[-1]
            if opened.head is None and not opened.children:
                raise fail("a label, a token or '(' inside the brackets (empty node)", position)
            attributes = tree.nodes[node]
            if opened.children:
                _set_head(attributes, head(opened))
            elif opened.token is None:  # (TOKEN): a leaf without label or category
                attributes["token"] = opened.head
            else:
                _set_head(attributes, head(opened))
                attributes["token"] = opened.token
            stack.pop()
            ids.pop()
            position += 1
            if not stack:
                trees.append(tree)
            continue
        # an atom: a head, or a leaf's token
        start = position
        while position < end and not text[position].isspace() and text[position] not in "()":
            position += 1
        atom = text[start:position]
        opened = stack[-1]
        if opened.head is None and not opened.children and opened.token is None:
            opened.head, opened.head_offset = atom, start
        elif opened.token is None and not opened.children:
            opened.token = atom
        elif opened.token is not None:
            raise fail(f"')' after the token '{opened.token}' (a leaf holds one token)", start)
        else:
            raise fail("'(' or ')' (a phrase holds bracketed nodes, not bare words)", start)


def _set_head(attributes: dict, head: str | None) -> None:
    """A head is a label (a whole number), a category, or CATEGORY:LABEL."""
    if head is None:
        return
    if _LABEL.fullmatch(head):
        attributes["label"] = int(head)
        return
    category, colon, label = head.rpartition(":")
    if colon and category and _LABEL.fullmatch(label):
        attributes["category"], attributes["label"] = category, int(label)
    else:
        attributes["category"] = head


# ----- structure ------------------------------------------------------------------------------
def root(tree: nx.DiGraph):
    """The root node: tree.graph["root"], or the one node without a parent."""
    node = tree.graph.get("root")
    if node is not None and node in tree:
        return node
    roots = [n for n, degree in tree.in_degree() if degree == 0]
    if len(roots) != 1:
        raise ValueError(f"a tree has one root; this graph has {len(roots)}")
    return roots[0]


def children(tree: nx.DiGraph, node) -> list:
    """The children of `node`, left to right (by their `order` attribute)."""
    return sorted(tree.successors(node), key=lambda child: tree.nodes[child].get("order", 0))


def leaves(tree: nx.DiGraph) -> list:
    """The leaves, left to right."""
    out, stack = [], [root(tree)]
    while stack:
        node = stack.pop()
        below = children(tree, node)
        if below:
            stack.extend(reversed(below))
        else:
            out.append(node)
    return out


def tokens(tree: nx.DiGraph) -> list[str]:
    """The sentence: the leaves' tokens, left to right."""
    return [tree.nodes[leaf].get("token") for leaf in leaves(tree)]


def head_text(attributes: dict) -> str | None:
    """How a node's label and category are written: 3, NP, NP:3, or None for neither."""
    label, category = attributes.get("label"), attributes.get("category")
    if category is None:
        return None if label is None else str(label)
    return category if label is None else f"{category}:{label}"


# ----- writing ------------------------------------------------------------------------------
def to_brackets(tree: nx.DiGraph) -> str:
    """The tree as one line of bracketed text; parse_tree reads it back to the same tree."""
    parts: list[str] = []
    stack: list[tuple[object, bool]] = [(root(tree), False)]
    while stack:
        node, closing = stack.pop()
        if closing:
            parts.append(")")
            continue
        attributes = tree.nodes[node]
        head = head_text(attributes)
        below = children(tree, node)
        if head is not None:
            _check_atom(head, f"the label or category of node {node!r}")
        if parts and parts[-1] != "(":
            parts.append(" ")
        if not below:
            token = attributes.get("token")
            if token is None:
                raise ValueError(f"leaf {node!r} has no token")
            _check_atom(token, f"the token of leaf {node!r}")
            parts.append(f"({token})" if head is None else f"({head} {token})")
            continue
        parts.append("(" if head is None else f"({head}")
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(below))
    return "".join(parts)


def _check_atom(text: str, what: str) -> None:
    if not isinstance(text, str) or not text or any(c.isspace() or c in "()" for c in text):
        raise ValueError(
            f"{what} is {text!r}: it must be non-empty text without spaces or parentheses"
            " (the Penn Treebank writes -LRB- and -RRB- for parentheses)"
        )
