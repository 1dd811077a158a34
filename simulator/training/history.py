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
MAX_CAPACITY = 1 << 20


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
            "evaluations": [[s, *_json_row(e)] for s, *e in self.evaluations],
        }

    @classmethod
    def from_dict(cls, data: dict, parameter_names=None) -> History:
        """The history a project file holds. Raises ValueError naming what is wrong: a field
        missing or of the wrong type, a row of the wrong width, more rows than the capacity,
        or (given `parameter_names`) columns that are not this network's."""
        if not isinstance(data, dict):
            raise ValueError("history must be an object")
        missing = {"columns", "capacity", "stride", "rows", "pending", "evaluations"} - set(data)
        if missing:
            raise ValueError(f"history has no {', '.join(sorted(missing))}")
        columns = data["columns"]
        if not isinstance(columns, list) or not all(isinstance(c, str) for c in columns):
            raise ValueError("history columns must be a list of names")
        if columns[: len(BASE_COLUMNS)] != list(BASE_COLUMNS):
            raise ValueError("history columns are not step, loss, accuracy, grad_norm, clipped")
        names = [c.removeprefix("norm:") for c in columns[len(BASE_COLUMNS) :]]
        if parameter_names is not None and names != list(parameter_names):
            raise ValueError("history columns are not this network's parameters")
        capacity, stride = data["capacity"], data["stride"]
        if not _whole(capacity, 2, MAX_CAPACITY):
            raise ValueError(f"history capacity must be a whole number from 2 to {MAX_CAPACITY}")
        if not _whole(stride, 1, 2**62) or stride & (stride - 1):
            raise ValueError("history stride must be a power of 2")
        history = cls(names, capacity=capacity)
        history.stride = stride
        history._rows = _rows(data["rows"], len(columns), capacity - 1)
        history._pending = _rows(data["pending"], len(columns), stride - 1)
        evaluations = data["evaluations"]
        if not isinstance(evaluations, list):
            raise ValueError("history evaluations must be a list")
        for record in evaluations:
            if not isinstance(record, list) or len(record) != 3 or not _whole(record[0], 0):
                raise ValueError("a history evaluation is not [step, loss, accuracy]")
        history.evaluations = [
            (s, _real(loss), _real(accuracy)) for s, loss, accuracy in evaluations
        ]
        return history

    # ----- going back ----------------------------------------------------------------------
    def mark(self) -> tuple:
        """What restore() needs to forget every record added after this call."""
        return (list(self._rows), list(self._pending), self.stride, len(self.evaluations))

    def restore(self, mark: tuple) -> None:
        rows, pending, stride, evaluations = mark
        self._rows, self._pending, self.stride = list(rows), list(pending), stride
        del self.evaluations[evaluations:]


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


def _json_row(row) -> list:
    """Floats as JSON numbers (exact repr); NaN (and infinity) as null: strict JSON."""
    return [float(v) if math.isfinite(v) else None for v in row]


def _whole(value, low: int, high: int = 2**53) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _real(value) -> float:
    """A number of a history record (null: not known)."""
    if value is None:
        return math.nan
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"a history record holds {type(value).__name__}, not a number")
    return float(value)


def _rows(rows, width: int, most: int) -> list[np.ndarray]:
    if not isinstance(rows, list) or len(rows) > most:
        raise ValueError(f"history rows must be a list of at most {most} records")
    out = []
    for row in rows:
        if not isinstance(row, list) or len(row) != width:
            raise ValueError(f"a history row is not a list of {width} numbers")
        out.append(np.array([_real(v) for v in row], float))
    return out
