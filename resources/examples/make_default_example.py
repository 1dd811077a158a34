"""Build the project the window opens with: an LSTM reading English sentiment, trained a little.

    .venv/bin/python resources/examples/make_default_example.py

It is trained for a few hundred seeded steps (the same files on every machine), so its
predictions mean something when a first-time user steps through it; the sentence it shows first
has a negation and an intensifier ("not very good"), which an LSTM must read in order.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from simulator.project import new_project  # noqa: E402
from simulator.tasks.sentiment import LABELS, rate  # noqa: E402

NAME = "default_sentiment_lstm"
SENTENCE = "the film was not very good"
STEPS = 400


def build() -> None:
    project = new_project(
        "sentiment",
        {
            "network.cell": "lstm",
            "network.hidden_size": 16,
            "network.embedding_dim": 8,
            "task.language": "en",
            "training.eval_every": 100,
        },
    )
    network, task = project.make_network(), project.make_task()
    trainer = project.make_trainer(network, task)
    trainer.train(STEPS)
    project.capture(trainer)
    project.view = {
        "title": {
            "en": "Start here: an LSTM reads a sentence with a negation",
            "zh": "从这里开始：LSTM 读一个带否定词的句子",
        },
        "about": {
            "en": "Five sentiment classes; 'not' flips the next rated word and 'very' "
            "strengthens it. Step through the forward pass word by word, then watch BPTT carry "
            "the loss back to the first word.",
            "zh": "五类情感；not 反转后面的情感词，very 加强它。逐词单步执行前向传播，"
            "再看随时间反向传播把损失传回第一个词。",
        },
        "input": {"text": SENTENCE, "target": LABELS.index(rate(SENTENCE, "en"))},
    }
    project.save(HERE / f"{NAME}.rnnsim.json")
    score = trainer.evaluate()
    print(f"{NAME}: step {trainer.step}, test loss {score['loss']:.4f}, "
          f"accuracy {score['accuracy']:.3f}; '{SENTENCE}' -> {rate(SENTENCE, 'en')}")


if __name__ == "__main__":
    build()
