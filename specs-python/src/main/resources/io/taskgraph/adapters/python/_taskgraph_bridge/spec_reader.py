"""Imports a spec module and checks what it declares, turning every mistake into a SpecError that
names the module, the file and (where it can) the line. The result is plain JSON-ready data."""

import importlib
import os
import sys

from .errors import SpecError, a, suggestion
from .formats import FILE_SUFFIXES, format_of, is_workbook
from .locations import Locations

TASK_KEYS = ("name", "prompt", "inputs", "outputs", "output_columns", "validate_sql", "sql", "repair")
RICH_INPUT_KEYS = ("data", "columns", "validate_sql", "sheet")
ACCEPTED_DATA = ("a callable returning data, a list of dicts, a dict of column lists, a polars or pandas "
                 "DataFrame, or a path to a " + "/".join(FILE_SUFFIXES) + " file")


class LoadedSpec:
    """A spec module that imported and passed the checks: its module object and its JSON description."""

    def __init__(self, module, description, inputs, exports):
        self.module = module
        self.description = description
        self.inputs = inputs      # name -> the data value as written (callable, rows, frame, path)
        self.exports = exports    # name -> function


def load(module_name, cwd):
    module, where = _import(module_name, cwd)
    source = _read_source(module.__file__)
    ctx = _Context(module_name, where, Locations(source))
    inputs, input_data = _inputs(module, ctx)
    tasks = _tasks(module, ctx)
    exports = _exports(module, ctx)
    description = {
        "module": module_name,
        "file": os.path.abspath(module.__file__),
        "source": source,
        "inputs": inputs,
        "tasks": tasks,
        "exports": list(exports),
    }
    return LoadedSpec(module, description, input_data, exports)


class _Context:
    def __init__(self, module_name, where, locations):
        self.module_name = module_name
        self.where = where
        self.locations = locations

    def error(self, message, line=None):
        place = self.where + (", line %d" % line if line else "")
        return SpecError("Spec module %s (%s): %s" % (self.module_name, place, message))


# ---------------------------------------------------------------- importing

def _import(module_name, cwd):
    parts = module_name.split(".")
    if not module_name or not all(p.isidentifier() for p in parts):
        raise SpecError("%r is not a Python module name; give the dotted import path of the spec, "
                        "e.g. my_app.specs.main." % module_name)
    try:
        module = importlib.import_module(module_name)
    except SyntaxError as e:
        raise SpecError("Spec module %s has a syntax error (%s, line %s): %s%s" % (
            module_name, _relative(e.filename, cwd), e.lineno, e.msg, _quoted_line(e.text))) from None
    except ModuleNotFoundError as e:
        missing = e.name or ""
        if missing == module_name or module_name.startswith(missing + "."):
            raise SpecError(_not_found(module_name, missing, cwd)) from None
        raise SpecError("Spec module %s failed to import%s: %s. Install the package into the Python "
                        "Taskgraph runs (%s), or point TASKGRAPH_PYTHON at one that has it." % (
                            module_name, _user_frame(e, cwd), e, sys.executable)) from None
    except BaseException as e:  # noqa: B036 - a spec may raise anything, even SystemExit
        raise SpecError("Spec module %s failed to import%s: %s: %s" % (
            module_name, _user_frame(e, cwd), type(e).__name__, e)) from None
    file = getattr(module, "__file__", None)
    if not file or not file.endswith(".py"):
        raise SpecError("%s is a package directory without a module file; point --spec at the module "
                        "that defines INPUTS and TASKS, e.g. %s.main." % (module_name, module_name))
    return module, _relative(file, cwd)


def _not_found(module_name, missing, cwd):
    path = module_name.replace(".", os.sep)
    return ("Spec module %s not found: looked for %s.py and %s under %s (the working directory, first "
            "on the Python path)%s. Run from your app's root, or fix --spec." % (
                module_name, path, os.path.join(path, "__init__.py"), cwd,
                "" if missing == module_name else "; there is no package %r there" % missing))


def _user_frame(error, cwd):
    """' (specs/main.py, line 12)' for the innermost frame in the user's own files, else ''."""
    import traceback

    frames = traceback.extract_tb(error.__traceback__)
    root = os.path.abspath(cwd) + os.sep
    bridge = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep
    for frame in reversed(frames):
        path = os.path.abspath(frame.filename)
        if path.startswith(root) and not path.startswith(bridge):
            return " (%s, line %d)" % (_relative(path, cwd), frame.lineno)
    return ""


def _relative(path, cwd):
    if not path:
        return "<unknown file>"
    try:
        rel = os.path.relpath(path, cwd)
    except ValueError:
        return path
    return path if rel.startswith("..") else rel


def _quoted_line(text):
    return ": " + text.strip() if text and text.strip() else ""


