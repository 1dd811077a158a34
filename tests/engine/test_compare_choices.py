"""What compare mode offers: pairs (field, value) that each make a valid second network, never
the network's own setting, the notes' contrast first."""

import pytest

from simulator.kinds import compare_choices
from simulator.project import Project
from simulator.resources import EXAMPLES, example

EXAMPLE_NAMES = sorted(p.name.removesuffix(".rnnsim.json") for p in EXAMPLES.glob("*.rnnsim.json"))


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_no_offered_pair_is_the_networks_own_setting(name):
    spec = Project.load(example(name)).spec
    pairs = compare_choices(spec)
    assert pairs and len(set(pairs)) == len(pairs)
    for field, value in pairs:
        assert getattr(spec, field) != value, (field, value)


def test_the_notes_contrasts_come_first_and_the_remedies_are_offered():
    first = {n: compare_choices(Project.load(example(n)).spec)[0] for n in
             ("adding_lstm", "reverse_attention", "tree_sentiment_rntn")}  # fmt: skip
    assert first == {
        "adding_lstm": ("cell", "rnn"),
        "reverse_attention": ("attention", "none"),
        "tree_sentiment_rntn": ("model", "rvnn"),
    }
    residual = compare_choices(Project.load(example("digit_memory_residual_rnn")).spec)
    assert ("residual", False) in residual
    assert ("bidirectional", False) in compare_choices(
        Project.load(example("segmentation_bilstm")).spec
    )
    assert all(field != "residual" for field, _ in compare_choices(
        Project.load(example("adding_lstm")).spec))  # fmt: skip
