"""The Qt editor: a thin adapter over the pure plan model in ``actionplan``."""
