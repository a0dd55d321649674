# Exports that use every part of the conn proxy; each writes what it saw so the test can check it.
import datetime
import decimal
import json

INPUTS = {"sales": [{"id": 1, "amount": 5}]}
TASKS = [{"name": "a", "prompt": "p", "inputs": ["sales"], "outputs": ["a_out"]}]


def dbapi(conn, path):
    cur = conn.execute("SELECT id, amount, day, price FROM ledger WHERE amount > ? ORDER BY id", [1])
    names = [d[0] for d in cur.description]
    first = cur.fetchone()
    some = cur.fetchmany(1)
    rest = list(cur)
    assert isinstance(first[2], datetime.date), type(first[2])
    assert isinstance(first[3], decimal.Decimal), type(first[3])
    path.write_text(json.dumps({
        "names": names,
        "first": [first[0], first[1], first[2].isoformat(), str(first[3])],
        "some": len(some), "rest": len(rest), "after": cur.fetchone(),
    }))


def relation(conn, path):
    rel = conn.sql("SELECT id, amount FROM ledger ORDER BY id")
    path.write_text(json.dumps({"columns": rel.columns, "rows": [list(r) for r in rel.fetchall()]}))


def timestamps(conn, path):
    ts, tz = conn.execute("SELECT TIMESTAMP '2026-01-31 12:30:45.5' AS ts, "
                          "TIMESTAMPTZ '2026-01-31 12:00:00+02' AS tz").fetchone()
    assert isinstance(ts, datetime.datetime) and ts.tzinfo is None, repr(ts)
    assert isinstance(tz, datetime.datetime) and tz.tzinfo is not None, repr(tz)
    path.write_text(json.dumps({"ts": ts.isoformat(), "tz_utc": tz.astimezone(datetime.timezone.utc).isoformat()}))


def bad_sql(conn, path):
    conn.execute("SELECT * FROM no_such_view")


def frames(conn, path):
    import pandas as pd
    import polars as pl

    by_polars = pl.read_database("SELECT id, amount, day FROM ledger ORDER BY id", conn)
    via_sql = conn.sql("SELECT id, amount FROM ledger ORDER BY id").pl()
    via_pandas = conn.execute("SELECT id, amount FROM ledger ORDER BY id").df()
    assert isinstance(via_pandas, pd.DataFrame)
    path.write_text(json.dumps({
        "polars_columns": by_polars.columns,
        "polars_day_type": str(by_polars.schema["day"]),
        "polars_amounts": by_polars["amount"].to_list(),
        "sql_pl_height": via_sql.height,
        "pandas_sum": int(via_pandas["amount"].sum()),
    }))


EXPORTS = {
    "out/dbapi.json": dbapi,
    "relation.json": relation,
    "timestamps.json": timestamps,
    "bad.json": bad_sql,
}

FRAME_EXPORTS = {"frames.json": frames}
