"""The lessons as data: every file reads, follows the notes' outline in both languages, opens
shipped examples, raises real panels, and has steps a window can perform on those examples."""

import json
import re

import pytest

from simulator.kinds import compare_choices
from simulator.lessons import LessonError, lesson_named, lessons
from simulator.lessons.checks import CHECKS
from simulator.lessons.lesson import LESSONS_DIR, read_lesson
from simulator.project import Project, set_path

CJK = re.compile(r"[\u4e00-\u9fff]")
NAMES = [lesson.name for lesson in lessons()]


def test_at_least_fourteen_lessons_in_the_notes_order_each_with_its_own_check():
    assert len(NAMES) >= 14 and len(set(NAMES)) == len(NAMES)
    assert NAMES[0] == "tdnn" and NAMES[-1] == "attention"  # the notes' first and last
    assert NAMES.index("long_range") < NAMES.index("exploding") < NAMES.index("gru")
    assert {lesson.check for lesson in lessons()} <= set(CHECKS)
    assert len({lesson.check for lesson in lessons()}) == len(NAMES)  # one claim each


@pytest.mark.parametrize("name", NAMES)
def test_every_text_is_written_in_chinese_and_in_english(name):
    lesson = lesson_named(name)
    for texts in (lesson.section, lesson.title, lesson.text, lesson.claim):
        assert CJK.search(texts["zh"]), texts["zh"]
        assert not CJK.search(texts["en"]), texts["en"]
    for step in lesson.steps:
        assert CJK.search(step.text["zh"]) and not CJK.search(step.text["en"])


@pytest.mark.parametrize("name", NAMES)
def test_the_steps_can_be_performed_on_the_examples_the_lesson_opens(name):
    """Replay the steps on the project files as a window would: open, set each field (the
    project must still be valid and fit its task), compare against an offered choice."""
    lesson = lesson_named(name)
    assert lesson.steps[0].do == "open"  # a lesson starts from one of its examples
    assert lesson.steps[-1].do == "check"
    data = None
    for step in lesson.steps:
        if step.do == "open":
            path = lesson.project_path(step.arguments["project"])
            data = json.loads(path.read_text(encoding="utf-8"))
            project = Project.load(path)
        elif step.do == "set":
            set_path(data, step.arguments["field"], step.arguments["value"])
            if step.arguments["field"].startswith("network."):  # a new network starts fresh
                for trained in ("history", "parameters", "step"):
                    data.pop(trained, None)
            changed = Project.from_dict(data)
            changed.folder = path.parent
            changed.make_task()  # the network still fits the task's data
            project = changed
        elif step.do == "compare":  # a pair compare mode offers: never the network's own
            pair = (step.arguments["field"], step.arguments["value"])
            assert pair in compare_choices(project.spec), pair
            project.spec.replace(**{pair[0]: pair[1]})  # B is a valid network
        elif step.do == "sweep":
            assert set(step.arguments["cells"]) <= {"rnn", "gru", "lstm"}
            assert all(isinstance(n, int) and n >= 2 for n in step.arguments["lengths"])


def test_a_mistake_in_a_lesson_file_names_the_file_and_the_field(tmp_path):
    good = json.loads((LESSONS_DIR / "bptt.json").read_text(encoding="utf-8"))
    cases = [
        ({"panels": ["hidden", "spectrum"]}, "panels: 'spectrum'"),
        ({"projects": ["no_such_example"]}, "no example named 'no_such_example'"),
        ({"claim": {"en": "only English"}}, "claim must hold a text for each of zh, en"),
        ({"check": "unknown"}, "check 'unknown'"),
        ({"steps": [{"do": "fly", "text": good["steps"][0]["text"]}]}, "steps[0]: do must be"),
        (
            {"steps": [{"do": "train", "steps": "many", "text": good["steps"][0]["text"]}]},
            "steps = 'many' has the wrong type",
        ),
        (
            {"steps": [{"do": "goto", "event": "sideways:3", "text": good["steps"][0]["text"]}]},
            "event 'sideways:3'",
        ),
    ]
    for change, message in cases:
        path = tmp_path / "bptt.json"
        path.write_text(json.dumps({**good, **change}), encoding="utf-8")
        with pytest.raises(LessonError, match=re.escape(message)) as err:
            read_lesson(path, CHECKS)
        assert str(err.value).startswith("bptt.json: ")
    (tmp_path / "bptt.json").write_text("{", encoding="utf-8")
    with pytest.raises(LessonError, match="not valid JSON"):
        read_lesson(tmp_path / "bptt.json", CHECKS)


def test_an_unknown_lesson_lists_the_known_ones():
    with pytest.raises(LessonError, match="no lesson named 'rnn'.*tdnn, rnn_forward"):
        lesson_named("rnn")
