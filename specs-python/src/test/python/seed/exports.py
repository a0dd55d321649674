# SEED.md's export example: a polars export reading a view through the connection it is given.
from seed.diamond import INPUTS, TASKS  # noqa: F401 - the diamond's inputs and tasks


def export_report(conn, path):
    import polars as pl
    df = pl.read_database("SELECT * FROM profit_report", conn)
    df.write_csv(path)


EXPORTS = {
    "report.csv": export_report,
}
