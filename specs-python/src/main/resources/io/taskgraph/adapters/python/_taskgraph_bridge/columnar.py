"""Writes rows as "columnar NDJSON": each line is one JSON object mapping every column to an array of
that column's values for a run of consecutive rows. DuckDB reads it natively
(read_json(..., columns={c: 'T[]'}) then unnest), and Python writes it without per-row work: columns
are pulled out of the row dicts with C-level itemgetter maps over runs of rows that stay in cache, typed
by set(map(type, ...)) over each run's values while they are in cache too, and encoded with one json call
per column chunk. See BENCHMARKS.md for how it compares.
"""

import json
from itertools import chain, compress, count, repeat
from operator import is_not, itemgetter

from .errors import a

NoneType = type(None)
CHUNK_ROWS = 65536
MAX_LINE_CHARS = 4 * 1024 * 1024
INT64 = (-(1 << 63), (1 << 63) - 1)
INT128 = (-(1 << 127), (1 << 127) - 1)
EXACT_IN_DOUBLE = 1 << 53


def _json_default(value):
    """Values inside JSON/LIST columns that json cannot write natively (dates, decimals, ...)."""
    iso = getattr(value, "isoformat", None)
    if iso is not None:
        return iso()
    return str(value)


_encode = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False, check_circular=False,
                           allow_nan=True, default=_json_default).encode


class Table:
    """Column names, their DuckDB types, value lists of equal length (Python values canonical for each type:
    int for BIGINT/HUGEINT, date for DATE, Decimal for DECIMAL, ...) and which columns hold None."""

    def __init__(self, names, types, values, nullable, rows):
        self.names = names
        self.types = types
        self.values = values
        self.nullable = nullable
        self.rows = rows


def columns_from_rows(rows, declared, where, warn):
    """list[dict] -> (names, value lists, each column's set of value types or None when not yet known): declared
    columns first, then first-seen key order."""
    if not isinstance(rows, list):
        rows = list(rows)
    if not rows:
        return [], [], []
    keys = list(rows[0]) if type(rows[0]) is dict else None
    read = _columns_of_same_keys(rows, keys) if keys is not None else None
    if read is not None:
        values, kinds = read
    else:  # a row that is not a plain dict (an error), or rows with different keys
        _check_plain_dicts(rows, where)
        from operator import methodcaller

        keys = list(dict.fromkeys(chain.from_iterable(rows)))  # the union, in first-seen order; gaps are null
        values = [list(map(methodcaller("get", k), rows)) for k in keys]
        kinds = [None] * len(keys)
    for k in keys:
        if not isinstance(k, str):
            raise ValueError("%s: column name %r is %s; column names must be strings."
                             % (where, k, a(k)))
    return order(keys, declared, values, kinds)


# Rows read per pass of _columns_of_same_keys: ~0.4 MB of small dicts, which stay in a core's L2 cache from the
# checks through the last column's read. Reading each column over all rows instead fetches every row from main
# memory once per column: 0.49 s instead of 0.28 s for a million rows of six columns. Each run's values are typed
# right after they are read, while they too are in cache: ~0.04 s less per million rows of six columns than a
# type pass over each whole column afterwards.
ROWS_PER_READ = 1024


def _columns_of_same_keys(rows, keys):
    """(one value list per key, the set of its values' types), or None unless every row is a plain dict with
    exactly ``keys``."""
    width = len(keys)
    columns = [[] for _ in keys]
    kinds = [set() for _ in keys]
    readers = list(zip(columns, map(itemgetter, keys), kinds))
    for start in range(0, len(rows), ROWS_PER_READ):
        chunk = rows[start:start + ROWS_PER_READ]
        if set(map(type, chunk)) != {dict} or set(map(len, chunk)) != {width}:
            return None
        try:
            for column, read, kind in readers:
                column.extend(map(read, chunk))
                kind.update(map(type, column[start:]))
        except KeyError:
            return None
    return columns, kinds


