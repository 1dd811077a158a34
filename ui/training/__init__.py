"""Training in the window: a worker thread around the engine's Trainer, the live curves, the
settings panel and compare mode (two networks on the same task and seed)."""
