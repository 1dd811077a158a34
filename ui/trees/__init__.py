"""The recursive networks' views: tree editor, tree view, node inspector, model comparison and
builder. Each listens to the session through a SessionView of the tree kind
(ui.kinds.session_view), so it only ever sees tree traces."""
