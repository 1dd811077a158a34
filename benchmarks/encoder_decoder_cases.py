"""The encoder-decoder cases of benchmarks/engine.py: the models, their contenders (our engine in
float64 and float32, the NumPy reference in simulator/reference/encoder_decoder.py, PyTorch) and the
check that all agree before anything is timed.

LSTM encoder and LSTM decoder (the decoder starts from the encoder's final state, copied),
source and target vocabularies of 32, embeddings of 32, teacher-forced loss and full backward:
without attention, and with additive attention at the output (Luong: the decoder runs as a
whole sequence) or at the input (Bahdanau's input feeding: step by step; PyTorch then steps an
LSTMCell in a Python loop).
"""

import timing  # first: puts the checkout on sys.path  # noqa: I001

from dataclasses import dataclass  # noqa: E402

import numpy as np  # noqa: E402
from simulator.reference import encoder_decoder as encoder_decoder_reference  # noqa: E402

from simulator.encoder_decoder import EncoderDecoder, EncoderDecoderSpec  # noqa: E402

try:
    import torch
except ImportError:
    torch = None

S2S_VOCAB = 32
S2S_EMBED = 32
S2S_LABELS = {"none": "no attention", "output": "additive@output", "input": "additive@input"}


@dataclass(frozen=True)
class EncoderDecoderCase:
    B: int
    context: str  # none, output, input
    H: int = 64
    S: int = 20
    T: int = 20

    def __str__(self):
        return f"B={self.B} {S2S_LABELS[self.context]}"

    @property
    def name(self) -> str:
        return f"s2s-b{self.B}-{self.context}"


ENCODER_DECODER_CASES = [EncoderDecoderCase(B, context) for B in (1, 32) for context in S2S_LABELS]
SEQ2SEQ_CHECK = [EncoderDecoderCase(3, context, H=8, S=6, T=5) for context in S2S_LABELS]


def encoder_decoder_model(case: EncoderDecoderCase, dtype: str):
    spec = EncoderDecoderSpec(
        source_vocab_size=S2S_VOCAB,
        target_vocab_size=S2S_VOCAB,
        source_embedding_dim=S2S_EMBED,
        target_embedding_dim=S2S_EMBED,
        encoder_hidden_size=case.H,
        decoder_hidden_size=case.H,
        attention="none" if case.context == "none" else "additive",
        attention_size=case.H,
        context="input" if case.context == "input" else "output",
        dtype=dtype,
    )
    return EncoderDecoder(spec, seed=0)


def encoder_decoder_example(case: EncoderDecoderCase):
    rng = np.random.default_rng(2)
    return rng.integers(4, S2S_VOCAB, (case.B, case.S)), rng.integers(
        4, S2S_VOCAB, (case.B, case.T)
    )


def encoder_decoder_engine_step(case: EncoderDecoderCase, dtype: str):
    model = encoder_decoder_model(case, dtype)
    source, target = encoder_decoder_example(case)
    return lambda: model.run(source, target)


def encoder_decoder_numpy_step(case: EncoderDecoderCase):
    params = encoder_decoder_model(case, "float64").state_dict()
    source, target = encoder_decoder_example(case)
    return lambda: encoder_decoder_reference.run(params, source, target, case.context)


