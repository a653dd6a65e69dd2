"""The main window, its menus, shortcuts and panes: wires every other room together. May import any of them."""
