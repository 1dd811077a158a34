"""Numbers between English words and Chinese numerals, e.g. three thousand four hundred five
<-> 三千四百零五.

An encoder-decoder task whose two sides name the same number in different orders and groupings
(thousands and millions against 万), with different rules for zeros (零). English is read and
written word by word (twenty-one is one word), Chinese character by character. Numbers are drawn
with a uniform number of digits (so 7 is as likely as 7,000) up to `max_value`.
"""

from __future__ import annotations

from .base import characters
from .parallel import ParallelTask, generated_pair_task, words
from .settings import GENERATED, Choice, Integer

ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
ZH_DIGITS = "零一二三四五六七八九"
ZH_UNITS = ("千", "百", "十", "")

DEFAULTS = {
    "seed": 0,
    "train_size": 2000,
    "test_size": 200,
    "direction": "en-zh",
    "max_value": 9999,
}
RULES = {
    **GENERATED,
    "direction": Choice(("en-zh", "zh-en")),
    "max_value": Integer(9, 99_999_999),
}

DESCRIPTION = {
    "en": "English number words to Chinese numerals or back, e.g. forty-two <-> 四十二.",
    "zh": "数字翻译：英文数词与中文数字互译（异步的序列到序列），如 forty-two <-> 四十二。",
}


def english(n: int) -> str:
    """n in American English words: 3405 -> three thousand four hundred five."""
    if n < 20:
        return ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return TENS[tens] + (f"-{ONES[ones]}" if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return f"{ONES[hundreds]} hundred" + (f" {english(rest)}" if rest else "")
    for size, name in ((1_000_000, "million"), (1000, "thousand")):
        if n >= size:
            high, rest = divmod(n, size)
            return f"{english(high)} {name}" + (f" {english(rest)}" if rest else "")
    raise AssertionError(n)


def _section(n: int, first: bool) -> str:
    """1-9999 with 千百十; zeros between digits become one 零; a leading 一十 is 十."""
    text, zero, started = "", False, False
    for digit, unit in zip((n // 1000, n // 100 % 10, n // 10 % 10, n % 10), ZH_UNITS, strict=True):
        if digit == 0:
            zero = started
            continue
        if zero:
            text += "零"
            zero = False
        text += ZH_DIGITS[digit] + unit
        started = True
    return text[1:] if first and text.startswith("一十") else text


def chinese(n: int) -> str:
    """n in Chinese numerals: 3405 -> 三千四百零五, 20305 -> 二万零三百零五, 100000 -> 十万."""
    if n == 0:
        return "零"
    high, low = divmod(n, 10_000)
    if not high:
        return _section(low, True)
    text = _section(high, True) + "万"
    if low:
        text += ("零" if low < 1000 else "") + _section(low, False)
    return text


def english_words() -> list[str]:
    """Every word english() can write, in a fixed order."""
    compounds = [f"{TENS[t]}-{ONES[o]}" for t in range(2, 10) for o in range(1, 10)]
    return ONES + TENS[2:] + compounds + ["hundred", "thousand", "million"]


def build(settings: dict) -> ParallelTask:
    top = settings["max_value"]
    most_digits = len(str(top))

    def draw(rng):
        digits = int(rng.integers(1, most_digits + 1))
        low = 0 if digits == 1 else 10 ** (digits - 1)
        n = int(rng.integers(low, min(10**digits - 1, top) + 1))
        pair = (english(n).split(), list(chinese(n)))
        return pair if settings["direction"] == "en-zh" else pair[::-1]

    en, zh = english_words(), list(ZH_DIGITS + "十百千万")
    if settings["direction"] == "en-zh":
        return generated_pair_task(
            "numbers", settings, DESCRIPTION, draw, en, zh, words, (" ", ""), characters
        )
    return generated_pair_task(
        "numbers", settings, DESCRIPTION, draw, zh, en, characters, ("", " "), words
    )
