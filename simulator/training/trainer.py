"""Trainer: the training loop the command line and the window's worker thread share.

It runs in chunks of steps and reports progress to a callback between chunks (minGPT's
callbacks, Orange3's chunked workers); `stop()` may be called from another thread and takes
effect at the next chunk boundary. Which examples form batch k depends only on the seed and k,
so stopping after any step and resuming from the saved parameters and optimiser state gives the
same parameters as an uninterrupted run, bit for bit.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from ..errors import SpecError
from ..kinds import kind_of
from ..network import Network
from ..tasks.base import Task
from ..threads import engine_threads
from ..trace import Trace
from .history import History
from .optimizers import Optimizer
from .scores import scores_for
from .settings import TrainingSettings

# Divergence: a step's loss that is not finite or more than LOSS_FACTOR times the run's first
# loss (at least 1: LOSS_FLOOR), or an update larger than UPDATE_FACTOR times the parameters
# themselves, |delta p| > 10 |p| (lr 1e300 makes one that is still finite, and the next loss NaN).
LOSS_FACTOR = 1000.0
LOSS_FLOOR = 1e-3
UPDATE_FACTOR = 10.0


@dataclass
class Divergence:
    """Why training stopped: the parameters went back to the last ones whose loss was finite
    and sane (step `kept_step`), with the optimiser's state and the history of then."""

    step: int  # the step that diverged
    parameter: str  # the parameter whose gradient is largest or not finite
    cause: str  # e.g. "the loss is not finite (nan)"
    kept: str  # which parameters are kept, e.g. "went back to the parameters of step 600 (...)"
    last_norms: dict[str, float]  # gradient norms of the last good step, by parameter
    kept_step: int = 0

    @property
    def message(self) -> str:
        return f"step {self.step}: {self.cause}; {self.kept}"


@dataclass
class Progress:
    step: int  # steps done in total
    target: int  # the step this run trains to
    steps_per_second: float
    loss: float
    history: History  # live object: copy (history.table()) before handing it to another thread


@dataclass
class TrainingResult:
    reason: str  # "done", "stopped" or "diverged"
    step: int
    divergence: Divergence | None = None


@dataclass
class _GoodPoint:
    """The parameters and optimiser state of a step whose loss was finite and sane."""

    flat: np.ndarray
    optimizer_state: dict[str, np.ndarray]
    step: int = 0
    loss: float = 0.0
    history: tuple = ()


@dataclass
class _StepNumbers:
    loss: float
    right: int
    counted: int
    grad: np.ndarray


