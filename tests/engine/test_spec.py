import pytest

from simulator import NetworkSpec, SpecError

DENSE = {"input_size": 3}


def test_default_dense_spec_is_valid_and_round_trips_through_json():
    spec = NetworkSpec(cell="gru", input_size=5, hidden_size=7, bidirectional=True)
    again = NetworkSpec.from_json(spec.to_json())
    assert again == spec


def test_token_spec_round_trips_and_knows_its_input_width():
    spec = NetworkSpec(vocab_size=20, embedding_dim=6, mode="seq2class", pooling="mean")
    assert NetworkSpec.from_dict(spec.to_dict()) == spec
    assert spec.tokens and spec.features == 6


@pytest.mark.parametrize(
    "field, value",
    [
        ("cell", "transformer"),
        ("activation", "softplus"),
        ("gru_variant", "keras"),
        ("mode", "seq2tree"),
        ("pooling", "max"),
        ("loss", "hinge"),
        ("dtype", "float16"),
        ("hidden_size", 0),
        ("hidden_size", 2.5),
        ("hidden_size", True),
        ("num_layers", 17),
        ("delay", -1),
        ("bidirectional", "yes"),
        ("residual", 1),
        ("input_size", -4),
    ],
)
def test_bad_value_names_field_value_and_what_is_allowed(field, value):
    with pytest.raises(SpecError) as caught:
        NetworkSpec(**{**DENSE, field: value})
    err = caught.value
    assert isinstance(err, ValueError)
    assert err.field == field and err.value == value
    assert field in str(err) and repr(value) in str(err) and err.allowed in str(err)


def test_inputs_must_be_dense_or_tokens_not_neither_nor_both():
    with pytest.raises(SpecError, match="input_size"):
        NetworkSpec()
    with pytest.raises(SpecError, match="vocab_size"):
        NetworkSpec(input_size=3, vocab_size=10, embedding_dim=4)
    with pytest.raises(SpecError, match="embedding_dim"):
        NetworkSpec(vocab_size=10)


def test_cross_entropy_needs_two_classes():
    with pytest.raises(SpecError, match="output_size"):
        NetworkSpec(input_size=2, output_size=1, loss="cross_entropy")
    assert NetworkSpec(input_size=2, output_size=1, loss="mse").output_size == 1


def test_unknown_json_field_is_named():
    with pytest.raises(SpecError) as caught:
        NetworkSpec.from_dict({"input_size": 3, "hiden_size": 4})
    assert caught.value.field == "hiden_size"


def test_broken_json_is_a_spec_error():
    with pytest.raises(SpecError, match="expected JSON"):
        NetworkSpec.from_json("{cell: lstm")


def test_fields_of_other_cells_are_kept_when_switching_cell():
    spec = NetworkSpec(cell="rnn", input_size=2, residual=True, activation="relu")
    back = spec.replace(cell="lstm").replace(cell="rnn")
    assert back.residual and back.activation == "relu"
