package io.taskgraph.adapters.web.http;

import io.taskgraph.adapters.web.run.JsonObjects;
import io.taskgraph.application.show.SpecOverview;
import java.util.Map;

/**
 * {@code GET /api/specs/{id}/tasks}: the spec's tasks in spec order, each with its kind and the tasks it depends on,
 * and the problems that would stop a run of it (empty when it can run).
 */
final class SpecTasksJson {
    private SpecTasksJson() {
    }

    static Map<String, Object> of(String specId, SpecOverview overview) {
        return JsonObjects.of("spec_id", specId.strip(), "module", overview.module(),
                "tasks", overview.tasks().stream().map(task -> JsonObjects.of("name", task.name(),
                        "kind", task.kind().label(), "depends_on", task.dependsOn())).toList(),
                "problems", overview.problems());
    }
}
