"""rnnsim's package data (installed as `rnnsim_resources`): example projects, data files,
translations and model explanations. Code finds them through simulator.resources."""
