"""Ingest path: BENCH_ROWS list[dict] rows x 6 columns (int, float, str, bool, date, nullable str) from a callable."""
import datetime
import os

ROWS = int(os.environ.get("BENCH_ROWS", "1000000"))
DAYS = [datetime.date(2025, 1, 1) + datetime.timedelta(days=d) for d in range(365)]


def load_rows():
    return [{"id": i, "amount": i * 0.25, "name": "customer_%d" % i, "active": i % 3 == 0,
             "day": DAYS[i % 365], "note": None if i % 5 == 0 else "note %d" % (i % 100)}
            for i in range(ROWS)]


INPUTS = {"rows": load_rows}

TASKS = [
    {
        "name": "count",
        "sql": "CREATE VIEW count_out AS SELECT count(*) AS n FROM rows",
        "inputs": ["rows"],
        "outputs": ["count_out"],
    },
]
