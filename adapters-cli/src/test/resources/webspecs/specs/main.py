# The web tests' main spec: two independent tasks and one that needs both, plus a CSV export.
import csv

INPUTS = {
    "employees": {
        "data": [
            {"id": 1, "name": "Alice", "department": "Engineering", "salary": 120000},
            {"id": 2, "name": "Bob", "department": "Engineering", "salary": 110000},
            {"id": 3, "name": "Carol", "department": "Sales", "salary": 95000},
            {"id": 4, "name": "Dave", "department": "Sales", "salary": 90000},
            {"id": 5, "name": "Eve", "department": "Engineering", "salary": 130000},
            {"id": 6, "name": "Frank", "department": "HR", "salary": 85000},
        ],
        "columns": ["id", "name", "department", "salary"],
    },
}

TASKS = [
    {
        "name": "summarize",
        "prompt": "[script:summarize] Summarize employees by department into 'department_summary'.",
        "inputs": ["employees"],
        "outputs": ["department_summary"],
        "output_columns": {"department_summary": ["department", "headcount", "total_salary"]},
    },
    {
        "name": "top_earners",
        "prompt": "[script:top_earners] List the best paid employee of each department in 'top_earners'.",
        "inputs": ["employees"],
        "outputs": ["top_earners"],
    },
    {
        "name": "report",
        "prompt": "[script:report] Join the summary and the top earners into 'department_report'.",
        "inputs": ["department_summary", "top_earners"],
        "outputs": ["department_report"],
    },
]


def export_summary(conn, path):
    cursor = conn.execute("SELECT department, headcount, total_salary FROM department_summary ORDER BY department")
    with open(path, "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow([d[0] for d in cursor.description])
        writer.writerows(cursor.fetchall())


EXPORTS = {"summary.csv": export_summary}
