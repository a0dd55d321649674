# A built-in spec used by the web tests: it reads a CSV shipped beside it.
import csv
from pathlib import Path

HERE = Path(__file__).parent


def load_names():
    with open(HERE / "names.csv", newline="") as f:
        return list(csv.DictReader(f))


INPUTS = {"names": {"data": load_names, "columns": ["name", "greeting"]}}

TASKS = [
    {
        "name": "greet",
        "prompt": "[script:greet] Create a view 'greetings' with one row per name: name, message.",
        "inputs": ["names"],
        "outputs": ["greetings"],
        "output_columns": {"greetings": ["name", "message"]},
    },
]
