"""Project files: NAME.rnnsim.json (spec, task, training settings, history) beside a weights file
it names, NAME.<12 hex digits>.npz (parameters by state_dict name, and the optimiser's state).

A save writes the weights under a new name, then replaces the JSON atomically, then removes the
old weights (simulator.files.saving), so a crash at any moment leaves the old project or the
new one, whole. Opening reads both parts through simulator.files, which refuses a damaged or
hostile file with one ProjectError before believing anything in it (arrays are never
unpickled). Reopening a project restores exactly the state it was saved in.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from .errors import FileRefused, InputError, ProjectError, SpecError, shown
from .files import clean_leftovers, parse_json, project_lock, save_project_files
from .files.project_file import (
    FORMAT,
    OPTIMIZER_PREFIX,
    VERSION,
    check_sections,
    read_project_json,
    read_project_weights,
    weights_path,
)
from .kinds import build_model, kind_for_task, kind_of, spec_from_dict
from .tasks import make_task
from .tasks.base import Task, TaskError
from .training import History, Trainer, TrainingSettings

if TYPE_CHECKING:
    from .encoder_decoder import EncoderDecoder, EncoderDecoderSpec
    from .network import Network
    from .spec import NetworkSpec
    from .trees import TreeNetwork, TreeSpec

    Spec = NetworkSpec | EncoderDecoderSpec | TreeSpec
    Model = Network | EncoderDecoder | TreeNetwork

DATA_PATHS = ("path", "test_path")  # task settings that name the person's files
__all__ = ["Project", "ProjectError", "new_project", "parse_value", "set_path"]


@dataclass
class Project:
    spec: Spec
    task: dict  # {"name": ..., **settings}
    training: TrainingSettings = field(default_factory=TrainingSettings)
    init_seed: int = 0
    step: int = 0
    parameters: dict[str, np.ndarray] | None = None  # None: initialise from init_seed
    optimizer_state: dict[str, np.ndarray] = field(default_factory=dict)
    history: dict | None = None  # History.to_dict()
    view: dict = field(default_factory=dict)  # what the window was showing (free-form)
    # The folder of the file it was read from: a relative data path (task.path, task.test_path)
    # is looked for there first, so a project and its data can move together.
    folder: Path | None = field(default=None, compare=False)

    # ----- building the working objects ------------------------------------------------------
    def make_task(self) -> Task:
        settings = {k: v for k, v in self.task.items() if k != "name"}
        for key in DATA_PATHS:
            if key in settings:
                settings[key] = self._beside_project(settings[key])
        try:
            task = make_task(self.task["name"], settings)
        except TaskError as err:
            raise ProjectError(f"task: {err}") from None
        try:
            task = kind_of(self.spec).task_for(task)
        except ValueError as err:
            raise ProjectError(f"task: {err}") from None
        _check_fits(self.spec, task)
        return task

    def _beside_project(self, path):
        """`path`, or the file of that relative path beside the project file when it is there."""
        if not isinstance(path, str) or not path or self.folder is None:
            return path
        beside = self.folder / path
        return str(beside.resolve()) if not Path(path).is_absolute() and beside.is_file() else path

    def make_network(self) -> Model:
        """The model the spec describes (recurrent, encoder-decoder or tree), with the saved
        parameters when there are any."""
        network = build_model(self.spec, seed=self.init_seed)
        if self.parameters is not None:
            try:
                network.load_state_dict(self.parameters)
            except InputError as err:
                raise ProjectError(f"parameters: {err}") from None
        return network

    def make_trainer(self, network: Model, task: Task) -> Trainer:
        history = None
        if self.history is not None:
            try:
                history = History.from_dict(self.history)
            except (KeyError, TypeError, ValueError) as err:
                raise ProjectError(f"history is damaged: {err}") from None
        try:
            return Trainer(network, task, self.training, history, self.step, self.optimizer_state)
        except SpecError as err:
            raise ProjectError(str(err)) from None
        except ValueError as err:
            raise ProjectError(f"optimizer state: {err}") from None

    def capture(self, trainer: Trainer) -> None:
        """Take the trainer's current parameters, step, optimiser state and history."""
        self.parameters = trainer.network.state_dict()
        self.step = trainer.step
        self.optimizer_state = {k: v.copy() for k, v in trainer.optimizer.state.items()}
        self.history = trainer.history.to_dict()
        self.training = trainer.settings

    # ----- files -------------------------------------------------------------------------------
    def to_dict(self, parameters_file: str) -> dict:
        return {
            "format": FORMAT,
            "version": VERSION,
            "network": self.spec.to_dict(),
            "init_seed": self.init_seed,
            "task": dict(self.task),
            "training": self.training.to_dict(),
            "step": self.step,
            "history": self.history,
            "view": self.view,
            "parameters": parameters_file,
        }

    def save(self, path: str | Path) -> None:
        """Write NAME.rnnsim.json and its weights as one unit (see the module's docstring)."""
        path = Path(path)
        parameters = (
            self.parameters
            if self.parameters is not None
            else build_model(self.spec, seed=self.init_seed).state_dict()
        )
        arrays = dict(parameters)
        arrays.update({OPTIMIZER_PREFIX + k: v for k, v in self.optimizer_state.items()})
        save_project_files(path, lambda name: _to_json(self.to_dict(name)), arrays)

    @classmethod
    def load(cls, path: str | Path) -> Project:
        """Open a project file. Raises ProjectError (one line) for anything damaged or hostile;
        what a crashed save of this project left in its folder is removed first."""
        path = Path(path)
        with project_lock(path.parent):
            clean_leftovers(path)
            data = read_project_json(path)
            project = cls.from_dict(data, where=str(path))
            project.folder = path.parent
            name = data.get("parameters")
            if name is not None:
                project.parameters, project.optimizer_state = read_project_weights(
                    weights_path(path, name),
                    kind_of(project.spec).shapes(project.spec),
                    project.spec.dtype,
                    project.training.optimizer,
                )
        return project

    @classmethod
    def from_dict(cls, data, where: str = "project") -> Project:
        check_sections(data, where)
        try:
            spec = spec_from_dict(data["network"])
            training = TrainingSettings.from_dict(data["training"])
        except SpecError as err:
            field_name = err.field if err.field.startswith("training.") else f"network.{err.field}"
            raise ProjectError(
                f"{where}: {field_name} = {shown(err.value)} is not allowed: {err.allowed}"
            ) from None
        except TypeError as err:
            raise ProjectError(f"{where}: {err}") from None
        history = data.get("history")
        if history is not None:
            try:
                History.from_dict(history, kind_of(spec).shapes(spec))
            except ValueError as err:
                raise ProjectError(f"{where}: {err}") from None
        return cls(
            spec=spec,
            task=dict(data["task"]),
            training=training,
            init_seed=data.get("init_seed", 0),
            step=data.get("step", 0),
            history=history,
            view=dict(data.get("view") or {}),
        )


