"""The Qt editor: a thin adapter over the pure plan model in ``actionplan``, in rooms (``window``,
``exchange``, ``files``, ``checks``, ``panes``, ``table``, ``edits``, ``common``) that import only
the rooms below them (see the README and pyproject.toml's import-linter contracts)."""
