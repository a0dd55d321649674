# The contract's EXPORTS fixture: the minimal spec plus two exports, one of which fails.
import csv

from seed.minimal import INPUTS, TASKS  # noqa: F401


def export_summary(conn, path):
    cursor = conn.execute("SELECT department, headcount FROM department_summary ORDER BY department")
    with open(path, "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow([d[0] for d in cursor.description])
        writer.writerows(cursor.fetchall())


def export_broken(conn, path):
    raise LookupError("no such report: quarterly")


EXPORTS = {
    "summary.csv": export_summary,
    "broken.csv": export_broken,
}
