"""The engine's words for a task's classes and settings (English, as in the project file), in
the interface's language: the sentiment classes, parity's even and odd, the settings' names.
A class the list does not know (a file's own tags) shows as it is."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from .translation_marks import QT_TRANSLATE_NOOP

CLASS_NAMES = (
    QT_TRANSLATE_NOOP("TaskWords", "very negative"),
    QT_TRANSLATE_NOOP("TaskWords", "negative"),
    QT_TRANSLATE_NOOP("TaskWords", "neutral"),
    QT_TRANSLATE_NOOP("TaskWords", "positive"),
    QT_TRANSLATE_NOOP("TaskWords", "very positive"),
    QT_TRANSLATE_NOOP("TaskWords", "even"),
    QT_TRANSLATE_NOOP("TaskWords", "odd"),
)
# The tasks' settings, named as in the project file (task.NAME) and in `rnnsim tasks`; the
# others show their own name.
SETTING_NAMES = {
    "seed": QT_TRANSLATE_NOOP("TaskForm", "seed"),
    "train_size": QT_TRANSLATE_NOOP("TaskForm", "training examples"),
    "test_size": QT_TRANSLATE_NOOP("TaskForm", "test examples"),
    "length": QT_TRANSLATE_NOOP("TaskForm", "length"),
    "min_length": QT_TRANSLATE_NOOP("TaskForm", "shortest"),
    "max_length": QT_TRANSLATE_NOOP("TaskForm", "longest"),
    "min_words": QT_TRANSLATE_NOOP("TaskForm", "fewest words"),
    "max_words": QT_TRANSLATE_NOOP("TaskForm", "most words"),
    "delay": QT_TRANSLATE_NOOP("TaskForm", "delay"),
    "symbols": QT_TRANSLATE_NOOP("TaskForm", "symbols"),
    "target": QT_TRANSLATE_NOOP("TaskForm", "target"),
    "language": QT_TRANSLATE_NOOP("TaskForm", "language"),
    "path": QT_TRANSLATE_NOOP("TaskForm", "file"),
    "test_path": QT_TRANSLATE_NOOP("TaskForm", "test file"),
    "test_fraction": QT_TRANSLATE_NOOP("TaskForm", "test share"),
    "source_format": QT_TRANSLATE_NOOP("TaskForm", "source format"),
    "target_format": QT_TRANSLATE_NOOP("TaskForm", "target format"),
    "min_year": QT_TRANSLATE_NOOP("TaskForm", "earliest year"),
    "max_year": QT_TRANSLATE_NOOP("TaskForm", "latest year"),
    "max_value": QT_TRANSLATE_NOOP("TaskForm", "largest number"),
    "direction": QT_TRANSLATE_NOOP("TaskForm", "direction"),
    "split": QT_TRANSLATE_NOOP("TaskForm", "split into"),
}


def class_names(labels) -> list[str]:
    """The task's class labels as the person reads them."""
    return [
        QCoreApplication.translate("TaskWords", label) if label in CLASS_NAMES else label
        for label in labels
    ]


def setting_name(key: str) -> str:
    """A task setting's name as the person reads it (its own key when it has none)."""
    return (
        QCoreApplication.translate("TaskForm", SETTING_NAMES[key]) if key in SETTING_NAMES else key
    )


def describe(task, split: str, index: int) -> str:
    """The task's one line for an example ("input -> target"), its class named as the person
    reads it."""
    line = task.describe(split, index)
    head, arrow, target = line.rpartition("->")
    name = target.strip()
    if arrow and name in (task.labels or ()):
        return head + arrow + target.replace(name, class_names([name])[0])
    return line
