"""Where the window finds its resources (example projects, screenshots)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ROOT / "resources"
EXAMPLES = RESOURCES / "examples"
DEFAULT_EXAMPLE = EXAMPLES / "default_sentiment_lstm.rnnsim.json"
PROJECT_SUFFIX = ".rnnsim.json"
