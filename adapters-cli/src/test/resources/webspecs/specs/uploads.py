# A spec that reads the file uploaded with its run from the folder named by TASKGRAPH_DATA_DIR.
import csv
import os
from pathlib import Path


def load_sales():
    data_dir = Path(os.environ["TASKGRAPH_DATA_DIR"])
    print("reading", (data_dir / "sales.csv").name)
    with open(data_dir / "sales.csv", newline="") as f:
        return [{"region": r["region"], "amount": int(r["amount"])} for r in csv.DictReader(f)]


INPUTS = {"sales": {"data": load_sales, "columns": ["region", "amount"]}}

TASKS = [
    {
        "name": "totals",
        "prompt": "[script:totals] Total the sales per region into 'region_totals'.",
        "inputs": ["sales"],
        "outputs": ["region_totals"],
        "output_columns": {"region_totals": ["region", "total"]},
    },
]
