"""WindowKind: what one kind of model brings to the window, beside its engine entry
(simulator.kind.Kind): its runner, its views (a page for the window's centre, a spec form for
the "Network" dock, an inspector for the "Inspector" dock, and any docks of its own), how the
stepper bar tells its events, and the explanations that describe a model of it.
ui.kinds.registry holds the three; code that works for every kind asks it.

A kind's views are built the first time a model of that kind is shown (ui.kinds.view_sets), so
a window on a recurrent network never builds the encoder-decoder's.
"""

from __future__ import annotations


class WindowKind:
    heading = ""  # the gallery's heading over its examples (QT_TRANSLATE_NOOP("GalleryPanel"))
    # Docks its views fill beside the "Network" and "Inspector" ones: name -> title (marked
    # QT_TRANSLATE_NOOP("MainWindow")); the window makes them at start, empty until then.
    docks: dict[str, str] = {}
    # Docks of the window that close and open with the kind's own (they share their place).
    shares_docks: tuple[str, ...] = ()

    def __init__(self, kind):
        self.kind = kind  # the engine's registry entry

    @property
    def name(self) -> str:
        return self.kind.name

    @property
    def shown_docks(self) -> tuple[str, ...]:
        """The docks that are open only while a model of this kind is shown."""
        return (*self.docks, *self.shares_docks)

    def runner(self):
        """A new Runner (ui.kinds.runner) for a project of this kind."""
        raise NotImplementedError

    def views(self, session, window):
        """The kind's view set (a QWidget: the page for the window's centre) with `builder`,
        `inspector` and `docks` (name -> panel for each of `self.docks`) and
        `export_plots(folder)`. `session` is a SessionView of this kind."""
        raise NotImplementedError

    def describe_event(self, session) -> str:
        """The current event in words (the stepper bar adds how far through the events)."""
        raise NotImplementedError

    def timeline_events(self, stepper) -> list:
        """What the timeline draws: events with a phase, a group (layer) and a direction."""
        return stepper.events

    def explanation_keys(self, spec) -> list[str]:
        """The explanations (resources/explanations/KEY.*.html) that describe `spec`."""
        raise NotImplementedError
