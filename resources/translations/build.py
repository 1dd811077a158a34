"""Update the translations from the source and compile them (run after changing any string):

    .venv/bin/python resources/translations/build.py          # .ts updated, .qm compiled
    .venv/bin/python resources/translations/build.py --check  # list what is not translated

pyside6-lupdate collects every string marked with tr(), QCoreApplication.translate() or
QT_TRANSLATE_NOOP() in ui/ into rnnsim_zh_CN.ts (Chinese, written by hand with the glossary's
terms: shared/GLOSSARY.md) and rnnsim_en.ts (English: the source strings themselves), keeping
what is already translated; pyside6-lrelease compiles them into the .qm files the app loads.
Both .qm files are committed, so running the app needs no build step.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
TOOLS = Path(sys.executable).parent
LANGUAGES = {"zh_CN": "zh_CN", "en": "en"}


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))


def ts_path(code: str, folder: Path = HERE) -> Path:
    return folder / f"rnnsim_{code}.ts"


def collect(folder: Path = HERE) -> None:
    """Bring the .ts files in `folder` up to date with the strings in ui/ (lupdate)."""
    for code, language in LANGUAGES.items():
        subprocess.run(
            [
                str(TOOLS / "pyside6-lupdate"),
                *sources(),
                "-no-obsolete",
                "-locations",
                "none",
                "-source-language",
                "en",
                "-target-language",
                language,
                "-ts",
                str(ts_path(code, folder)),
            ],
            cwd=ROOT,
            check=True,
            capture_output=folder != HERE,
        )


def update() -> None:
    collect()
    for code in LANGUAGES:
        subprocess.run([str(TOOLS / "pyside6-lrelease"), str(ts_path(code))], cwd=ROOT, check=True)


def untranslated(code: str = "zh_CN", folder: Path = HERE) -> list[tuple[str, str]]:
    """(context, source) of every message without a finished translation."""
    missing = []
    for context in ET.parse(ts_path(code, folder)).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "vanished"):
                missing.append((name, message.findtext("source")))
            elif not (translation.text or "").strip():
                missing.append((name, message.findtext("source")))
    return missing


def main(argv: list[str]) -> int:
    if "--check" not in argv:
        update()
    missing = untranslated()
    for context, source in missing:
        print(f"not translated: [{context}] {source}")
    return 1 if missing and "--check" in argv else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
