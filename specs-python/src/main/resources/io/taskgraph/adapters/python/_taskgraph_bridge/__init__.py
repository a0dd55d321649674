"""Internals of the JVM Taskgraph's Python bridge (not for spec modules to import)."""
