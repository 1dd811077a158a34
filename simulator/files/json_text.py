"""JSON read within limits: a text nested 100,000 deep makes Python's parser recurse until it
fails, a 5,000-digit integer is refused by int() with a ValueError, 1e400 becomes inf, and
NaN and Infinity are not JSON at all. Here each is one FileRefused that says what is wrong."""

from __future__ import annotations

import json
import math
import re

from ..errors import FileRefused

MAX_DEPTH = 32  # a project nests 5 deep (history rows; a tagged example's target in view)
MAX_NUMBER_CHARACTERS = 40  # an int64 has 19 digits; a float's repr at most 24 characters

# A string (skipped whole, with its escapes) or a bracket.
_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.DOTALL)


def _check_depth(text: str) -> None:
    depth = 0
    for match in _TOKENS.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                line = text.count("\n", 0, match.start()) + 1
                raise FileRefused(f"JSON nested more than {MAX_DEPTH} deep (line {line})")
        elif token in "]}":
            depth -= 1


def _integer(text: str) -> int:
    if len(text) > MAX_NUMBER_CHARACTERS:
        raise FileRefused(f"a number of {len(text):,} digits; at most {MAX_NUMBER_CHARACTERS}")
    return int(text)


def _real(text: str) -> float:
    if len(text) > MAX_NUMBER_CHARACTERS:
        raise FileRefused(f"a number of {len(text):,} characters; at most {MAX_NUMBER_CHARACTERS}")
    value = float(text)
    if not math.isfinite(value):
        raise FileRefused(f"the number {text} is too large (at most about 1.8e308)")
    return value


def _constant(text: str):
    raise FileRefused(f"{text} is not a JSON number (write null, or a number)")


def parse_json(text: str):
    """The value of a JSON text. Raises FileRefused: nested too deep, a number too long or
    too large, NaN or Infinity, or not JSON (with the line and column)."""
    _check_depth(text)
    try:
        return json.loads(text, parse_int=_integer, parse_float=_real, parse_constant=_constant)
    except json.JSONDecodeError as err:
        raise FileRefused(
            f"not valid JSON: {err.msg} at line {err.lineno}, column {err.colno}"
        ) from None
