package io.taskgraph.adapters.cli.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A user's app directory for one test: a pyproject.toml, spec modules under {@code my_app/specs}, git if wanted. */
final class AppDir {
    /** SEED.md's minimal spec, as users write it. The prompt's first line is the fake model's marker. */
    static final String EMPLOYEES = """
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
                        "Summarize employees by department. Create a view 'department_summary' with:\\n"
                        "- department, headcount, total_salary, avg_salary (rounded)\\n"
                    ),
                    "inputs": ["employees"],
                    "outputs": ["department_summary"],
                    "output_columns": {
                        "department_summary": ["department", "headcount", "total_salary", "avg_salary"],
                    },
                },
            ]
            """;
    static final String SUMMARIZE_MARKER = "Summarize employees by department";
    static final String SUMMARY_VIEW = "CREATE VIEW department_summary AS SELECT department, count(*) AS headcount, "
            + "sum(salary) AS total_salary, round(avg(salary)) AS avg_salary FROM employees GROUP BY department "
            + "ORDER BY department";

    private final Path dir;

    AppDir(Path dir) throws IOException {
        this.dir = dir;
        write("pyproject.toml", "[project]\nname = \"my-app\"\nversion = \"0.1.0\"\n");
        write("my_app/__init__.py", "");
        write("my_app/specs/__init__.py", "");
    }

    Path dir() {
        return dir;
    }

    Path path(String relative) {
        return dir.resolve(relative);
    }

    /** Writes {@code my_app/specs/<name>.py}; returns its module name. */
    String spec(String name, String source) throws IOException {
        write("my_app/specs/" + name + ".py", source);
        return "my_app.specs." + name;
    }

    AppDir write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return this;
    }

    /** Makes the directory a git repository with everything committed; returns the commit. */
    String commitAll(String message) throws IOException, InterruptedException {
        if (!Files.isDirectory(dir.resolve(".git"))) {
            git("init", "-q");
            write(".gitignore", "*.db\n*.db.wal\n__pycache__/\n*.jsonl\n");
        }
        git("add", "-A");
        git("-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "-q", "-m", message);
        return git("rev-parse", "HEAD").strip();
    }

    private String git(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process git = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!git.waitFor(30, TimeUnit.SECONDS) || git.exitValue() != 0) {
            throw new AssertionError("git " + String.join(" ", args) + " failed: " + out);
        }
        return out;
    }
}
