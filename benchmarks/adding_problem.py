"""The classic contrast (Hochreiter & Schmidhuber 1997) on the adding problem at T = 100.

    .venv/bin/python benchmarks/adding_problem.py [--length 100] [--hidden 16] [--max-steps N]

An LSTM and a simple tanh RNN of the same size are trained with Adam on the same seeded data.
The LSTM should reach a test MSE below 0.01 with over 90% of test sequences within 0.04 of the
target; the simple RNN should stay near the test set's own baseline (the MSE of always
predicting the test targets' mean, which `evaluate` reports as baseline_mse; about 1/6, the
variance of the sum of two U(0, 1) values). Prints both runs' final numbers, the training
sequences each needed to meet the criterion, and training speed in sequences per second.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from simulator.project import new_project  # noqa: E402


def test_numbers(trainer) -> tuple[float, float, float]:
    """(MSE, share within 0.04, the mean predictor's MSE) on the whole test set."""
    result = trainer.evaluate(max_examples=len(trainer.task.test))
    return result["mse"], result["accuracy"], result["baseline_mse"]


def run(cell: str, args) -> dict:
    project = new_project(
        "adding",
        {
            "network.cell": cell,
            "network.hidden_size": args.hidden,
            "task.length": args.length,
            "task.train_size": 10000,
            "task.test_size": 1000,
            "training.learning_rate": 0.01,
            "training.batch_size": args.batch,
            "training.eval_every": 0,
        },
    )
    trainer = project.make_trainer(project.make_network(), project.make_task())
    met_at, seconds, history = None, 0.0, []
    while trainer.step < args.max_steps:
        started = time.perf_counter()
        trainer.train(args.every)
        seconds += time.perf_counter() - started
        mse, within, baseline = test_numbers(trainer)
        history.append((trainer.step, mse, within))
        print(
            f"  {cell:<5} step {trainer.step:>6}  test MSE {mse:.4f}  within 0.04 {within:.3f}"
            f"  (baseline {baseline:.4f})",
            flush=True,
        )
        if met_at is None and mse < 0.01 and within > 0.9:
            met_at = trainer.step
            if not args.full:
                break
    return {
        "cell": cell,
        "baseline": baseline,
        "history": history,
        "met_at": met_at,
        "sequences_per_second": trainer.step * args.batch / seconds,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--length", type=int, default=100)
    parser.add_argument("--hidden", type=int, default=16)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--max-steps", type=int, default=6000)
    parser.add_argument("--every", type=int, default=250, help="steps between test evaluations")
    parser.add_argument(
        "--full",
        action="store_true",
        help="train both to --max-steps instead of stopping the LSTM once met",
    )
    args = parser.parse_args()
    print(
        f"Adding problem, T = {args.length}, hidden {args.hidden}, Adam lr 0.01, batch "
        f"{args.batch}; baseline: the MSE of always predicting the test set's mean target"
    )
    results = [run("lstm", args), run("rnn", args)]
    print()
    print("cell   final test MSE  within 0.04  criterion met after     sequences/s")
    for r in results:
        step, mse, within = r["history"][-1]
        met = (
            f"{r['met_at']:>6} steps ({r['met_at'] * args.batch:>7} sequences)"
            if r["met_at"]
            else f"{'not met in ' + str(step) + ' steps':>30}"
        )
        print(
            f"{r['cell']:<6} {mse:14.4f} {within:12.3f}  {met}  {r['sequences_per_second']:10.0f}"
        )
    lstm, rnn = results
    rnn_mse, baseline = rnn["history"][-1][1], rnn["baseline"]
    print(
        f"\nLSTM meets the criterion: {'yes' if lstm['met_at'] else 'NO'}; simple RNN stays "
        f"near the baseline: {'yes' if rnn_mse > 0.5 * baseline else 'NO'} "
        f"(MSE {rnn_mse:.4f} = {rnn_mse / baseline:.2f} x the baseline {baseline:.4f})"
    )


if __name__ == "__main__":
    main()