def _check_plain_dicts(rows, where):
    if set(map(type, rows)) == {dict}:
        return
    bad = next((i, r) for i, r in enumerate(rows) if type(r) is not dict)
    if isinstance(bad[1], dict):  # a subclass may answer a missing key (defaultdict), so it is not read as one
        raise ValueError("%s: row %d is %s, a dict subclass; every row must be a plain dict of column values "
                         "(dict(row) makes one)." % (where, bad[0] + 1, a(bad[1])))
    raise ValueError("%s: row %d is %s; every row must be a dict of column values."
                     % (where, bad[0] + 1, a(bad[1])))


def order(names, declared, *aligned):
    """(names, then each list of ``aligned``, one item per name) with the ``declared`` names first, in declared
    order, then the others in their order."""
    if not declared:
        return (list(names),) + tuple(map(list, aligned))
    position = {n: i for i, n in enumerate(names)}
    first = [n for n in declared if n in position]
    rest = [n for n in names if n not in set(first)]
    ordered = first + rest
    return (ordered,) + tuple([items[position[n]] for n in ordered] for items in aligned)


def build_table(names, values, where, warn, kinds=None):
    """The Table of columns ``values``; ``kinds``, when given, holds each column's set of value types, or None
    where it is not known."""
    lengths = set(map(len, values))
    if len(lengths) > 1:
        sizes = ", ".join("%s=%d" % (n, len(v)) for n, v in zip(names, values))
        raise ValueError("%s: columns have different lengths (%s); every column needs one value per row."
                         % (where, sizes))
    types, converted, nullable = [], [], []
    for name, column, kind in zip(names, values, kinds or [None] * len(names)):
        sql_type, column, has_none = typed_column(column, "%s, column %r" % (where, name), warn, kind)
        types.append(sql_type)
        converted.append(column)
        nullable.append(has_none)
    return Table(list(names), types, converted, nullable, lengths.pop() if lengths else 0)


def write(table, path):
    """Writes ``table`` to ``path``, lines of at most CHUNK_ROWS rows and (unless one row is larger)
    MAX_LINE_CHARS characters."""
    keys = [json.encoder.encode_basestring(n) + ":" for n in table.names]
    values = [_json_ready(t, v, n) for t, v, n in zip(table.types, table.values, table.nullable)]
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        for start in range(0, table.rows, CHUNK_ROWS):
            for line in _lines(keys, values, start, min(start + CHUNK_ROWS, table.rows)):
                out.write(line)


def _lines(keys, values, start, end):
    """One line for rows start..end, split in halves while it is longer than MAX_LINE_CHARS, so that a
    reader's per-object limit (DuckDB's default is 16 MB) holds unless a single row exceeds it."""
    line = "{" + ",".join([k + _encode(v[start:end]) for k, v in zip(keys, values)]) + "}\n"
    if len(line) <= MAX_LINE_CHARS or end - start <= 1:
        return [line]
    middle = (start + end) // 2
    return _lines(keys, values, start, middle) + _lines(keys, values, middle, end)


def _json_ready(sql_type, column, nullable):
    """Values JSON cannot carry natively become the text DuckDB casts to ``sql_type``."""
    if sql_type in ("DATE", "TIME"):
        return _convert(column, nullable, _isoformat)
    if sql_type in ("TIMESTAMP", "TIMESTAMPTZ"):
        return _convert(column, nullable, _timestamp_text)
    if sql_type.startswith("DECIMAL"):
        return _convert(column, nullable, "{:f}".format)
    if sql_type in ("HUGEINT", "UUID"):
        return _convert(column, nullable, str)
    return column


def _isoformat(value):
    return value.isoformat()


# ---------------------------------------------------------------- typing one column

