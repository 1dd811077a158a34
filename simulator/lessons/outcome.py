"""What a lesson's check measured, and whether its claim holds."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Outcome:
    """`figures`: the measured numbers by name, in the order they are shown; `conditions`: what
    the claim requires of them, as (words, held) pairs. The claim holds when every one held."""

    figures: dict[str, float | int | list] = field(default_factory=dict)
    conditions: list[tuple[str, bool]] = field(default_factory=list)

    def require(self, words: str, held) -> None:
        self.conditions.append((words, bool(held)))

    @property
    def holds(self) -> bool:
        return bool(self.conditions) and all(held for _, held in self.conditions)