def _read_source(file):
    with open(file, "rb") as f:
        raw = f.read()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        import io
        import tokenize

        encoding, _ = tokenize.detect_encoding(io.BytesIO(raw).readline)
        return raw.decode(encoding)


# ---------------------------------------------------------------- INPUTS

def _inputs(module, ctx):
    if not hasattr(module, "INPUTS"):
        raise ctx.error("it defines no INPUTS. Add a dict mapping table names to data, e.g. "
                        "INPUTS = {\"sales\": load_sales}.")
    declared = module.INPUTS
    if not isinstance(declared, dict):
        raise ctx.error("INPUTS must be a dict mapping table names to data, not %s." % a(declared),
                        ctx.locations.of_name("INPUTS"))
    described, data = [], {}
    for name, value in declared.items():
        line = ctx.locations.of_key("INPUTS", name)
        if not isinstance(name, str):
            raise ctx.error("INPUTS key %r is %s; table names must be strings." % (name, a(name)), line)
        columns, checks, sheet = [], [], None
        if _is_rich(value):
            unknown = [k for k in value if k not in RICH_INPUT_KEYS]
            if unknown:
                raise ctx.error("input %r has an unknown key %r%s" % (
                    name, unknown[0], suggestion(unknown[0], RICH_INPUT_KEYS)), line)
            columns = _names(value.get("columns", []), "input %r: \"columns\"" % name, ctx, line)
            checks = _statements(value.get("validate_sql", []), "input %r: \"validate_sql\"" % name, ctx, line)
            sheet = _sheet(name, value, ctx, line)
            value = value["data"]
        origin = _data_origin(name, value, ctx, line)
        file = os.fspath(value) if isinstance(value, (str, os.PathLike)) else None
        described.append({"name": name, "columns": columns, "validate_sql": checks, "origin": origin,
                          "sheet": sheet, "line": line, "file": file})
        data[name] = value
    return described, data


def _sheet(name, rich, ctx, line):
    """The worksheet a rich input selects: only for data that is (or whose loader returns) an .xlsx path."""
    if "sheet" not in rich:
        return None
    sheet, data = rich["sheet"], rich["data"]
    if not isinstance(sheet, str) or not sheet.strip():
        raise ctx.error("input %r: \"sheet\" must be the name of a worksheet (a non-empty string), not %s."
                        % (name, a(sheet)), line)
    is_path = isinstance(data, (str, os.PathLike))
    if (is_path and not is_workbook(data)) or (not is_path and not callable(data)):
        raise ctx.error("input %r: \"sheet\" selects a worksheet of an .xlsx file, but its data is %s. Drop "
                        "\"sheet\", or point \"data\" at an .xlsx file." % (
                            name, repr(os.fspath(data)) if is_path else a(data)), line)
    return sheet


def _is_rich(value):
    if not isinstance(value, dict) or "data" not in value:
        return False
    if all(k in RICH_INPUT_KEYS for k in value):
        # ...unless "sheet" holds a list: then it is column data with columns named "data" and "sheet".
        return not isinstance(value.get("sheet"), (list, tuple))
    # {"data": [...], "amount": [...]} is column data that happens to have a "data" column.
    return not all(isinstance(v, (list, tuple)) for v in value.values())


def _data_origin(name, value, ctx, line):
    """A short description of where the rows come from; rejects what cannot be data at all."""
    if isinstance(value, (str, os.PathLike)):
        path = os.fspath(value)
        if format_of(path) is None:
            raise ctx.error("input %r is the string %r, which is not a path to a %s file. Inputs take %s." % (
                name, path if len(path) < 80 else path[:77] + "...", "/".join(FILE_SUFFIXES), ACCEPTED_DATA), line)
        return "file " + path
    if isinstance(value, (list, tuple)):
        return "list of %d rows" % len(value)
    if isinstance(value, dict):
        return "dict of %d columns" % len(value)
    kind = frame_kind(value)
    if kind:
        return "%s DataFrame" % kind
    if callable(value):
        return "callable " + getattr(value, "__qualname__", getattr(value, "__name__", repr(value)))
    raise ctx.error("input %r is %s, which Taskgraph cannot ingest. Inputs take %s." % (
        name, a(value), ACCEPTED_DATA), line)


def frame_kind(value):
    """'polars' or 'pandas' for a DataFrame (or polars LazyFrame), recognised without importing either."""
    module = type(value).__module__.split(".")[0]
    if module == "polars" and (hasattr(value, "write_parquet") or hasattr(value, "collect")):
        return "polars"
    if module == "pandas" and hasattr(value, "to_parquet") and hasattr(value, "dtypes"):
        return "pandas"
    return None


# ---------------------------------------------------------------- TASKS

