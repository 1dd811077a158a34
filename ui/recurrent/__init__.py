"""The recurrent kind's place in the window: its registry entry, runner, view set and events in
words. Its views themselves came first and live in ui/ (builder_panel, diagram/, inspector,
input_panel, plots/); each sees the session through a SessionView of the recurrent kind."""
