"""Turns one input's data (callable, rows, columns, DataFrame or file path) into a file DuckDB reads
natively, and describes it for the Java side: path, format, declared columns, row count, warnings."""

import os

from . import columnar, parquet
from .errors import SpecError, a
from .formats import FILE_SUFFIXES, format_of, is_workbook
from .spec_reader import ACCEPTED_DATA, frame_kind


def materialize(name, value, declared, origin, scratch_dir, cwd, keep, sheet=None):
    """(the TableSource description for input ``name``, its later parts); raises SpecError naming the input.

    The description names the data's first file. An input written in parts (see ``parquet.parts``) says how many
    in ``parts``; the later parts are an iterator that writes each further file and yields its path once it is
    complete, to be run after the description is sent, while the engine loads the files before it. The loaded
    data is appended to ``keep`` so that freeing it (a million dicts take a while) happens after the last file is
    written. ``sheet`` (from the rich form) selects the worksheet of an .xlsx file."""
    warnings = []
    where = "Input %r" % name
    if callable(value) and not isinstance(value, (list, tuple, dict)) and frame_kind(value) is None:
        value = _call(name, value, cwd)
        keep.append(value)
    if sheet is not None and not (isinstance(value, (str, os.PathLike)) and is_workbook(value)):
        raise SpecError("%s: \"sheet\" %r selects a worksheet of an .xlsx file, but its loader returned %s. "
                        "Return the path of an .xlsx file, or drop \"sheet\"." % (
                            where, sheet, repr(os.fspath(value)) if isinstance(value, (str, os.PathLike)) else a(value)))
    os.makedirs(scratch_dir, exist_ok=True)
    try:
        if isinstance(value, (str, os.PathLike)):
            return _file(name, os.fspath(value), origin, cwd, warnings, sheet), ()
        kind = frame_kind(value)
        if kind is not None:
            keep.append(value)
            write = _polars if kind == "polars" else _pandas
            try:
                return write(name, value, declared, origin, scratch_dir, warnings)
            except SpecError:
                raise
            except Exception as e:  # the library's own error, e.g. a column type Parquet cannot hold
                raise SpecError("%s: writing its %s DataFrame for DuckDB failed: %s: %s"
                                % (where, kind, type(e).__name__, e)) from None
        if isinstance(value, dict):
            names, values = _dict_columns(value, where)
            names, values = columnar.order(names, declared, values)
            kinds = None
        elif isinstance(value, (list, tuple)):
            names, values, kinds = columnar.columns_from_rows(value, declared, where, warnings.append)
        else:
            raise SpecError("%s: its loader returned %s, which Taskgraph cannot ingest. Return a list of "
                            "dicts, a dict of column lists, or a polars or pandas DataFrame (inputs take %s)."
                            % (where, a(value), ACCEPTED_DATA))
        keep.append(values)
        return _columnar(name, names, values, declared, origin, scratch_dir, warnings, kinds)
    except ValueError as e:
        raise SpecError(str(e)) from None


def _call(name, fn, cwd):
    import gc

    label = getattr(fn, "__qualname__", getattr(fn, "__name__", "the loader"))
    # A loader building a million small dicts spends a large share of its time in the cyclic garbage
    # collector, which finds nothing to free in freshly built rows; pausing it while the loader runs
    # is the single biggest saving on large list[dict] inputs. What the loader built is then frozen: left in
    # the youngest generation, the first collection after the pause would walk all of it (~40 ms per million
    # rows) in the middle of writing the input. Session.collect_garbage unfreezes it once the input's data is
    # dropped, so any cycles the loader left are collected as usual from then on.
    enabled = gc.isenabled()
    gc.disable()
    try:
        value = fn()
        gc.freeze()
        return value
    except BaseException as e:  # noqa: B036 - report whatever the user's loader raised
        from .spec_reader import _user_frame

        raise SpecError("Input %r: its loader %s() raised %s: %s%s" % (
            name, label, a(e), e, _user_frame(e, cwd))) from None
    finally:
        if enabled:
            gc.enable()


def _dict_columns(value, where):
    names, values = [], []
    for key, column in value.items():
        if not isinstance(key, str):
            raise ValueError("%s: column name %r is %s; column names must be strings."
                             % (where, key, a(key)))
        if hasattr(column, "tolist") and not isinstance(column, (list, tuple)):
            column = column.tolist()  # numpy arrays and the like
        if not isinstance(column, (list, tuple)):
            raise ValueError("%s: column %r is %s; in a dict of columns every value must be a list."
                             % (where, key, a(column)))
        names.append(key)
        values.append(column if isinstance(column, list) else list(column))
    return names, values