class TorchEncoderDecoder:
    """The same encoder-decoder from torch.nn.LSTM (and LSTMCell for input feeding)."""

    def __init__(self, case: EncoderDecoderCase, dtype: str):
        self.case = case
        kind = getattr(torch, dtype)
        state = {
            n: torch.from_numpy(a)
            for n, a in encoder_decoder_model(case, dtype).state_dict().items()
        }
        self.encoder = torch.nn.LSTM(S2S_EMBED, case.H, batch_first=True, dtype=kind)
        if case.context == "input":
            self.decoder = torch.nn.LSTMCell(S2S_EMBED + case.H, case.H, dtype=kind)
            names = {n: f"decoder.{n}_l0" for n, _ in self.decoder.named_parameters()}
        else:
            self.decoder = torch.nn.LSTM(S2S_EMBED, case.H, batch_first=True, dtype=kind)
            names = {n: f"decoder.{n}" for n, _ in self.decoder.named_parameters()}
        self.encoder.load_state_dict({n: state[f"encoder.{n}"] for n in self.encoder.state_dict()})
        self.decoder.load_state_dict({n: state[names[n]] for n in self.decoder.state_dict()})
        rest = [
            n
            for n in state
            if not n.startswith(
                ("encoder.weight", "encoder.bias", "decoder.weight", "decoder.bias")
            )
        ]
        self.p = {n: state[n].clone().requires_grad_() for n in rest}
        self.names = names

    def attend(self, memory, keys, q):
        """One query per example: q (B, H) -> context (B, M)."""
        hidden = torch.tanh(keys + (q @ self.p["attention.U"].T).unsqueeze(1))  # (B, S, A)
        alpha = torch.softmax(hidden @ self.p["attention.v"], dim=-1)
        return (alpha.unsqueeze(1) @ memory).squeeze(1)

    def loss(self, source, previous, target):
        p, B = self.p, source.shape[0]
        memory, (h, c) = self.encoder(p["encoder.embedding.weight"][source])
        embedded = p["decoder.embedding.weight"][previous]
        if self.case.context == "input":
            keys = memory @ p["attention.W"].T
            h, c = h[0], c[0]
            features = []
            for t in range(embedded.shape[1]):
                context = self.attend(memory, keys, h)  # query s_{t-1}
                h, c = self.decoder(torch.cat([embedded[:, t], context], dim=1), (h, c))
                features.append(torch.cat([h, context], dim=1))
            features = torch.stack(features, dim=1)
        else:
            states, _ = self.decoder(embedded, (h, c))
            features = states
            if self.case.context == "output":  # every step's query s_t at once: (B, T, S, A)
                keys = (memory @ p["attention.W"].T).unsqueeze(1)
                hidden = torch.tanh(keys + (states @ p["attention.U"].T).unsqueeze(2))
                alpha = torch.softmax(hidden @ p["attention.v"], dim=-1)
                features = torch.cat([states, alpha @ memory], dim=2)
        logits = features @ p["output.weight"].T + p["output.bias"]
        loss = torch.nn.functional.cross_entropy(
            logits.reshape(-1, S2S_VOCAB), target.reshape(-1), reduction="sum"
        )
        return loss / B

    def zero_grad(self):
        self.encoder.zero_grad()
        self.decoder.zero_grad()
        for tensor in self.p.values():
            tensor.grad = None

    def grads(self) -> dict:
        out = {f"encoder.{n}": t.grad.numpy() for n, t in self.encoder.named_parameters()}
        out.update({self.names[n]: t.grad.numpy() for n, t in self.decoder.named_parameters()})
        out.update({n: t.grad.numpy() for n, t in self.p.items()})
        return out


def encoder_decoder_torch_inputs(case: EncoderDecoderCase):
    source, target = encoder_decoder_example(case)
    previous = np.concatenate([np.full((case.B, 1), 2), target[:, :-1]], axis=1)  # <bos> first
    return tuple(torch.from_numpy(a) for a in (source, previous, target))


def encoder_decoder_torch_step(case: EncoderDecoderCase, dtype: str):
    model = TorchEncoderDecoder(case, dtype)
    inputs = encoder_decoder_torch_inputs(case)

    def step():
        model.zero_grad()
        model.loss(*inputs).backward()

    return step


def encoder_decoder_contenders(case: EncoderDecoderCase) -> dict:
    steps = {
        "engine f64": encoder_decoder_engine_step(case, "float64"),
        "engine f32": encoder_decoder_engine_step(case, "float32"),
        "numpy": encoder_decoder_numpy_step(case),
    }
    if torch is not None:
        steps["torch f32"] = encoder_decoder_torch_step(case, "float32")
        steps["torch f64"] = encoder_decoder_torch_step(case, "float64")
    return steps


def encoder_decoder_targets(case: EncoderDecoderCase) -> tuple[float | None, float | None]:
    """(float64, float32) torch time / rnnsim time to reach: the recurrent cases' float64
    targets at B=1 and B=32; no float32 target."""
    return (10.0 if case.B == 1 else 1.2), None


def check_encoder_decoder_agreement() -> bool:
    print("\nEncoder-decoder: agreement with the engine, float64, B=3 H=8 S=6 T=5")
    agree = True
    for case in SEQ2SEQ_CHECK:
        model = encoder_decoder_model(case, "float64")
        source, target = encoder_decoder_example(case)
        trace = model.run(source, target)
        numpy_loss, numpy_grads = encoder_decoder_reference.run(
            model.state_dict(), source, target, case.context
        )
        diffs = {"numpy": timing.largest_difference(numpy_loss, numpy_grads, trace)}
        if torch is not None:
            rival = TorchEncoderDecoder(case, "float64")
            loss = rival.loss(*encoder_decoder_torch_inputs(case))
            loss.backward()
            diffs["torch"] = timing.largest_difference(loss.item(), rival.grads(), trace)
        ok = all(d < 1e-8 for d in diffs.values())
        agree &= ok
        shown = "  ".join(f"{name} {d:.1e}" for name, d in diffs.items())
        print(f"  {S2S_LABELS[case.context]:16} {shown}  {'ok' if ok else 'DISAGREE'}")
    print()
    return agree
