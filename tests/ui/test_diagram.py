"""The unrolled network: nodes fill in with the cursor, the current event is outlined, and
clicking a node selects it for the inspector."""

from PySide6.QtCore import Qt

from ui.selection import Selection

from .conftest import small_project


def test_nodes_show_future_forward_and_backward(window):
    session, diagram = window.session, window.diagram
    session.goto(session.stepper.find("forward:1"))
    assert diagram.node_look(("hidden", 0, 0, 0)) == ("forward", "plain")
    assert diagram.node_look(("hidden", 0, 0, 1))[1] == "current"
    assert diagram.node_look(("hidden", 0, 0, 2)) == ("future", "future")
    session.goto(session.stepper.find("backward:4"))
    assert diagram.node_look(("hidden", 0, 0, 5))[0].startswith("grad")
    assert diagram.node_look(("hidden", 0, 0, 3))[0] == "forward"
    assert all(edge.lit for edge in diagram.outgoing[("hidden", 0, 0, 4)])


def test_clicking_a_node_selects_it(window, qtbot):
    diagram = window.diagram
    item = diagram.nodes[("hidden", 0, 0, 2)]
    point = diagram.view.mapFromScene(item.sceneBoundingRect().center())
    qtbot.mouseClick(diagram.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.session.selection == Selection("hidden", 0, 0, 2)
    assert "t = 2" in window.inspector.title.text()


def test_a_fifty_step_sequence_stays_readable_and_scrolls(make_window):
    project = small_project("adding", cell="lstm")
    project.task["length"] = 50
    window = make_window(project)
    diagram = window.diagram
    assert diagram.view.transform().m11() >= 0.6  # nodes keep a readable size
    assert diagram.view.horizontalScrollBar().maximum() > 0
    window.session.goto(window.session.stepper.find("forward:45"))
    visible = diagram.view.mapToScene(diagram.view.viewport().rect()).boundingRect()
    assert visible.contains(diagram.nodes[("hidden", 0, 0, 45)].sceneBoundingRect().center())
