"""The recurrent kind's registry entry: NetworkSpec -> Network, Stepper (rnn, gru, lstm, tdnn;
seq2seq tagging or seq2class), one kernel set per cell."""

from __future__ import annotations

from .kind import Compared, Kind
from .spec import CELLS

# What a new recurrent network is when the person says nothing (the task fills in the rest).
NETWORK_DEFAULTS = {"cell": "lstm", "hidden_size": 16, "embedding_dim": 8}


class RecurrentKind(Kind):
    name = "recurrent"
    reads = "sequences"
    kernel_sets = CELLS  # each cell has kernels of its own
    cuts_sequences = True  # truncated BPTT, a prefix for the gradient check

    def spec_class(self) -> type:
        from .spec import NetworkSpec

        return NetworkSpec

    def model_class(self) -> type:
        from .network import Network

        return Network

    def stepper_class(self) -> type:
        from .stepper import Stepper

        return Stepper

    def shapes(self, spec) -> dict[str, tuple[int, ...]]:
        from .spec import shapes

        return shapes(spec)

    compared = Compared("cell", CELLS, {"lstm": "rnn"}, "lstm")  # a simple RNN against an LSTM

    def switches(self, spec) -> tuple[str, ...]:
        """The notes' remedy (the residual recurrence, a simple RNN's only) and the reverse
        direction."""
        return ("residual", "bidirectional") if spec.cell == "rnn" else ("bidirectional",)

    def claims(self, section: dict) -> bool:
        """Any section without another kind's marks: recurrent files came first and name no
        kind (the spec then says what is wrong with one that is not a recurrent network)."""
        return "model" not in section and section.get("mode") != "encoder-decoder"

    def task_names(self) -> tuple[str, ...]:
        from .tasks import TASKS

        return tuple(TASKS)  # every sequence task, a treebank read through its sentences

    def spec_for_task(self, spec, task):
        fields = {**spec.to_dict(), "input_size": None, "vocab_size": None, **task.spec_fields}
        dense = fields["vocab_size"] is None  # dense inputs have no embedding
        fields["embedding_dim"] = (
            None if dense else spec.embedding_dim or NETWORK_DEFAULTS["embedding_dim"]
        )
        return type(spec).from_dict(fields)

    def new_network(self, task) -> dict:
        network = {**NETWORK_DEFAULTS, **task.spec_fields}
        if not task.spec_fields.get("vocab_size"):
            network.pop("embedding_dim")
        return network

    def describe(self, spec) -> str:
        layers = f"{spec.num_layers}-layer " if spec.num_layers > 1 else ""
        direction = "bidirectional " if spec.bidirectional else ""
        return f"{layers}{direction}{spec.cell}"

    def label(self, spec) -> str:
        return spec.cell

    def kernel_set(self, spec) -> str:
        return spec.cell

    def warm_steps(self, kernel_set: str, dtype: str) -> list:
        """Forward and backward in both directions, two layers, both losses, and a run without
        targets (a sentence typed in the window); an LSTM's and a GRU's also by a team of two
        threads, one example's units in halves (halves.py), as a large one runs while a core is
        free."""
        import numpy as np

        from .halves import TEAM_CELLS, UNITS
        from .network import Network
        from .spec import NetworkSpec

        class TeamNetwork(Network):
            def _halves(self, B: int, steps: int):
                return UNITS

        steps = []
        for loss, outputs in (("cross_entropy", 2), ("mse", 1)):
            spec = NetworkSpec(
                cell=kernel_set,
                input_size=2,
                hidden_size=2,
                num_layers=2,
                bidirectional=True,
                output_size=outputs,
                loss=loss,
                dtype=dtype,
            )
            x = np.zeros((1, 3, 2))
            y = np.zeros((1, 3), np.int64) if loss == "cross_entropy" else np.zeros((1, 3, 1))
            steps.append(lambda spec=spec, x=x, y=y: Network(spec).run(x, y))
            if loss == "cross_entropy":  # and without targets: the class probabilities alone
                steps.append(lambda spec=spec, x=x: Network(spec).run(x))
            if kernel_set in TEAM_CELLS:
                steps.append(lambda spec=spec, x=x, y=y: TeamNetwork(spec).run(x, y))
        return steps


RECURRENT = RecurrentKind()
