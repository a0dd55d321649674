# The benchmark's rows handed to polars first, as the original tool does with list[dict] inputs.
from ingest.large import TASKS, load_rows  # noqa: F401


def load_frame():
    import polars as pl
    return pl.DataFrame(load_rows())


INPUTS = {"big": load_frame}
