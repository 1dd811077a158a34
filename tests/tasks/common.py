"""What several task test files share."""

from simulator.tasks import TASKS

GENERATED_TASKS = [name for name in TASKS if not name.endswith("_file")]
SMALL = {"train_size": 60, "test_size": 20}  # examples enough to test, few enough to be quick
