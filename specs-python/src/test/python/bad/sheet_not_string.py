INPUTS = {
    "invoices": {"data": "data/book.xlsx", "sheet": 2},
}
TASKS = [
    {"name": "a", "prompt": "p", "inputs": ["invoices"], "outputs": ["a_out"]},
]
