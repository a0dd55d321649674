"""Internals of the JVM Taskgraph's Python bridge (not for spec modules to import)."""

import importlib
import sys


def own(name):
    """The bridge's module ``name``, imported with its bytecode cached in the bridge's directory even when
    PYTHONDONTWRITEBYTECODE is set: that setting is the user's, for their own code, and compiling the bridge's
    modules again on every start would cost each `taskgraph show` several milliseconds (each ingest more)."""
    users_choice = sys.dont_write_bytecode
    sys.dont_write_bytecode = False
    try:
        return importlib.import_module("_taskgraph_bridge." + name)
    finally:
        sys.dont_write_bytecode = users_choice
