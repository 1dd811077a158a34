"""Stepping through an encoder-decoder trace in the order the engine computes it."""

import numpy as np
import pytest

from simulator.encoder_decoder.stepper import EncoderDecoderStepper

from .examples import random_pairs, small_model


def _trace(backward=True, **fields):
    model = small_model(**fields)
    source, target, sl, tl = random_pairs(model.spec)
    return model.run(source, target, sl, tl, backward=backward)


@pytest.mark.parametrize("context", ["output", "input"])
def test_every_value_appears_once_forward_and_once_backward(context):
    trace = _trace(attention="additive", context=context, bidirectional=True, decoder_layers=2)
    stepper = EncoderDecoderStepper(trace, example=1)
    S, T = 3, 2  # example 1's lengths
    per_pass = 1 * 2 * S + 1 + 2 * T + T  # encoder, bridge, decoder, attention
    assert len(stepper) == 2 * per_pass + 1
    names = [e.name for e in stepper.events]
    assert len(set(names)) == len(names)
    for index, name in enumerate(names):
        assert stepper.find(name) == index
    assert names[stepper.loss_at] == "loss"
    assert names[0] == "encoder:0:forward:0" and names[-1] == "backward:encoder:0:reverse:2"


def test_input_feeding_attends_before_each_step_and_the_output_placement_after_all():
    feeding = EncoderDecoderStepper(_trace(attention="dot", context="input"))
    at = feeding.forward_at
    assert np.all(at["attention"] < at["decoder"][0])  # query s_{t-1}: before step t
    assert np.all(at["decoder"][0, :-1] < at["attention"][1:])
    luong = EncoderDecoderStepper(_trace(attention="dot", context="output"))
    assert luong.forward_at["decoder"].max() < luong.forward_at["attention"].min()
    assert luong.backward_at["attention"].max() < luong.backward_at["decoder"].min()


def test_what_is_known_grows_with_the_cursor():
    stepper = EncoderDecoderStepper(_trace(attention="additive", context="output"))
    stepper.goto(stepper.find("attention:1"))
    assert stepper.known_attention().tolist() == [True, True, False, False]
    assert stepper.known_decoder(0).all() and stepper.known_encoder(0).all()
    assert not stepper.known_gradients("bridge")
    stepper.goto(stepper.find("backward:bridge"))
    assert stepper.known_gradients("bridge") and stepper.known_gradients("attention").all()
    assert not stepper.known_gradients("encoder", 0, 0).any()
    stepper.end()
    assert stepper.known_gradients("encoder", 0, 0).all()


def test_without_gradients_there_is_no_loss_or_backward_event():
    stepper = EncoderDecoderStepper(_trace(backward=False, attention="none"))
    assert stepper.loss_at is None and {e.phase for e in stepper.events} == {"forward"}
    assert stepper.to_loss() == stepper.events[-1]
    with pytest.raises(ValueError, match="attention:0"):
        stepper.find("attention:0")