def new_project(task_name: str, sets: dict[str, object] | None = None) -> Project:
    """A fresh project for a task. `sets` maps dotted paths of the project file to values
    (network.cell, task.length, training.learning_rate, ...); the task's data fixes the network
    fields it implies (input size or vocabulary, output size, mode, loss)."""
    sets = dict(sets or {})
    task_sets = {k[5:]: v for k, v in sets.items() if k.startswith("task.")}
    if "name" in task_sets:
        raise ProjectError("task.name: choose the task with --task")
    try:
        task = make_task(task_name, task_sets)
    except TaskError as err:
        raise ProjectError(str(err)) from None
    data = {
        "format": FORMAT,
        "version": VERSION,
        "network": _network_defaults(task, sets),
        "init_seed": 0,
        "task": {"name": task_name, **task.settings},
        "training": {},
        "step": 0,
    }
    for path, value in sets.items():
        if not path.startswith("task."):
            set_path(data, path, value)
    project = Project.from_dict(data, where="new project")
    project.make_task()  # checks that the network fits the task's data
    return project


def _network_defaults(task: Task, sets: dict) -> dict:
    """A new project's network before the person's --set: a model of the kind that trains on
    the task (an encoder-decoder for a pair task, a tree model for a treebank unless a
    recurrent network's field such as network.cell is set), with the fields the task's data
    fixes filled in (simulator.kinds.kind_for_task)."""
    fields = [path.partition(".")[2] for path in sets if path.startswith("network.")]
    try:
        return kind_for_task(task, fields).new_network(task)
    except ValueError as err:
        raise ProjectError(str(err)) from None


def set_path(data: dict, path: str, value) -> None:
    """data[a][b] = value for path "a.b"; only existing sections may be changed."""
    parts = path.split(".")
    sections = {"network", "training", "task", "view"}
    if len(parts) == 1 and parts[0] in ("init_seed", "step"):
        data[parts[0]] = value
        return
    if len(parts) != 2 or parts[0] not in sections or not parts[1]:
        raise ProjectError(
            f"{path}: expected SECTION.FIELD with SECTION one of "
            f"{', '.join(sorted(sections))} (or init_seed)"
        )
    data.setdefault(parts[0], {})[parts[1]] = value


def parse_value(text: str):
    """A --set value: JSON when it parses (numbers, true, false, null), else the text itself."""
    try:
        return parse_json(text)
    except FileRefused:
        return text


def _check_fits(spec: Spec, task: Task) -> None:
    for name, needed in task.spec_fields.items():
        have = getattr(spec, name, None)
        if have != needed:
            raise ProjectError(
                f"network.{name} = {have!r} does not fit task {task.name}: it needs {needed!r}"
            )


def _to_json(data: dict) -> str:
    """Indented JSON, except that each history record stays on one line (readable, and a third
    of the size of one number per line)."""
    history = data.get("history")
    if not history:
        return json.dumps(data, indent=1, ensure_ascii=False, allow_nan=False)
    marks = {key: f"@{key}-{uuid.uuid4().hex}" for key in ("rows", "pending")}
    data = {**data, "history": {**history, **marks}}
    text = json.dumps(data, indent=1, ensure_ascii=False, allow_nan=False)
    for key, mark in marks.items():
        rows = history[key]
        lines = ",\n   ".join(json.dumps(row, allow_nan=False) for row in rows)
        text = text.replace(f'"{mark}"', f"[\n   {lines}\n  ]" if rows else "[]")
    return text
