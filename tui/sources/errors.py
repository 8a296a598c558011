"""The one error a source raises."""


class InputError(Exception):
    """Input that cannot be read as an article; the message is one line for the user."""
