"""Widgets: they display and dispatch; none of them runs NLP."""
