"""The smallest useful spec: one inline table, one task, one checked output view."""

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
        "prompt": (
            "Build a per-department summary of the employees table as a view named "
            "'department_summary' with one row per department and these columns:\n"
            "- department\n"
            "- headcount: how many employees work there\n"
            "- total_salary: the sum of their salaries\n"
            "- avg_salary: their mean salary, rounded to a whole number\n"
            "Sort the rows by department."
        ),
        "inputs": ["employees"],
        "outputs": ["department_summary"],
        "output_columns": {
            "department_summary": ["department", "headcount", "total_salary", "avg_salary"],
        },
        "validate_sql": [
            "SELECT 'headcounts do not add up to ' || (SELECT count(*) FROM employees) "
            "FROM department_summary HAVING sum(headcount) <> (SELECT count(*) FROM employees)",
        ],
    },
]
