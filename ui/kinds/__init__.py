"""What the window does the same way for every kind of model, and the registry it asks
(ui.kinds.registry: each kind's runner, views, events and explanations, beside the engine's
simulator.kinds).

The session holds any kind. Each kind's views see the session through a SessionView that is
empty and silent while another kind is shown, so they never meet a trace they do not know; its
page, form and inspector are swapped into the window's centre and docks (ui.kinds.view_sets),
built the first time a model of that kind is shown. The bases here serve all three kinds:
SpecForm (a spec as a form), GraphView (a zoomable picture of nodes), NodeInspector (a node's
equations and vectors), Runner, Focus.
"""
