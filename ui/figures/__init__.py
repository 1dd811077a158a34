"""Figures out of the window: any view as PNG, as true vector SVG and on the clipboard.

A *figure* is what a view shows: a QGraphicsItem (a pyqtgraph plot or a panel's whole layout),
a QGraphicsScene (a diagram, a tree) or a plain QWidget (a table). `render` paints one,
`svg` writes it as vectors, `image` as PNG and to the clipboard, `menu` puts the three on a
view's right-click menu and `export_all` writes every view of the window into a folder.
"""

from .export_all import write_figures
from .image import copy_figure, save_png
from .menu import add_figure_actions, attach_figure_menu
from .svg import save_svg

__all__ = [
    "add_figure_actions",
    "attach_figure_menu",
    "copy_figure",
    "save_png",
    "save_svg",
    "write_figures",
]
