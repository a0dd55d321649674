"""run_sql path: one agent task over a 10,000-row table; the scripted model sends every statement."""

REGIONS = ("north", "south", "east", "west")


def load_sales():
    return [{"id": i, "region": REGIONS[i % 4], "amount": (i * 37) % 1000 * 1.5, "units": i % 13}
            for i in range(1, 10_001)]


INPUTS = {"sales": load_sales}

TASKS = [
    {
        "name": "explore",
        "prompt": "[[bench:explore]] Explore the sales and build explore_out(region, total).",
        "inputs": ["sales"],
        "outputs": ["explore_out"],
        "output_columns": {"explore_out": ["region", "total"]},
    },
]
