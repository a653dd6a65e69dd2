"""Tracking progress once the plan is published: the progress view and its filter, the inspector's progress section, and the one way the editor records progress."""
