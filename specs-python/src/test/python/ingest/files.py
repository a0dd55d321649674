# File inputs (issue 8): paths relative to the working directory, as str or pathlib.Path.
from pathlib import Path

INPUTS = {
    "csv_input": "data/people.csv",
    "json_input": Path("data/people.json"),
    "ndjson_input": "data/people.ndjson",
    "jsonl_input": {"data": "data/people.jsonl", "columns": ["id", "name"]},
    "xlsx_input": "data/book.xlsx",
    "xlsx_sheet": {"data": Path("data/book.xlsx"), "sheet": "People", "columns": ["id", "name"]},
    "xlsx_from_loader": {"data": lambda: "data/book.xlsx", "sheet": "People"},
    "sheet_of_rows": {"data": lambda: [{"id": 1}], "sheet": "People"},
    # A dict of column lists whose columns happen to be called "data" and "sheet" is column data, not the rich form.
    "columns_named_like_keys": {"data": [1, 2], "sheet": ["a", "b"]},
    "parquet_input": "data/people.parquet",  # written by the test
}

TASKS = [{"name": "noop", "prompt": "nothing", "inputs": ["csv_input"], "outputs": ["noop_out"]}]
