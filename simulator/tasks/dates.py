"""Rewrite a date from one format into another, e.g. 2026-11-26 -> 二〇二六年十一月二十六日.

An encoder-decoder task read and written character by character. The source and target formats
are settings (`any` draws each example's source format from the others), the dates are drawn
uniformly between 1 January of `min_year` and 31 December of `max_year`. Month and day words
must be looked up where they are (attention helps), and the Chinese numerals differ in length
from the digits they stand for.
"""

from __future__ import annotations

import datetime

from .base import SettingError
from .parallel import ParallelTask, generated_pair_task
from .settings import GENERATED, Choice, Integer

MONTHS = (
    "January February March April May June July August September October November December"
).split()
ZH_DIGITS = "〇一二三四五六七八九"
FORMATS = ("iso", "en", "zh", "us", "eu")
EXAMPLES = {  # 26 November 2026 in each format
    "iso": "2026-11-26",
    "en": "November 26, 2026",
    "zh": "二〇二六年十一月二十六日",
    "us": "11/26/2026",
    "eu": "26.11.2026",
}

DEFAULTS = {
    "seed": 0,
    "train_size": 2000,
    "test_size": 200,
    "source_format": "iso",
    "target_format": "zh",
    "min_year": 1950,
    "max_year": 2049,
}
RULES = {
    **GENERATED,
    "source_format": Choice((*FORMATS, "any")),
    "target_format": Choice(FORMATS),
    "min_year": Integer(1, 9999),
    "max_year": Integer(1, 9999),
}

DESCRIPTION = {
    "en": "Rewrite a date in another format, e.g. 2026-11-26 -> 二〇二六年十一月二十六日.",
    "zh": "日期改写：异步的序列到序列，如 2026-11-26 -> 二〇二六年十一月二十六日。",
}


def zh_number(n: int) -> str:
    """1-31 in Chinese numerals: 十, 十一, 二十, 二十六, 三十一."""
    tens, ones = divmod(n, 10)
    text = ("" if tens == 1 else ZH_DIGITS[tens]) + "十" if tens else ""
    return text + (ZH_DIGITS[ones] if ones else "")


def show(date: datetime.date, form: str) -> str:
    """The date written in format `form` (see EXAMPLES)."""
    y, m, d = date.year, date.month, date.day
    if form == "iso":
        return f"{y:04d}-{m:02d}-{d:02d}"
    if form == "en":
        return f"{MONTHS[m - 1]} {d}, {y}"
    if form == "zh":
        year = "".join(ZH_DIGITS[int(c)] for c in str(y))
        return f"{year}年{zh_number(m)}月{zh_number(d)}日"
    if form == "us":
        return f"{m:02d}/{d:02d}/{y:04d}"
    return f"{d:02d}.{m:02d}.{y:04d}"


def alphabet(form: str) -> list[str]:
    """Every character format `form` can write, in a fixed order."""
    if form == "zh":
        return list(ZH_DIGITS + "十年月日")
    digits = list("0123456789")
    if form == "en":
        return digits + [",", " "] + sorted(set("".join(MONTHS)))
    return digits + [{"iso": "-", "us": "/", "eu": "."}[form]]


def build(settings: dict) -> ParallelTask:
    low, high = settings["min_year"], settings["max_year"]
    if high < low:
        raise SettingError("dates", "max_year", high, f"an integer from {low} to 9999")
    target = settings["target_format"]
    sources = (
        [f for f in FORMATS if f != target]
        if settings["source_format"] == "any"
        else [settings["source_format"]]
    )
    first = datetime.date(low, 1, 1).toordinal()
    last = datetime.date(high, 12, 31).toordinal()

    def draw(rng):
        date = datetime.date.fromordinal(int(rng.integers(first, last + 1)))
        form = sources[int(rng.integers(len(sources)))] if len(sources) > 1 else sources[0]
        return list(show(date, form)), list(show(date, target))

    source_tokens = list(dict.fromkeys(c for f in sources for c in alphabet(f)))
    return generated_pair_task(
        "dates", settings, DESCRIPTION, draw, source_tokens, alphabet(target), list, ("", ""), list
    )
