import numpy as np

from simulator.training import History


def _filled(count, capacity=8):
    history = History(["w", "b"], capacity=capacity)
    for step in range(1, count + 1):
        history.add(step, float(step), np.nan, 2.0 * step, step % 4 == 0, [step, -step])
    return history


def test_memory_stays_bounded_and_covers_every_step():
    history = _filled(1000)
    table = history.table()
    assert len(table) <= 8
    assert table[-1, 0] == 1000
    assert history.stride >= 1000 // 8


def test_merged_records_hold_means_and_the_share_that_clipped():
    history = _filled(16, capacity=8)  # 16 steps in records of 2 or 4 steps
    loss = history.column("loss")
    steps = history.column("step")
    previous = np.concatenate([[0], steps[:-1]])
    assert np.allclose(loss, (previous + 1 + steps) / 2)  # mean of the steps each record covers
    assert np.allclose(history.column("clipped").sum() * history.stride, 4)
    assert np.all(np.isnan(history.column("accuracy")))


def test_round_trip_through_json_is_exact():
    history = _filled(37, capacity=8)
    history.add_evaluation(30, 0.25, 0.5)
    again = History.from_dict(history.to_dict())
    assert np.array_equal(again.table(), history.table(), equal_nan=True)
    assert again.evaluations == history.evaluations and again.stride == history.stride
