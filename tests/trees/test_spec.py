"""TreeSpec: validated on creation, a JSON round trip, parameter counts."""

import pytest

from simulator import SpecError
from simulator.trees import MODELS, TreeNetwork, TreeSpec
from simulator.trees.parameters import parameter_counts
from simulator.trees.spec import MAX_PARAMETERS


def test_defaults_and_every_model_make_a_network():
    for model in MODELS:
        spec = TreeSpec(model=model, vocab_size=10, dim=4, output_size=3, untied_pairs=["A B"])
        assert spec.untied_pairs == ("A B",)
        net = TreeNetwork(spec, seed=0)
        assert net.num_parameters == spec.num_parameters == net.flat.size


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"model": "rnn"}, "model"),
        ({"activation": "softmax"}, "activation"),
        ({"dtype": "float16"}, "dtype"),
        ({"dim": 0}, "dim"),
        ({"dim": 2.0}, "dim"),
        ({"vocab_size": True}, "vocab_size"),
        ({"output_size": 1}, "output_size"),
        ({"untied_pairs": ("NP",)}, "untied_pairs"),
        ({"untied_pairs": ("NP  VP",)}, "untied_pairs"),
        ({"untied_pairs": ("NP VP", "NP VP")}, "untied_pairs"),
        ({"untied_pairs": "NP VP"}, "untied_pairs"),
        ({"model": "mv-rnn", "vocab_size": 20_000, "dim": 64}, "dim"),
    ],
)
def test_a_bad_value_names_the_field_the_value_and_what_is_allowed(fields, field):
    with pytest.raises(SpecError) as caught:
        TreeSpec(**fields)
    assert caught.value.field == field
    assert f"{field} = " in str(caught.value)


def test_json_round_trip():
    spec = TreeSpec(model="su-rvnn", vocab_size=30, dim=6, untied_pairs=("DT NN", "名 动"))
    assert TreeSpec.from_json(spec.to_json()) == spec
    assert TreeSpec.from_dict(spec.to_dict()) == spec


def test_unknown_fields_and_bad_json_are_reported():
    with pytest.raises(SpecError, match="unknown field"):
        TreeSpec.from_dict({"modle": "rntn"})
    with pytest.raises(SpecError, match="expected JSON"):
        TreeSpec.from_json("{model: rntn")


def test_the_mv_rnn_needs_a_matrix_for_every_word():
    counts = parameter_counts(vocab_size=20_000, dim=25, output_size=5)
    d = 25
    assert counts["rvnn"] == 20_000 * d + d * 2 * d + d + 5 * d + 5
    assert counts["rntn"] == counts["rvnn"] + d * (2 * d) ** 2
    assert counts["mv-rnn"] == counts["rvnn"] + 20_000 * d * d + d * 2 * d
    assert counts["mv-rnn"] > 20 * counts["rvnn"]
    assert parameter_counts(20_000, 64, 5)["mv-rnn"] > MAX_PARAMETERS
