"""TrainingSettingsForm: the TrainingSettings fields as a form. `settings()` reads them back,
validated by the engine; a value it refuses is flagged in place with its SpecError message."""

from __future__ import annotations

from PySide6.QtCore import QEvent

from .form import FieldForm

OPTIMIZERS = ("sgd", "momentum", "adam")
CLIPPING = ("off", "norm", "value")
INTEGERS = ("batch_size", "tbptt", "seed", "steps", "eval_every")
REALS = ("learning_rate", "momentum", "weight_decay", "clip")


class TrainingSettingsForm(FieldForm):
    def __init__(self, parent=None):
        super().__init__(parent, messages_apart=True)  # shown below the Start button
        self.choice("optimizer", "", OPTIMIZERS)
        self.line("learning_rate", "")
        self.line("momentum", "")
        self.choice("clipping", "", CLIPPING)
        self.line("clip", "")
        self.line("weight_decay", "")
        self.line("tbptt", "")
        self.line("batch_size", "")
        self.line("seed", "")
        self.line("steps", "")
        self.line("eval_every", "")
        self.widgets["optimizer"].currentIndexChanged.connect(self._show_rows)
        self.widgets["clipping"].currentIndexChanged.connect(self._show_rows)
        self.retranslate()

    def retranslate(self) -> None:
        combo = self.widgets["clipping"]
        names = (self.tr("off"), self.tr("by norm"), self.tr("by value"))
        for index, name in enumerate(names):
            combo.setItemText(index, name)
        rows = {
            "optimizer": (self.tr("optimiser"), self.tr("sgd, momentum or adam")),
            "learning_rate": (self.tr("learning rate"), self.tr("step size of every update")),
            "momentum": (self.tr("momentum"), self.tr("share of the last update kept")),
            "clipping": (
                self.tr("gradient clipping"),
                self.tr("by norm: g ← g·c/‖g‖ when ‖g‖ > c; by value: each entry into [−c, c]"),
            ),
            "clip": (self.tr("clip at c"), self.tr("the threshold c")),
            "weight_decay": (
                self.tr("weight decay λ"),
                self.tr("p ← p − lr (g + λ p); 0 turns it off"),
            ),
            "tbptt": (
                self.tr("truncated BPTT"),
                self.tr("gradients flow back at most this many steps; 0: full BPTT"),
            ),
            "batch_size": (self.tr("batch size"), self.tr("examples per update")),
            "seed": (self.tr("seed"), self.tr("the order of the batches")),
            "steps": (self.tr("steps"), self.tr("how many updates Start runs")),
            "eval_every": (
                self.tr("test every"),
                self.tr("steps between test-set evaluations; 0: never"),
            ),
        }
        for key, (label, tip) in rows.items():
            self.set_label(key, label, tip)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show_rows(self) -> None:
        self.set_visible("momentum", self.text("optimizer") == "momentum")
        self.set_visible("clip", self.text("clipping") != "off")

    # ----- values ------------------------------------------------------------------------------
    def show_settings(self, settings) -> None:
        for key in ("optimizer", "learning_rate", "momentum", "weight_decay", *INTEGERS):
            self.set_value(key, getattr(settings, key))
        if settings.clip_norm:
            self.set_value("clipping", "norm")
            self.set_value("clip", settings.clip_norm)
        elif settings.clip_value:
            self.set_value("clipping", "value")
            self.set_value("clip", settings.clip_value)
        else:
            self.set_value("clipping", "off")
            self.set_value("clip", 1.0)
        self._show_rows()
        self.clear_flags()

    def settings(self, base):
        """TrainingSettings from the form over `base` (the fields the form does not show), or
        None with the bad fields flagged."""
        from simulator.errors import SpecError
        from simulator.training import TrainingSettings

        self.clear_flags()
        values, bad = {"optimizer": self.text("optimizer")}, False
        for key in INTEGERS + REALS:
            text = self.text(key)
            try:
                values[key] = int(text) if key in INTEGERS else float(text)
            except ValueError:
                kind = self.tr("a whole number") if key in INTEGERS else self.tr("a number")
                self.flag(key, self.tr("{0} = {1!r} is not allowed: {2}").format(key, text, kind))
                bad = True
        if bad:
            return None
        clip, how = values.pop("clip"), self.text("clipping")
        values["clip_norm"] = clip if how == "norm" else 0.0
        values["clip_value"] = clip if how == "value" else 0.0
        try:
            return TrainingSettings(**{**base.to_dict(), **values})
        except SpecError as err:
            key = err.field.removeprefix("training.")
            key = "clip" if key in ("clip_norm", "clip_value") else key
            self.flag(key if key in self.widgets else "steps", str(err))
            return None
