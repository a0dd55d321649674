"""The ``conn`` an EXPORTS function receives: a small DB-API-like proxy whose SQL runs in the Java
process against the finished workspace. Enough of DB-API (execute/cursor/fetch*/description) for
ordinary use and for ``polars.read_database(query, conn)``, plus DuckDB-style ``conn.sql(q).pl()``."""

import datetime
import decimal
import re


class Error(Exception):
    """A statement the workspace refused; the message is DuckDB's."""


class Connection:
    def __init__(self, channel):
        self._channel = channel  # function(message dict) -> reply dict

    def execute(self, query, parameters=None):
        return Cursor(self).execute(query, parameters)

    def sql(self, query, params=None):
        return Relation(self._run(query, params))

    query = sql

    def cursor(self):
        return Cursor(self)

    def commit(self):
        pass

    def rollback(self):
        pass

    def close(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def _run(self, query, parameters):
        if not isinstance(query, str):
            raise TypeError("the query must be a SQL string, not a %s" % type(query).__name__)
        params = [_param(p) for p in (parameters or [])]
        reply = self._channel({"type": "sql", "sql": query, "params": params})
        if "error" in reply:
            raise Error(reply["error"])
        return _Result(reply["columns"], reply.get("types") or [None] * len(reply["columns"]), reply["rows"])


class _Result:
    def __init__(self, columns, types, rows):
        self.columns = columns
        self.types = types
        converters = [_converter(t) for t in types]
        if any(converters):
            rows = [tuple(v if c is None or v is None else c(v) for c, v in zip(converters, r)) for r in rows]
        else:
            rows = [tuple(r) for r in rows]
        self.rows = rows

    def description(self):
        return [(c, t, None, None, None, None, None) for c, t in zip(self.columns, self.types)]


class Cursor:
    arraysize = 1

    def __init__(self, connection):
        self._connection = connection
        self._result = None
        self._position = 0

    @property
    def description(self):
        return None if self._result is None else self._result.description()

    @property
    def rowcount(self):
        return -1 if self._result is None else len(self._result.rows)

    def execute(self, query, parameters=None):
        self._result = self._connection._run(query, parameters)
        self._position = 0
        return self

    def fetchone(self):
        rows = self._rows()
        if self._position >= len(rows):
            return None
        self._position += 1
        return rows[self._position - 1]

    def fetchmany(self, size=None):
        rows = self._rows()
        size = self.arraysize if size is None else size
        chunk = rows[self._position:self._position + size]
        self._position += len(chunk)
        return chunk

    def fetchall(self):
        rows = self._rows()
        rest = rows[self._position:]
        self._position = len(rows)
        return rest

    def pl(self):
        return _polars(self._result)

    def df(self):
        return _pandas(self._result)

    fetchdf = fetch_df = df

    def close(self):
        self._result = None

    def __iter__(self):
        return iter(self.fetchall())

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def _rows(self):
        if self._result is None:
            raise Error("no query has been executed on this cursor")
        return self._result.rows


class Relation:
    """What conn.sql(...) returns: the rows of one query, as tuples or as a DataFrame."""

    def __init__(self, result):
        self._result = result
        self.columns = list(result.columns)
        self.types = list(result.types)

    @property
    def description(self):
        return self._result.description()

    def fetchall(self):
        return list(self._result.rows)

    def fetchone(self):
        return self._result.rows[0] if self._result.rows else None

    def fetchmany(self, size=1):
        return list(self._result.rows[:size])

    def pl(self):
        return _polars(self._result)

    def df(self):
        return _pandas(self._result)

    fetchdf = fetch_df = df

    def __len__(self):
        return len(self._result.rows)

    def __repr__(self):
        return "Relation(columns=%r, rows=%d)" % (self.columns, len(self._result.rows))


def _polars(result):
    import polars as pl

    columns = list(zip(*result.rows)) if result.rows else [[] for _ in result.columns]
    return pl.DataFrame({c: list(v) for c, v in zip(result.columns, columns)}, strict=False)


def _pandas(result):
    import pandas as pd

    return pd.DataFrame.from_records(result.rows, columns=result.columns)


def _param(value):
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    raise TypeError("a query parameter must be None, bool, int, float, str, date or Decimal, not %s"
                    % type(value).__name__)


_OFFSET = re.compile(r"([+-]\d\d)(\d\d)?$")


def _timestamp(text):
    text = text.replace("T", " ")
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    match = _OFFSET.search(text)
    if match and (":" in text[:match.start()]):  # "+01" / "+0530" -> "+01:00" / "+05:30" for Python 3.9
        text = text[:match.start()] + match.group(1) + ":" + (match.group(2) or "00")
    head, dot, tail = text.partition(".")
    if dot:  # at most microseconds
        digits = re.match(r"\d*", tail).group(0)
        text = head + "." + (digits[:6].ljust(6, "0")) + tail[len(digits):]
    return datetime.datetime.fromisoformat(text)


def _lenient(parse):
    """Converts what it can; values Python cannot represent (e.g. 'infinity' dates) stay text."""
    def convert(value):
        try:
            return parse(value)
        except (ValueError, TypeError, ArithmeticError):
            return value
    return convert


def _converter(sql_type):
    parse = _parser(sql_type)
    return _lenient(parse) if parse is not None else None


def _parser(sql_type):
    if not sql_type:
        return None
    t = sql_type.upper()
    if t == "DATE":
        return datetime.date.fromisoformat
    if t.startswith("TIMESTAMP"):
        return _timestamp
    if t == "TIME":
        return datetime.time.fromisoformat
    if t.startswith("DECIMAL"):
        return decimal.Decimal
    if t in ("DOUBLE", "FLOAT", "REAL"):
        return float
    return None
