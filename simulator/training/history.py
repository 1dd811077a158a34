"""Training history: one record per step, in bounded memory.

Each record holds the step, loss, accuracy (share right: argmax for classes, within the task's
tolerance for regression), the global gradient norm before clipping, whether clipping fired,
and every parameter's gradient norm. When `capacity`
records are held, neighbouring pairs are merged (means; `clipped` becomes the share of steps that
clipped) and later records each cover twice as many steps: a run of any length keeps between
capacity/2 and capacity records (512 by default), the newest at the finest resolution the
budget allows.
"""

from __future__ import annotations

import math
import warnings

import numpy as np

BASE_COLUMNS = ("step", "loss", "accuracy", "grad_norm", "clipped")


class History:
    def __init__(self, parameter_names, capacity: int = 512):
        self.columns = list(BASE_COLUMNS) + [f"norm:{name}" for name in parameter_names]
        self.capacity = capacity
        self.stride = 1  # steps per record
        self._rows: list[np.ndarray] = []
        self._pending: list[np.ndarray] = []  # raw steps waiting to fill one record
        self.evaluations: list[tuple[int, float, float]] = []  # (step, test loss, test accuracy)

    def __len__(self) -> int:
        return len(self._rows)

    def add(
        self,
        step: int,
        loss: float,
        accuracy: float,
        grad_norm: float,
        clipped: bool,
        parameter_norms,
    ) -> None:
        row = np.concatenate([[step, loss, accuracy, grad_norm, float(clipped)], parameter_norms])
        self._pending.append(row)
        if len(self._pending) >= self.stride:
            self._rows.append(_merge(self._pending))
            self._pending = []
            if len(self._rows) >= self.capacity:
                self._rows = [_merge(self._rows[i : i + 2]) for i in range(0, len(self._rows), 2)]
                self.stride *= 2

    def add_evaluation(self, step: int, loss: float, accuracy: float) -> None:
        self.evaluations.append((int(step), float(loss), float(accuracy)))

    def table(self) -> np.ndarray:
        """(records, columns) copy of everything recorded, pending steps included."""
        rows = self._rows + ([_merge(self._pending)] if self._pending else [])
        if not rows:
            return np.zeros((0, len(self.columns)))
        return np.array(rows)

    def column(self, name: str) -> np.ndarray:
        return self.table()[:, self.columns.index(name)]

    @property
    def last_step(self) -> int:
        table = self.table()
        return int(table[-1, 0]) if len(table) else 0

    # ----- JSON ------------------------------------------------------------------------------
    def to_dict(self) -> dict:
        return {
            "columns": self.columns,
            "capacity": self.capacity,
            "stride": self.stride,
            "rows": [_json_row(r) for r in self._rows],
            "pending": [_json_row(r) for r in self._pending],
            "evaluations": [list(e) for e in self.evaluations],
        }

    @classmethod
    def from_dict(cls, data: dict) -> History:
        names = [c[len("norm:") :] for c in data["columns"][len(BASE_COLUMNS) :]]
        history = cls(names, capacity=int(data["capacity"]))
        if data["columns"][: len(BASE_COLUMNS)] != list(BASE_COLUMNS):
            raise ValueError("history columns are not step, loss, accuracy, grad_norm, clipped")
        history.stride = int(data["stride"])
        width = len(history.columns)
        for key, target in (("rows", history._rows), ("pending", history._pending)):
            for row in data[key]:
                if len(row) != width:
                    raise ValueError(f"a history row has {len(row)} values; expected {width}")
                target.append(np.array([math.nan if v is None else v for v in row], float))
        history.evaluations = [(int(s), float(l), float(a)) for s, l, a in data["evaluations"]]
        return history


def _merge(rows: list[np.ndarray]) -> np.ndarray:
    """One record for several: the last step, the mean of every other column."""
    if len(rows) == 1:
        return rows[0]
    block = np.array(rows)
    with warnings.catch_warnings():  # an all-NaN column (no accuracy) stays NaN, quietly
        warnings.simplefilter("ignore", RuntimeWarning)
        merged = np.nanmean(block, axis=0)
    merged[0] = block[-1, 0]
    return merged


def _json_row(row: np.ndarray) -> list:
    """Floats as JSON numbers (exact repr); NaN as null so the file stays strict JSON."""
    return [None if math.isnan(v) else float(v) for v in row]
