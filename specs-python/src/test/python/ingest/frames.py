# DataFrame inputs, for a Python with polars and pandas (TASKGRAPH_TEST_PYTHON).
import datetime


def polars_frame():
    import polars as pl
    return pl.DataFrame({
        "id": [1, 2, 3],
        "name": ["a", "b", None],
        "amount": [1.5, 2.5, None],
        "day": [datetime.date(2026, 1, 1), datetime.date(2026, 1, 2), None],
    })


def pandas_frame():
    import pandas as pd
    return pd.DataFrame({"id": [1, 2, 3], "name": ["a", "b", None], "amount": [1.5, None, 3.0]})


def pandas_mixed_frame():
    import pandas as pd
    return pd.DataFrame({"code": [1, 2, "A7"]})  # an object column: Parquet cannot hold it


def unwritable_frame():
    import polars as pl
    return pl.DataFrame({"thing": [object(), object()]}, schema={"thing": pl.Object})


INPUTS = {
    "unwritable": unwritable_frame,
    "polars_input": polars_frame,
    "pandas_input": {"data": pandas_frame, "columns": ["name", "id"]},
    "pandas_mixed": pandas_mixed_frame,
}

TASKS = [{"name": "noop", "prompt": "nothing", "inputs": ["polars_input"], "outputs": ["noop_out"]}]
