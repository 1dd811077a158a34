"""Validated, frozen dataclasses of settings with a JSON round trip (specs, training settings).

A subclass checks its values in __post_init__ with the check_* helpers, which raise one
SpecError naming the field (with the class's PREFIX, e.g. "training."), the value and what is
allowed.
"""

from __future__ import annotations

import dataclasses
import json
import math
from typing import ClassVar

from .errors import SpecError

# The most parameters a network may have, all fields together (each field has its own limit,
# but an LSTM of hidden 4096 x 16 layers x 2 directions is within them: 6.2 billion, 46 GiB).
MAX_PARAMETERS = 50_000_000


class JsonFields:
    PREFIX: ClassVar[str] = ""  # put before field names in errors ("training." for settings)
    SECTION: ClassVar[str] = "spec"  # what the whole object is called in errors

    def to_dict(self) -> dict:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data):
        if not isinstance(data, dict):
            raise SpecError(cls.SECTION, data, "expected an object of fields")
        known = {f.name for f in dataclasses.fields(cls)}
        for key in data:
            if key not in known:
                raise SpecError(
                    cls.PREFIX + key,
                    data[key],
                    f"unknown field; known fields: {', '.join(sorted(known))}",
                )
        return cls(**data)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as err:
            raise SpecError(
                cls.SECTION, text[:40], f"expected JSON ({err.msg} at line {err.lineno})"
            ) from None
        return cls.from_dict(data)

    def replace(self, **changes):
        """A copy with some fields changed, validated like a new one."""
        return dataclasses.replace(self, **changes)


def check_choice(field: str, value, allowed: tuple[str, ...]) -> None:
    if not isinstance(value, str) or value not in allowed:
        raise SpecError(field, value, "one of " + ", ".join(allowed))


def check_int(field: str, value, low: int, high: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise SpecError(field, value, f"an integer from {low} to {high}")


def check_bool(field: str, value) -> None:
    if not isinstance(value, bool):
        raise SpecError(field, value, "expected true or false")


def check_real(
    field: str,
    value,
    low: float | None = None,
    high: float | None = None,
    above: bool = False,
    below: bool = False,
) -> None:
    """A finite number within [low, high]; `above`/`below` make that end open."""
    ok = isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
    if ok and low is not None:
        ok = value > low if above else value >= low
    if ok and high is not None:
        ok = value < high if below else value <= high
    if not ok:
        bounds = f"{'above' if above else 'at least'} {low}" if low is not None else ""
        if high is not None:
            bounds += f" and {'below' if below else 'at most'} {high}"
        raise SpecError(field, value, f"a number {bounds}".strip())


def check_parameter_count(field: str, value, count: int, advice: str) -> None:
    """Refuse a network of more than MAX_PARAMETERS parameters, naming `field` (the size that
    matters most) and saying what to make smaller."""
    if count > MAX_PARAMETERS:
        raise SpecError(
            field,
            value,
            f"the network would have {count:,} parameters; at most {MAX_PARAMETERS:,} ({advice})",
        )
