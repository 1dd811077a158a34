"""The unrolled network: layers x time steps as nodes and edges in a QGraphicsView."""
