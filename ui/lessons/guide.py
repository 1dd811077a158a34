"""LessonGuide: the lesson being followed in the window, which of its steps are done and which is
next, and its running check or sweep.

A step's button calls `perform(index)`. Steps can be done in any order: a step that needs the
lesson's example on screen (all but raise and check) first opens its example (that of the
nearest open step before it) when the window shows another one, or the person's own project.
A compare step takes its step count from the train step that follows it (before the next open,
set, reset, compare or check), which it then does too: the comparison is that training. Leaving
the lesson (`leave`, or opening another) stops its check or sweep and any training one of its
steps started; the weights reached stay in the project, and nothing is saved.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from .jobs import check_job, sweep_job
from .steps import StepActions

NEEDS_EXAMPLE = ("goto", "set", "reset", "train", "compare", "sweep")
ENDS_A_COMPARISON = ("open", "set", "reset", "compare", "check")


class LessonGuide(QObject):
    changed = Signal()  # another lesson (or none), or its done and next steps changed
    job_started = Signal(str, int)  # "check" or "sweep", and its step's index
    job_advanced = Signal(int, int, int)  # run (from 1), its step, its target
    sweep_point = Signal(str, int, float)  # cell, length, accuracy
    job_finished = Signal(str, object)  # kind, the Outcome or the curves; None when stopped

    def __init__(self, window):
        super().__init__(window)
        self.window, self.session = window, window.session
        self.actions = StepActions(window)
        self.lesson = None
        self.done: set[int] = set()
        self.next = 0
        self.seed = 0  # of the check and the sweep
        self.shown: str | None = None  # the example a step of this lesson put on screen
        self.job = None
        self.job_kind = ""
        self.started_training = False
        self._performing = False
        self.waiting: int | None = None  # a train or compare step waiting for its kernels
        self._waiting_pair = None
        self._wait_timer = QTimer(self)
        self._wait_timer.setInterval(300)
        self._wait_timer.timeout.connect(self._retry_waiting)
        self.session.project_changed.connect(self._project_changed)
        window.training.finished.connect(self._training_finished)

    # ----- choosing a lesson -------------------------------------------------------------------
    def open(self, name: str) -> None:
        from simulator.lessons import lesson_named

        if self.lesson is not None and self.lesson.name == name:
            return
        self.leave()
        self.lesson = lesson_named(name)
        self.changed.emit()

    def leave(self) -> None:
        """Stop what the lesson runs (its check or sweep, training it started) and close it."""
        self._stop_waiting()
        self.stop_job(wait=True)
        if self.started_training:
            self.actions.stop_training()
            self.started_training = False
        self.lesson, self.done, self.next, self.shown = None, set(), 0, None
        self.changed.emit()

    # ----- steps -------------------------------------------------------------------------------
    def perform(self, index: int) -> bool:
        """Do step `index` of the lesson (opening its example first when it needs it). A train
        or compare step whose kernels are still being compiled starts once they are ready."""
        self._stop_waiting()
        if self.lesson.steps[index].do in NEEDS_EXAMPLE:
            opener = self._opener(index)
            needed = None if opener is None else self.lesson.steps[opener].arguments["project"]
            if needed != self.shown and (opener is None or not self._do(opener)):
                return False
        return self._do(index)

    def _opener(self, index: int) -> int | None:
        steps = self.lesson.steps
        before = [k for k in range(index, -1, -1) if steps[k].do == "open"]
        after = [k for k in range(len(steps)) if steps[k].do == "open"]
        return (before or after or [None])[0]

    def _following_train(self, index: int) -> int | None:
        for k in range(index + 1, len(self.lesson.steps)):
            do = self.lesson.steps[k].do
            if do == "train":
                return k
            if do in ENDS_A_COMPARISON:
                return None
        return None

    def _do(self, index: int) -> bool:
        step, actions = self.lesson.steps[index], self.actions
        arguments = step.arguments
        last = index
        self._performing = True
        try:
            if step.do == "open":
                done = actions.open(self.lesson, arguments["project"])
                self.shown = arguments["project"] if done else self.shown
            elif step.do == "goto":
                done = actions.goto(arguments["event"])
            elif step.do == "set":
                done = actions.set(arguments["field"], arguments["value"])
            elif step.do == "reset":
                done = actions.reset()
            elif step.do == "train":
                done = self.started_training = actions.train(arguments["steps"])
                self._wait_for_kernels(index, done)
            elif step.do == "compare":
                follow = self._following_train(index)
                steps = None if follow is None else self.lesson.steps[follow].arguments["steps"]
                pair = (arguments["field"], arguments["value"])
                done = self.started_training = actions.compare(*pair, steps)
                self._wait_for_kernels(index, done, pair)
                if done and follow is not None:
                    self.done.add(follow)
                    last = follow
            elif step.do == "raise":
                done = actions.raise_panel(arguments["panel"])
            elif step.do == "sweep":
                done = self._start("sweep", index)
            else:
                done = self._start("check", index)
        finally:
            self._performing = False
        if done:
            if step.do not in ("check", "sweep"):  # those are done when their result is in
                self.done.add(index)
            self.next = last + 1
            self.changed.emit()
        return done

    def _wait_for_kernels(self, index: int, started: bool, compare=None) -> None:
        """Training could not start because its kernels are being compiled: say so, and do
        the step again once they are ready."""
        if started or self.actions.kernels_ready(compare):
            return
        self.waiting, self._waiting_pair = index, compare
        self.session.problem.emit("")
        self.session.status.emit(
            self.tr("Training starts once the compiled kernels are ready (only the first start "
                    "compiles)…")
        )  # fmt: skip
        self._wait_timer.start()
        self.changed.emit()

    def _retry_waiting(self) -> None:
        if self.waiting is None or self.lesson is None:
            self._stop_waiting()
        elif self.actions.kernels_ready(self._waiting_pair):
            index = self.waiting
            self._stop_waiting()
            self.perform(index)

    def _stop_waiting(self) -> None:
        self._wait_timer.stop()
        if self.waiting is not None:
            self.waiting = None
            self.changed.emit()

    def _project_changed(self) -> None:
        if not self._performing:  # the person opened something else: not the lesson's example
            self.shown = None

    def _training_finished(self, _why: str) -> None:
        self.started_training = False

    # ----- the check and the sweep ---------------------------------------------------------------
    def _start(self, kind: str, index: int) -> bool:
        self.stop_job(wait=True)
        if kind == "check":
            job = check_job(self.lesson, self.seed, self)
        else:
            arguments = self.lesson.steps[index].arguments
            job = sweep_job(
                self.session.project,
                arguments["cells"],
                arguments["lengths"],
                arguments["steps"],
                self.seed,
                self,
            )
            job.point.connect(self.sweep_point)
        job.advanced.connect(self.job_advanced)
        job.done.connect(lambda result, j=job, k=index: self._job_done(j, k, result))
        job.failed.connect(lambda text, j=job: self._job_failed(j, text))
        self.job, self.job_kind = job, kind
        self.job_started.emit(kind, index)
        job.start()
        return True

    def stop_job(self, wait: bool = False) -> None:
        """Stop the check or sweep (within a chunk of steps); with `wait`, until it ended."""
        job = self.job
        if job is None:
            return
        job.stop()
        if wait:
            job.wait()
            self._job_done(job, -1, None)

    @property
    def running(self) -> bool:
        return self.job is not None

    def _job_done(self, job, index: int, result) -> None:
        if job is not self.job:  # already handled (stopped and waited for)
            return
        kind, self.job, self.job_kind = self.job_kind, None, ""
        if result is not None and index >= 0:
            self.done.add(index)
            self.changed.emit()
        self.job_finished.emit(kind, result)

    def _job_failed(self, job, text: str) -> None:
        if job is not self.job:
            return
        self.session.problem.emit(text)
        self._job_done(job, -1, None)