def _tasks(module, ctx):
    if not hasattr(module, "TASKS"):
        raise ctx.error("it defines no TASKS. Add a list of task dicts, each with \"name\", \"prompt\", "
                        "\"inputs\" and \"outputs\".")
    declared = module.TASKS
    if not isinstance(declared, (list, tuple)):
        raise ctx.error("TASKS must be a list of task dicts or Task objects, not %s." % a(declared),
                        ctx.locations.of_name("TASKS"))
    return [_task(i, t, ctx) for i, t in enumerate(declared)]


def _task(index, task, ctx):
    line = ctx.locations.of_item("TASKS", index)
    fields = _task_fields(task)
    if fields is None:
        raise ctx.error("TASKS[%d] is %s; each task must be a dict (or a taskgraph.Task)." % (
            index, a(task)), line)
    name = fields.get("name")
    label = "task %r" % name if isinstance(name, str) and name else "TASKS[%d]" % index
    for key in fields:
        if key not in TASK_KEYS:
            raise ctx.error("%s has an unknown key %r%s" % (label, key, suggestion(key, TASK_KEYS)), line)
    if not isinstance(name, str) or not name:
        raise ctx.error("%s needs a \"name\" (a non-empty string)." % label, line)
    prompt = fields.get("prompt", "")
    if prompt is None:
        prompt = ""
    if not isinstance(prompt, str):
        raise ctx.error("%s: \"prompt\" must be a string, not %s." % (label, a(prompt)), line)
    repair = fields.get("repair", False)
    if not isinstance(repair, bool):
        raise ctx.error("%s: \"repair\" must be True or False, not %s." % (label, a(repair)), line)
    return {
        "name": name,
        "prompt": prompt,
        "sql": _statements(fields.get("sql"), "%s: \"sql\"" % label, ctx, line),
        "repair": repair,
        "inputs": _names(fields.get("inputs", []), "%s: \"inputs\"" % label, ctx, line),
        "outputs": _names(fields.get("outputs", []), "%s: \"outputs\"" % label, ctx, line),
        "output_columns": _output_columns(fields.get("output_columns"), label, ctx, line),
        "validate_sql": _statements(fields.get("validate_sql"), "%s: \"validate_sql\"" % label, ctx, line),
        "line": line,
    }


def _task_fields(task):
    if isinstance(task, dict):
        return task
    if type(task).__name__ == "Task" and hasattr(task, "to_dict"):
        return task.to_dict()
    fields = getattr(task, "__dataclass_fields__", None)  # a Task dataclass of the original tool
    if fields is not None:
        return {k: getattr(task, k) for k in fields}
    return None


def _output_columns(value, label, ctx, line):
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ctx.error("%s: \"output_columns\" must be a dict mapping each output view to its column "
                        "names, not %s." % (label, a(value)), line)
    result = {}
    for view, columns in value.items():
        if not isinstance(view, str):
            raise ctx.error("%s: \"output_columns\" key %r must be a view name string." % (label, view), line)
        result[view] = _names(columns, "%s: \"output_columns\"[%r]" % (label, view), ctx, line)
    return result


# ---------------------------------------------------------------- EXPORTS

def _exports(module, ctx):
    declared = getattr(module, "EXPORTS", None)
    if declared is None:
        return {}
    line = ctx.locations.of_name("EXPORTS")
    if not isinstance(declared, dict):
        raise ctx.error("EXPORTS must be a dict mapping file names to functions fn(conn, path), not %s."
                        % a(declared), line)
    for name, fn in declared.items():
        if not isinstance(name, str) or not name:
            raise ctx.error("EXPORTS key %r must be a file name string." % (name,), line)
        if os.path.isabs(name) or ".." in name.replace("\\", "/").split("/"):
            raise ctx.error("EXPORTS file name %r must stay inside the output directory (no absolute "
                            "path, no '..')." % name, ctx.locations.of_key("EXPORTS", name))
        if not callable(fn):
            raise ctx.error("EXPORTS[%r] is %s; it must be a function fn(conn, path)." % (name, a(fn)),
                            ctx.locations.of_key("EXPORTS", name))
    return dict(declared)


# ---------------------------------------------------------------- shared checks

def _names(value, what, ctx, line):
    if isinstance(value, str):
        raise ctx.error("%s must be a list of names, not the string %r; write [%r]." % (what, value, value), line)
    if not isinstance(value, (list, tuple)):
        raise ctx.error("%s must be a list of names, not %s." % (what, a(value)), line)
    for item in value:
        if not isinstance(item, str):
            raise ctx.error("%s must hold only strings; %r is %s." % (what, item, a(item)), line)
    return list(value)


def _statements(value, what, ctx, line):
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if not isinstance(value, (list, tuple)):
        raise ctx.error("%s must be a SQL string or a list of SQL strings, not %s." % (what, a(value)), line)
    for item in value:
        if not isinstance(item, str):
            raise ctx.error("%s must hold only SQL strings; %r is %s." % (what, item, a(item)), line)
    return list(value)


