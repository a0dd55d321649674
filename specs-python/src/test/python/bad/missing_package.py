import polarz as pl  # a typo for polars

INPUTS = {}
TASKS = []
