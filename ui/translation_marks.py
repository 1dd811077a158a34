"""QT_TRANSLATE_NOOP without Qt, for the Qt-free modules of the window (spec_fields, equations):
it marks a string for `pyside6-lupdate`, which finds it by this name, and returns it unchanged;
the widget that shows it translates it with `translate(context, text)` (ui/i18n.py)."""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate looks for)
    return text
