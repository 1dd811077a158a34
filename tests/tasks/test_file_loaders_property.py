"""Whatever a file holds, the loaders either build a task or raise a TaskError."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulator.tasks import Task, TaskError, make_task

# Text built mostly from the characters the format cares about, to reach every branch.
FORMAT_LIKE = st.text(alphabet=st.sampled_from("ab汉 \t\n\r\x0b\x00\ufeff<>"), max_size=60)
CONTENTS = st.one_of(FORMAT_LIKE, st.text(max_size=60), st.binary(max_size=60))


@pytest.mark.parametrize("kind", ["tagged_file", "labelled_file"])
@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(content=CONTENTS)
def test_arbitrary_content_gives_a_task_or_a_task_error(tmp_path, kind, content):
    path = tmp_path / "any.tsv"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    try:
        task = make_task(kind, {"path": str(path)})
    except TaskError:
        return
    assert isinstance(task, Task) and len(task.train) >= 1 and len(task.test) >= 1
