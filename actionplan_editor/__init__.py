"""Starting the application: the editor, or a command (``check``, ``export``, ``import`` and the
rest) when one is named. ``main.py``, ``python -m actionplan_editor``, the installed programs
(``actionplan`` and ``actionplan-editor``) and the standalone folder's programs all start here.

It stands above the editor and the command line, and loads Qt only to open the editor."""
