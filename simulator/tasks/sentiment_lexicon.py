"""The small sentiment lexicon written for rnnsim's sentiment task, in English and in Chinese.

Each language has negators and intensifiers, and sentence frames: an opening, modifiers, one
rated word (positive, negative or neutral) and a closing. A frame's modifier patterns say which
modifiers may stand before its rated word: slots are separated by " + ", the words that may fill
a slot by "|", and "" means none. English entries are words (openings and closings may be several
words); Chinese entries are words or short phrases of characters.
"""

from __future__ import annotations

from dataclasses import dataclass


def _entries(text: str) -> tuple[str, ...]:
    """Comma-separated entries, written as running text to keep the lists readable."""
    return tuple(entry.strip() for entry in text.split(",") if entry.strip())


@dataclass(frozen=True)
class Frame:
    """One sentence pattern: opening + modifiers + rated word + closing."""

    openings: tuple[str, ...]
    modifiers: tuple[str, ...]  # e.g. "not + very|so": "not very good", "not so good"
    positive: tuple[str, ...]
    negative: tuple[str, ...]
    neutral: tuple[str, ...] = ()
    closings: tuple[str, ...] = ("",)


@dataclass(frozen=True)
class Lexicon:
    negators: tuple[str, ...]
    intensifiers: tuple[str, ...]
    frames: tuple[Frame, ...]


ENGLISH = Lexicon(
    negators=("not", "never", "don't"),
    intensifiers=_entries("very, really, so, extremely, truly, incredibly"),
    frames=(
        Frame(  # the film is not very good
            openings=tuple(
                f"{subject} {verb}"
                for subject in _entries(
                    """the film, the food, the service, this book, the weather, the hotel,
                    the music, our trip, the game, his plan, the room, my teacher, the story,
                    her voice, the city, this phone"""
                )
                for verb in ("is", "was")
            ),
            modifiers=(
                "",
                "not|never",
                "very|really|so|extremely|truly|incredibly",
                "not + very|really|so|extremely|truly",
                "really|truly + not|never",
            ),
            positive=_entries(
                """good, great, excellent, wonderful, amazing, lovely, nice, pleasant, beautiful,
                brilliant, delightful, enjoyable, fun, funny, charming, fantastic, perfect,
                clever, friendly, helpful, clean, fresh, comfortable, exciting, interesting,
                warm"""
            ),
            negative=_entries(
                """bad, awful, terrible, horrible, boring, dull, poor, ugly, rude, dirty, slow,
                noisy, sad, annoying, disappointing, painful, nasty, stupid, weak, messy,
                unpleasant, useless, broken, expensive, cold"""
            ),
            neutral=_entries("long, short, new, old, big, small, red, green, tall, round, square"),
        ),
        Frame(  # i really don't like the music
            openings=_entries("i, we, they, my friends, most people"),
            modifiers=(
                "",
                "don't|never",
                "really|truly",
                "don't|never + really|truly",
                "really|truly + don't|never",
            ),
            positive=_entries("like, love, enjoy, admire, recommend, adore, appreciate, praise"),
            negative=_entries("hate, dislike, despise, detest, fear, regret, resent, avoid"),
            closings=_entries(
                """the film, this book, the food, the music, this city, the new plan, his songs,
                the hotel, the game, that teacher"""
            ),
        ),
    ),
)

CHINESE = Lexicon(
    negators=("不", "没有"),
    intensifiers=_entries("很, 非常, 太, 特别, 十分, 真"),
    frames=(
        Frame(  # 这部电影不太好看
            openings=_entries(
                """这部电影, 这家餐厅, 今天的天气, 这本书, 他的态度, 这个房间, 这首歌,
                我们的旅行, 这里的服务, 那个故事, 我的手机, 这座城市, 老师的课, 这场比赛"""
            ),
            modifiers=(
                "",
                "不",
                "很|非常|太|特别|十分|真",
                "不|没有 + 太|很|特别",
                "很|非常|特别|真 + 不",
            ),
            positive=_entries(
                """好, 棒, 好看, 好吃, 好听, 精彩, 有趣, 舒服, 漂亮, 干净, 可爱, 优秀, 出色,
                不错, 方便, 温暖, 热情, 美味, 愉快, 美好, 新鲜, 实用, 友好, 精美, 令人满意,
                令人难忘"""
            ),
            negative=_entries(
                """差, 坏, 糟糕, 无聊, 难看, 难吃, 难听, 难受, 脏, 吵, 慢, 冷淡, 粗鲁, 乏味,
                可怕, 痛苦, 混乱, 差劲, 烦人, 拥挤, 丑, 贵, 麻烦, 令人失望"""
            ),
            neutral=_entries("长, 短, 新, 旧, 大, 小, 红, 高, 圆, 远"),
        ),
        Frame(  # 我很不喜欢这首歌
            openings=_entries("我, 我们, 他, 她, 大家, 许多人"),
            modifiers=(
                "",
                "不",
                "很|非常|特别|十分|真",
                "不 + 太|很|特别|十分",
                "很|非常|特别|真 + 不",
            ),
            positive=_entries("喜欢, 爱, 欣赏, 享受, 推荐, 佩服, 期待, 支持"),
            negative=_entries("讨厌, 恨, 害怕, 反感, 嫌弃, 厌倦, 担心, 厌恶"),
            closings=_entries(
                """这部电影, 这本书, 这家店, 这首歌, 这座城市, 他的计划, 这里的菜, 那个老师,
                这个游戏"""
            ),
        ),
    ),
)

LEXICONS = {"en": ENGLISH, "zh": CHINESE}