def _columnar(name, names, values, declared, origin, scratch_dir, warnings, kinds=None):
    where = "Input %r" % name
    if not names:
        if not declared:
            raise SpecError("%s has no rows and no declared \"columns\", so its table would have no columns. "
                            "Give it data, or declare \"columns\" in the rich form {\"data\": ..., "
                            "\"columns\": [...]}." % where)
        names, values, kinds = list(declared), [[] for _ in declared], None
    table = columnar.build_table(names, values, where, warnings.append, kinds)
    columns = list(zip(table.names, table.types))
    if all(t in parquet.SUPPORTED for t in table.types):
        ranges = parquet.parts(table.rows)
        if len(ranges) == 1:
            path = os.path.join(scratch_dir, name + ".parquet")
            parquet.write(table, path)
            return _source(path, "PARQUET", columns, origin, table.rows, warnings), ()
        paths = [os.path.join(scratch_dir, "%s.part%d.parquet" % (name, i + 1)) for i in range(len(ranges))]
        parquet.write(table, paths[0], *ranges[0])
        source = dict(_source(paths[0], "PARQUET", columns, origin, table.rows, warnings), parts=len(ranges))
        return source, _later_parts(where, table, paths[1:], ranges[1:])
    path = os.path.join(scratch_dir, name + ".columns.ndjson")
    columnar.write(table, path)
    return _source(path, "COLUMNAR_NDJSON", columns, origin, table.rows, warnings), ()


def _later_parts(where, table, paths, ranges):
    for path, (first, last) in zip(paths, ranges):
        try:
            parquet.write(table, path, first, last)
        except OSError as e:
            import errno

            advice = (" Free some space there, or give Taskgraph a temporary directory on a disk with room "
                      "(JAVA_OPTS=-Djava.io.tmpdir=DIR)." if e.errno == errno.ENOSPC else "")
            raise SpecError("%s: writing its rows %d-%d for DuckDB to %s failed: %s.%s"
                            % (where, first + 1, last, path, e.strerror or e, advice)) from None
        yield os.path.abspath(path)


def _source(path, fmt, columns, origin, rows, warnings, sheet=None):
    return {"file": os.path.abspath(path), "format": fmt, "columns": [list(c) for c in columns],
            "origin": origin, "rows": rows, "warnings": warnings, "sheet": sheet}


# ---------------------------------------------------------------- DataFrames

def _polars(name, frame, declared, origin, scratch_dir, warnings):
    if hasattr(frame, "collect") and not hasattr(frame, "write_parquet"):
        frame = frame.collect()  # a LazyFrame
    names = list(frame.columns)
    ordered = columnar.order(names, declared)[0]
    if ordered != names:
        frame = frame.select(ordered)
    path = os.path.join(scratch_dir, name + ".parquet")
    frame.write_parquet(path, compression="uncompressed", statistics=False)
    return _source(path, "PARQUET", [], origin, frame.height, warnings), ()


def _pandas(name, frame, declared, origin, scratch_dir, warnings):
    names = [str(c) for c in frame.columns]
    if len(set(names)) != len(names):
        raise SpecError("Input %r: the DataFrame has duplicate column names %s." % (name, names))
    frame = frame.copy(deep=False)
    frame.columns = names
    ordered = columnar.order(names, declared)[0]
    frame = frame[ordered]
    try:
        import pyarrow  # noqa: F401 - pandas' Parquet writer needs it

        path = os.path.join(scratch_dir, name + ".parquet")
        frame.to_parquet(path, index=False, compression=None)
        return _source(path, "PARQUET", [], origin, len(frame), warnings), ()
    except ImportError:
        pass
    except Exception:  # pyarrow refuses object columns of mixed types: our writer types them, warning as it does
        pass
    values = []
    for column in ordered:
        series = frame[column]
        items = series.tolist()
        missing = series.isna()
        if bool(missing.any()):
            items = [None if m else v for v, m in zip(items, missing.tolist())]
        values.append(items)
    return _columnar(name, ordered, values, declared, origin, scratch_dir, warnings)


# ---------------------------------------------------------------- files

def _file(name, raw, origin, cwd, warnings, sheet):
    path = raw if os.path.isabs(raw) else os.path.join(cwd, raw)
    fmt = format_of(path)
    if fmt is None:
        raise SpecError("Input %r: %s is not a %s file." % (name, raw, "/".join(FILE_SUFFIXES)))
    if not os.path.isfile(path):
        raise SpecError("Input %r: file %s not found (looked at %s, relative to the working directory %s)."
                        % (name, raw, os.path.abspath(path), cwd))
    # Java reads every file itself (a workbook with its own reader), so a spec needs no Excel package in Python.
    return _source(path, fmt, [], origin, -1, warnings, sheet=sheet)
