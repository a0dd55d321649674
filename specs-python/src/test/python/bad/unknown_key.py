INPUTS = {"sales": [{"id": 1}]}

TASKS = [
    {
        "name": "totals",
        "prompt": "Total the sales.",
        "inputs": ["sales"],
        "output": ["sales_totals"],
    },
]
