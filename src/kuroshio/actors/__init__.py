"""Actors: the date-aware actor dictionary and the recognizer stage (see docs/actors.md)."""

from kuroshio.actors.dictionary import Dictionary, Entry, Role, load_dictionary
from kuroshio.actors.lookup import lookup
from kuroshio.actors.recognizer import recognize_actors

__all__ = ["Dictionary", "Entry", "Role", "load_dictionary", "lookup", "recognize_actors"]
