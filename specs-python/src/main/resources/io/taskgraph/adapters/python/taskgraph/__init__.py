"""The names spec modules import from Taskgraph: ``from taskgraph import Task``.

Shipped with the JVM Taskgraph's Python bridge, which puts this package on the path while a
spec module is imported. Pure Python, standard library only.
"""

__all__ = ["Task", "TASK_FIELDS"]

# Every key a task may have, in the order Task() takes them positionally.
TASK_FIELDS = ("name", "prompt", "inputs", "outputs", "output_columns", "validate_sql", "sql", "repair")


def _closest(word, choices):
    import difflib

    found = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return found[0] if found else None


class Task:
    """One task of a spec: the same fields as a task dict, with the same defaults."""

    __slots__ = TASK_FIELDS

    def __init__(self, name, prompt="", inputs=(), outputs=(), output_columns=None, validate_sql=(),
                 sql=None, repair=False, **unknown):
        if unknown:
            key = next(iter(unknown))
            hint = _closest(key, TASK_FIELDS)
            raise TypeError("Task() got an unexpected keyword argument %r%s" % (
                key, "; did you mean %r?" % hint if hint else "; valid keys are " + ", ".join(TASK_FIELDS)))
        self.name = name
        self.prompt = prompt
        self.inputs = list(inputs) if isinstance(inputs, (list, tuple)) else inputs
        self.outputs = list(outputs) if isinstance(outputs, (list, tuple)) else outputs
        self.output_columns = {} if output_columns is None else output_columns
        self.validate_sql = list(validate_sql) if isinstance(validate_sql, tuple) else validate_sql
        self.sql = sql
        self.repair = repair

    def to_dict(self):
        """The task as a task dict; keys left at their default are omitted."""
        d = {"name": self.name, "prompt": self.prompt, "inputs": self.inputs, "outputs": self.outputs}
        if self.output_columns:
            d["output_columns"] = self.output_columns
        if self.validate_sql:
            d["validate_sql"] = self.validate_sql
        if self.sql is not None:
            d["sql"] = self.sql
        if self.repair:
            d["repair"] = self.repair
        return d

    def __eq__(self, other):
        if other.__class__ is not self.__class__:
            return NotImplemented
        return all(getattr(self, f) == getattr(other, f) for f in TASK_FIELDS)

    def __repr__(self):
        return "Task(%s)" % ", ".join("%s=%r" % (f, getattr(self, f)) for f in TASK_FIELDS)