def typed_column(column, where, warn, types=None):
    """(DuckDB type, values canonical for that type, whether any is None) for one column of Python values, whose
    set of value ``types`` is computed unless given."""
    types = set(map(type, column)) if types is None else set(types)
    nullable = NoneType in types
    types.discard(NoneType)
    if not types:
        return "VARCHAR", column, nullable
    if len(types) == 1:
        kind = next(iter(types))
        if kind is str:
            return "VARCHAR", column, nullable
        if kind is int:
            return _integers(column, nullable, where, warn) + (nullable,)
        if kind is float:
            return "DOUBLE", column, nullable
        if kind is bool:
            return "BOOLEAN", column, nullable
    return _general(column, types, nullable, where, warn) + (nullable,)


def _non_null(column, nullable):
    return [v for v in column if v is not None] if nullable else column


def _convert(column, nullable, fn):
    if not nullable:
        return list(map(fn, column))
    return [None if v is None else fn(v) for v in column]


def _integers(column, nullable, where, warn):
    present = _non_null(column, nullable)
    low, high = min(present), max(present)
    if INT64[0] <= low and high <= INT64[1]:
        return "BIGINT", column
    if INT128[0] <= low and high <= INT128[1]:
        return "HUGEINT", column
    warn("%s has integers wider than 128 bits; stored as VARCHAR." % where)
    return "VARCHAR", _convert(column, nullable, str)


def _general(column, types, nullable, where, warn):
    """Columns of several Python types, or of one type without a plain mapping. Every mixture that changes a
    value, or stores it as text, is warned about with the first row that differs (see docs/SPEC_GUIDE.md)."""
    import datetime
    import decimal

    def only(*kinds):
        return all(issubclass(t, kinds) for t in types)

    if types == {int, float}:
        _warn_inexact_integers(column, nullable, where, warn)
        return "DOUBLE", column
    if types == {int, bool}:
        warn("%s mixes bool and int values; stored as BIGINT (True=1, False=0). %s"
             % (where, _first_difference(column)))
        return "BIGINT", _convert(column, nullable, int)
    if only(datetime.datetime):
        present = _non_null(column, nullable)
        aware = any(v.tzinfo is not None for v in present)
        if aware and not all(v.tzinfo is not None for v in present):
            first, other = _first_pair(column, lambda v: v.tzinfo is not None)
            warn("%s mixes datetimes with and without a time zone; stored as VARCHAR (text). Row %d holds %s; "
                 "row %d is the first to differ: %s. Give every value a time zone, or none, in the loader."
                 % (where, first[0] + 1, _shown(first[1]), other[0] + 1, _shown(other[1])))
            return "VARCHAR", _convert(column, nullable, _timestamp_text)
        return ("TIMESTAMPTZ" if aware else "TIMESTAMP"), column
    if only(datetime.date):  # dates, or dates mixed with (naive) datetimes: a date is its midnight
        if any(issubclass(t, datetime.datetime) for t in types):
            midnight = datetime.time()
            return "TIMESTAMP", _convert(column, nullable, lambda v: v if isinstance(v, datetime.datetime)
                                         else datetime.datetime.combine(v, midnight))
        return "DATE", column
    if only(datetime.time):
        return "TIME", column
    if only(decimal.Decimal):
        return _decimals(column, nullable, where, warn)
    numbers = only(int, float, decimal.Decimal) and not any(issubclass(t, bool) for t in types)
    if numbers and not any(issubclass(t, float) for t in types):  # ints and Decimals: exact as DECIMAL
        return _decimals(_convert(column, nullable, decimal.Decimal), nullable, where, warn)
    if numbers:
        warn("%s mixes %s values; stored as DOUBLE, so Decimals lose their exact value. %s Make them all Decimal "
             "(or all float) in the loader." % (where, _type_names(types), _first_difference(column)))
        return "DOUBLE", _convert(column, nullable, float)
    if only(list, tuple):
        return _lists(column, nullable), column
    if only(dict):
        return "JSON", column
    if len(types) > 1:
        warn("%s mixes %s values; stored as VARCHAR (text). %s Fix the loader if the column should hold one type."
             % (where, _type_names(types), _first_difference(column)))
        return "VARCHAR", _convert(column, nullable, _text)
    kind = next(iter(types))
    if kind.__name__ == "UUID":
        return "UUID", column
    warn("%s holds %s values, which have no SQL type; stored as their text (VARCHAR)." % (where, kind.__name__))
    return "VARCHAR", _convert(column, nullable, str)