class Trainer:
    def __init__(
        self,
        network: Network,
        task: Task,
        settings: TrainingSettings,
        history: History | None = None,
        step: int = 0,
        optimizer_state: dict[str, np.ndarray] | None = None,
    ):
        spec = network.spec
        if settings.tbptt and not kind_of(spec).cuts_sequences:
            raise SpecError(
                "training.tbptt",
                settings.tbptt,
                "0 for this model (truncated BPTT cuts a sequence read by a recurrent network)",
            )
        if settings.tbptt and spec.bidirectional:
            raise SpecError(
                "training.tbptt",
                settings.tbptt,
                "0 for a bidirectional network (its reverse direction reads the whole sequence)",
            )
        if settings.tbptt and spec.mode == "seq2class" and spec.pooling == "mean":
            raise SpecError(
                "training.tbptt",
                settings.tbptt,
                "0 with mean pooling (the mean needs every step at once)",
            )
        self.network = network
        self.task = task
        self.settings = settings
        self.history = history or History(network.params.keys())
        self.step = step
        self.optimizer = Optimizer(settings, network.layout.size, network.flat.dtype)
        if optimizer_state:
            self.optimizer.load_state(optimizer_state)
        self._stop = threading.Event()
        self._first_loss: float | None = None  # the first loss this trainer computed
        self._good: _GoodPoint | None = None  # where a divergence goes back to

    # ----- the loop ----------------------------------------------------------------------------
    @engine_threads  # once around the loop: a step pays nothing for it
    def train(
        self,
        steps: int | None = None,
        callback: Callable[[Progress], None] | None = None,
        chunk: int = 10,
    ) -> TrainingResult:
        """Train `steps` more steps (default: settings.steps)."""
        self._stop.clear()
        target = self.step + (self.settings.steps if steps is None else steps)
        started, done_here = time.perf_counter(), 0
        while self.step < target:
            for _ in range(min(chunk, target - self.step)):
                divergence = self.train_step()
                if divergence is not None:
                    return TrainingResult("diverged", self.step, divergence)
                done_here += 1
            if callback is not None:
                rate = done_here / max(time.perf_counter() - started, 1e-9)
                loss = float(self.history.table()[-1, 1])
                callback(Progress(self.step, target, rate, loss, self.history))
            if self._stop.is_set():
                return TrainingResult("stopped", self.step)
        return TrainingResult("done", self.step)

    def stop(self) -> None:
        """Ask the loop to stop at the next chunk boundary (safe from any thread)."""
        self._stop.set()

    def train_step(self) -> Divergence | None:
        """One update on the next batch. Returns a Divergence when the loss is not finite or
        not sane, a gradient is not finite, or the update is not finite or too large: the
        parameters, optimiser state, step and history are then those of the last step whose
        loss was finite and sane."""
        s = self.settings
        x, y, lengths = self.batch(self.step)
        with np.errstate(all="ignore"):  # overflow is caught below and reported as divergence
            numbers = self._gradient(x, y, lengths)
        grad, loss = numbers.grad, numbers.loss
        names = list(self.network.params)
        grads = self.network.layout.views(grad)
        with np.errstate(all="ignore"):
            norms = np.array([np.linalg.norm(grads[n]) for n in names])
        if not np.all(np.isfinite(norms)):
            bad = names[int(np.argmax(~np.isfinite(norms)))]
            return self._roll_back(f"the gradient of {bad} is not finite (loss {loss:.4g})", bad)
        largest = names[int(np.argmax(norms))]
        if not np.isfinite(loss):
            return self._roll_back(f"the loss is not finite ({loss})", largest)
        if self._first_loss is None:
            self._first_loss = loss
        sane = LOSS_FACTOR * max(self._first_loss, LOSS_FLOOR)
        if loss > sane:
            return self._roll_back(
                f"the loss {loss:.4g} is over {LOSS_FACTOR:g} times the run's first "
                f"({self._first_loss:.4g})",
                largest,
            )
        self._keep_good_point(loss)
        grad_norm = float(np.sqrt(np.sum(norms**2)))
        clipped = False
        if s.clip_norm and grad_norm > s.clip_norm:  # g <- g * c / ||g||
            grad *= s.clip_norm / grad_norm
            clipped = True
        if s.clip_value and np.any(np.abs(grad) > s.clip_value):  # g <- clamp(g, -c, c)
            np.clip(grad, -s.clip_value, s.clip_value, out=grad)
            clipped = True
        if s.weight_decay:  # g <- g + lambda p
            grad += s.weight_decay * self.network.flat
        with np.errstate(all="ignore"):
            self.optimizer.update(self.network.flat, grad, self.step + 1)
            size = float(np.linalg.norm(self.network.flat - self._good.flat))
        scale = float(np.linalg.norm(self._good.flat))
        if not np.isfinite(size) or size > UPDATE_FACTOR * scale:
            return self._roll_back(
                f"the update (size {size:.3g}) is over {UPDATE_FACTOR:g} times the parameters "
                f"(size {scale:.3g})",
                largest,
            )
        self.step += 1
        accuracy = numbers.right / numbers.counted
        self.history.add(self.step, loss, accuracy, grad_norm, clipped, norms)
        if s.eval_every and self.step % s.eval_every == 0:
            result = self.evaluate()
            self.history.add_evaluation(self.step, result["loss"], result["accuracy"])
        return None

    def _keep_good_point(self, loss: float) -> None:
        """Remember the parameters now (their loss is finite and sane), before they change."""
        good = self._good
        if good is None:
            good = self._good = _GoodPoint(
                self.network.flat.copy(), {k: v.copy() for k, v in self.optimizer.state.items()}
            )
        else:
            np.copyto(good.flat, self.network.flat)
            for name, array in self.optimizer.state.items():
                np.copyto(good.optimizer_state[name], array)
        good.step, good.loss, good.history = self.step, loss, self.history.mark()

    def _roll_back(self, cause: str, parameter: str) -> Divergence:
        """Go back to the last good point (if this trainer has one: else nothing has changed
        since it started) and describe the divergence in one line."""
        step = self.step + 1
        good = self._good
        if good is not None:
            np.copyto(self.network.flat, good.flat)
            for name, array in self.optimizer.state.items():
                np.copyto(array, good.optimizer_state[name])
            self.step = good.step
            self.history.restore(good.history)
            kept = f"went back to the parameters of step {good.step} (loss {good.loss:.4g})"
        else:
            kept = f"the parameters of step {self.step}, where this run started, are kept"
        table = self.history.table()
        last = {}
        if len(table):
            norms = table[-1, len(self.history.columns) - len(self.network.params) :]
            last = dict(zip(self.network.params, map(float, norms), strict=True))
        return Divergence(step, parameter, cause, kept, last, self.step)

    # ----- batches ---------------------------------------------------------------------------
    def batch(self, step: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The examples of step `step` (0-based): epoch e visits the training set in the order
        of a permutation drawn from (seed, e); the last partial batch of an epoch is skipped."""
        data = self.task.train
        size = min(self.settings.batch_size, len(data))
        per_epoch = len(data) // size
        epoch, index = divmod(step, per_epoch)
        order = np.random.default_rng([self.settings.seed, epoch]).permutation(len(data))
        return data.batch(order[index * size : (index + 1) * size])

    # ----- gradients ---------------------------------------------------------------------------
    def _gradient(self, x, y, lengths) -> _StepNumbers:
        window = self.settings.tbptt
        if not window or x.shape[1] <= window:
            trace = self.network.run(x, y, lengths)
            right, counted = _count_right(self.task, trace)
            return _StepNumbers(trace.loss, right, counted, trace.grad_flat)
        return self._truncated_gradient(x, y, lengths, window)

    def _truncated_gradient(self, x, y, lengths, window: int) -> _StepNumbers:
        """Truncated BPTT: the batch is read `window` steps at a time; the state flows on from
        one window to the next, gradients stop at the cut. Losses and gradients of the windows
        add up to the batch's (sum over steps, mean over the batch)."""
        network = self.network
        spec = network.spec
        B, T = x.shape[:2]
        per_step = spec.mode == "seq2seq"
        total = _StepNumbers(0.0, 0, 0, np.zeros_like(network.flat))
        state = None  # (h, c) for the whole batch, (layers, B, H)
        for start in range(0, T, window):
            active = np.flatnonzero(lengths > start)
            part_lengths = np.minimum(lengths[active] - start, window)
            part_x = x[active, start : start + window]
            initial = (
                None if state is None else tuple(None if s is None else s[:, active] for s in state)
            )
            ends_here = lengths[active] <= start + window
            if per_step:
                groups = [(np.ones(len(active), bool), y[active, start : start + window])]
            else:  # seq2class: the loss belongs to the window holding each example's last step
                groups = [(ends_here, y[active][ends_here]), (~ends_here, None)]
            for rows, part_y in groups:
                if not rows.any():
                    continue
                part_initial = (
                    None
                    if initial is None
                    else tuple(None if s is None else s[:, rows] for s in initial)
                )
                trace = network.run(part_x[rows], part_y, part_lengths[rows], part_initial)
                if part_y is not None:
                    share = rows.sum() / B  # run() averages over its own examples
                    total.loss += trace.loss * share
                    total.grad += trace.grad_flat * share
                    right, counted = _count_right(self.task, trace)
                    total.right += right
                    total.counted += counted
                state = _carry(state, trace.final_state(), active[rows], B)
        return total

    # ----- evaluation --------------------------------------------------------------------------
    @engine_threads
    def evaluate(self, split: str = "test", max_examples: int = 1000) -> dict[str, float]:
        """Loss and accuracy on (up to max_examples of) a split, without changing anything; a
        regression task adds mse and baseline_mse, a treebank root and negated-phrase accuracy
        (training.scores)."""
        data = self.task.test if split == "test" else self.task.train
        count = min(len(data), max_examples)
        loss, right, counted = 0.0, 0, 0
        scores = scores_for(self.task)
        size = self.settings.batch_size
        for start in range(0, count, size):
            x, y, lengths = data.batch(np.arange(start, min(start + size, count)))
            with np.errstate(all="ignore"):  # huge weights give an infinite loss, reported
                trace = self.network.run(x, y, lengths)
            loss += trace.loss * len(lengths)
            r, c = _count_right(self.task, trace)
            right += r
            counted += c
            scores.add(trace)
        return {"loss": loss / count, "accuracy": right / counted, **scores.result()}


def _count_right(task: Task, trace: Trace) -> tuple[int, int]:
    """(right, counted) predictions in a trace: per valid step (or target token, or tree node)
    when outputs are (B, T, O), else per example; a regression output is right within the
    task's tolerance."""
    per_step = trace.outputs.ndim == 3
    counted = int(trace.lengths.sum()) if per_step else trace.batch_size
    share = task.accuracy(trace.outputs, trace.targets, trace.lengths)
    return int(round(share * counted)), counted


def _carry(state, final, rows: np.ndarray, B: int):
    """Write the final state of the examples `rows` into the batch's carried state."""
    h_n, c_n = final
    if state is None:
        shape = (h_n.shape[0], B, h_n.shape[2])
        state = (np.zeros(shape, h_n.dtype), None if c_n is None else np.zeros(shape, h_n.dtype))
    state[0][:, rows] = h_n
    if c_n is not None:
        state[1][:, rows] = c_n
    return state
