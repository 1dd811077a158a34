"""Training: settings, optimisers, history and the loop."""

from .history import History
from .settings import TrainingSettings
from .trainer import Divergence, Progress, Trainer, TrainingResult

__all__ = ["Divergence", "History", "Progress", "Trainer", "TrainingResult", "TrainingSettings"]
