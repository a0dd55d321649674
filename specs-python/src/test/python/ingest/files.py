# File inputs (issue 8): paths relative to the working directory, as str or pathlib.Path.
from pathlib import Path

INPUTS = {
    "csv_input": "data/people.csv",
    "json_input": Path("data/people.json"),
    "ndjson_input": "data/people.ndjson",
    "jsonl_input": {"data": "data/people.jsonl", "columns": ["id", "name"]},
    "xlsx_input": "data/book.xlsx",
}

TASKS = [{"name": "noop", "prompt": "nothing", "inputs": ["csv_input"], "outputs": ["noop_out"]}]