# ---------------------------------------------------------------- saying where a column changes type
# These run only for columns already known to be mixed, so their per-value work costs nothing on clean data.

def _type_names(types):
    names = sorted(t.__name__ for t in types)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _first_pair(column, key):
    """((row, value), (row, value)): the first non-null value, and the first later one whose ``key`` differs."""
    present = ((i, v) for i, v in enumerate(column) if v is not None)
    first = next(present)
    wanted = key(first[1])
    for other in present:
        if key(other[1]) != wanted:
            return first, other
    raise ValueError("the column is not mixed")


def _first_difference(column):
    """'Row 1 holds an int (1); row 2 is the first to differ: a str ('x').' (rows count from 1, like _row_id)."""
    kinds = list(map(type, column))
    start = next(i for i, k in enumerate(kinds) if k is not NoneType)
    kind = kinds[start]
    other = next(i for i in compress(count(start), map(is_not, kinds[start:], repeat(kind)))
                 if kinds[i] is not NoneType)
    return "Row %d holds %s (%s); row %d is the first to differ: %s (%s)." % (
        start + 1, a(column[start]), _shown(column[start]), other + 1, a(column[other]), _shown(column[other]))


def _warn_inexact_integers(column, nullable, where, warn):
    """Ints mixed with floats become DOUBLE, exact only up to 2**53: say so when an int is beyond that."""
    ints = [v for v in _non_null(column, nullable) if type(v) is int]
    if min(ints) >= -EXACT_IN_DOUBLE and max(ints) <= EXACT_IN_DOUBLE:
        return
    row = next(i for i, v in enumerate(column) if type(v) is int and abs(v) > EXACT_IN_DOUBLE)
    warn("%s mixes int and float values; stored as DOUBLE, which holds integers exactly only up to 2**53: row %d "
         "holds %d, stored as %r. Make the column all int (or all float) in the loader."
         % (where, row + 1, column[row], float(column[row])))


def _shown(value, limit=60):
    """The value as a person reads it: strings quoted, dates and times as ISO text, anything else its repr."""
    text = str(value) if hasattr(value, "isoformat") else repr(value)
    return text if len(text) <= limit else text[:limit - 3] + "..."


def _text(value):
    if isinstance(value, str):
        return value
    if isinstance(value, (list, dict)):
        return _encode(value)
    return str(value)


def _timestamp_text(value):
    return value.isoformat(" ")


def _decimals(column, nullable, where, warn):
    present = _non_null(column, nullable)
    if not all(map(lambda d: d.is_finite(), present)):
        warn("%s has NaN or infinite Decimals; stored as DOUBLE." % where)
        return "DOUBLE", _convert(column, nullable, float)
    scale, whole = 0, 1
    for d in present:
        sign, digits, exponent = d.as_tuple()
        scale = max(scale, -exponent)
        whole = max(whole, len(digits) + exponent)
    if whole + scale > 38:
        warn("%s needs %d digits, more than DECIMAL's 38; stored as DOUBLE." % (where, whole + scale))
        return "DOUBLE", _convert(column, nullable, float)
    return "DECIMAL(%d,%d)" % (max(whole + scale, 1), scale), column


def _lists(column, nullable):
    """T[] when every element of every list is one plain JSON type, else JSON."""
    present = [e for e in chain.from_iterable(_non_null(column, nullable)) if e is not None]
    kinds = set(map(type, present))
    if not kinds or kinds == {str}:
        return "VARCHAR[]"
    if kinds == {bool}:
        return "BOOLEAN[]"
    if kinds == {int} and INT64[0] <= min(present) and max(present) <= INT64[1]:
        return "BIGINT[]"
    if kinds <= {int, float} and bool not in kinds:
        return "DOUBLE[]"
    return "JSON"
