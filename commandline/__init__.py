"""The command line (``main.py check|export|import``): stands above the importers, the exporters
and the core, and may import all three, but never PySide6 or the editor."""
