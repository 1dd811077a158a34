"""EncoderDecoderSpec: validation naming field, value and what is allowed; JSON; parameter names."""

import numpy as np
import pytest

from simulator import SpecError
from simulator.encoder_decoder import EncoderDecoder, EncoderDecoderSpec
from simulator.errors import InputError


def test_spec_round_trips_through_json():
    spec = EncoderDecoderSpec(
        encoder_cell="gru",
        bidirectional=True,
        decoder_hidden_size=32,
        attention="bilinear",
        context="input",
        dtype="float32",
    )
    assert EncoderDecoderSpec.from_json(spec.to_json()) == spec
    assert EncoderDecoderSpec.from_dict(spec.to_dict()) == spec
    assert spec.to_dict()["mode"] == "encoder-decoder"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("encoder_cell", "tdnn"),
        ("decoder_cell", "transformer"),
        ("attention", "cosine"),
        ("context", "both"),
        ("bridge", "magic"),
        ("dtype", "float16"),
        ("mode", "seq2seq"),
        ("bidirectional", "yes"),
        ("target_vocab_size", 4),
        ("source_vocab_size", 2),
        ("encoder_hidden_size", 0),
        ("decoder_layers", 17),
        ("attention_size", 2.5),
        ("source_embedding_dim", True),
    ],
)
def test_bad_value_names_field_value_and_what_is_allowed(field, value):
    with pytest.raises(SpecError) as caught:
        EncoderDecoderSpec(**{field: value})
    err = caught.value
    assert err.field == field and err.value == value
    assert field in str(err) and repr(value) in str(err) and err.allowed in str(err)


def test_dot_scores_need_queries_as_wide_as_the_encoder_outputs():
    with pytest.raises(SpecError) as caught:
        EncoderDecoderSpec(
            attention="dot", bidirectional=True, encoder_hidden_size=8, decoder_hidden_size=8
        )
    assert caught.value.field == "attention" and "2 x 8 = 16" in str(caught.value)
    EncoderDecoderSpec(
        attention="dot", bidirectional=True, encoder_hidden_size=8, decoder_hidden_size=16
    )


def test_a_decoder_starting_from_zeros_needs_attention():
    with pytest.raises(SpecError, match="bridge"):
        EncoderDecoderSpec(bridge="zeros", attention="none")


def test_unknown_fields_are_named():
    with pytest.raises(SpecError, match="hidden_size"):
        EncoderDecoderSpec.from_dict({"hidden_size": 3})


def test_parameter_names_say_which_part_they_belong_to():
    spec = EncoderDecoderSpec(
        bidirectional=True,
        decoder_layers=2,
        attention="additive",
        context="input",
        encoder_hidden_size=4,
        decoder_hidden_size=6,
        source_embedding_dim=3,
        target_embedding_dim=5,
        attention_size=7,
    )
    state = EncoderDecoder(spec).state_dict()
    expected = {
        "encoder.embedding.weight": (16, 3),
        "encoder.weight_ih_l0": (16, 3),
        "encoder.weight_hh_l0_reverse": (16, 4),
        "bridge.weight_l1": (6, 8),
        "bridge.cell_weight_l0": (6, 8),
        "decoder.embedding.weight": (16, 5),
        "decoder.weight_ih_l0": (24, 5 + 8),  # [e(y_{t-1}); c_t] with input feeding
        "decoder.weight_ih_l1": (24, 6),
        "decoder.weight_hh_l1": (24, 6),
        "attention.W": (7, 8),
        "attention.U": (7, 6),
        "attention.v": (7,),
        "output.weight": (16, 6 + 8),
        "output.bias": (16,),
    }
    for name, shape in expected.items():
        assert state[name].shape == shape, name
    assert not any(
        name.startswith("bridge.") for name in EncoderDecoder(EncoderDecoderSpec()).params
    )


def test_the_same_seed_gives_the_same_parameters_and_load_state_dict_checks_them():
    spec = EncoderDecoderSpec(attention="bilinear")
    a, b = EncoderDecoder(spec, seed=4), EncoderDecoder(spec, seed=4)
    assert all(np.array_equal(a.params[n], b.params[n]) for n in a.params)
    state = a.state_dict()
    state["attention.W"] = np.zeros((2, 2))
    with pytest.raises(InputError, match="attention.W"):
        b.load_state_dict(state)
    del state["attention.W"]
    with pytest.raises(InputError, match="missing attention.W"):
        b.load_state_dict(state)
