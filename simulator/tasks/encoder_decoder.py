"""The encoder-decoder tasks: sentence pairs for simulator.encoder_decoder.

Their `spec_fields` are EncoderDecoderSpec fields and their data ParallelDatasets, so they are
listed apart from TASKS (whose tasks build a NetworkSpec); make_task builds either kind:

    task = make_task("reverse", {"seed": 3})
    spec = EncoderDecoderSpec(attention="additive", **task.spec_fields)
"""

from __future__ import annotations

from . import dates, numbers, parallel, reverse

# name: (builder, default settings, what each setting may hold)
CATALOGUE = {
    "reverse": (reverse.build, reverse.DEFAULTS, reverse.RULES),
    "dates": (dates.build, dates.DEFAULTS, dates.RULES),
    "numbers": (numbers.build, numbers.DEFAULTS, numbers.RULES),
    "parallel_file": (parallel.build_parallel_file, parallel.FILE_DEFAULTS, parallel.FILE_RULES),
}
PAIR_TASKS = {name: build for name, (build, _, _) in CATALOGUE.items()}
PAIR_DEFAULTS = {name: defaults for name, (_, defaults, _) in CATALOGUE.items()}
PAIR_RULES = {name: rules for name, (_, _, rules) in CATALOGUE.items()}
