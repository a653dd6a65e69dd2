"""Importers: read Word action plans and pasted report text into the pure plan model. No Qt."""
