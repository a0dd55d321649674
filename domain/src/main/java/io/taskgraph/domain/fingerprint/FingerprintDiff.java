package io.taskgraph.domain.fingerprint;

import io.taskgraph.domain.fingerprint.Structure.TaskShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** Compares two structures and says, one sentence each, how the current spec departs from the recorded one. */
final class FingerprintDiff {
    private final List<String> differences = new ArrayList<>();

    private FingerprintDiff() {
    }

    static List<String> between(Structure recorded, Structure current) {
        FingerprintDiff diff = new FingerprintDiff();
        diff.inputs(recorded.inputs(), current.inputs());
        diff.tasks(recorded.tasks(), current.tasks());
        return List.copyOf(diff.differences);
    }

    private void inputs(Map<String, List<String>> recorded, Map<String, List<String>> current) {
        for (String name : union(recorded.keySet(), current.keySet())) {
            List<String> before = recorded.get(name);
            List<String> now = current.get(name);
            if (now == null) {
                differences.add("input '" + name + "' was removed");
            } else if (before == null) {
                differences.add("input '" + name + "' was added");
            } else if (!before.equals(now)) {
                differences.add("input '" + name + "' requires columns " + now + ", was " + before);
            }
        }
    }

    private void tasks(Map<String, TaskShape> recorded, Map<String, TaskShape> current) {
        for (String name : union(recorded.keySet(), current.keySet())) {
            TaskShape before = recorded.get(name);
            TaskShape now = current.get(name);
            if (now == null) {
                differences.add("task '" + name + "' was removed");
            } else if (before == null) {
                differences.add("task '" + name + "' was added");
            } else {
                changed(name, "inputs", before.inputs(), now.inputs());
                changed(name, "outputs", before.outputs(), now.outputs());
                outputColumns(name, before.outputColumns(), now.outputColumns());
            }
        }
    }

    private void changed(String task, String field, List<String> before, List<String> now) {
        if (!before.equals(now)) {
            differences.add("task '" + task + "' " + field + " changed from " + before + " to " + now);
        }
    }

    private void outputColumns(String task, Map<String, List<String>> before, Map<String, List<String>> now) {
        for (String view : union(before.keySet(), now.keySet())) {
            List<String> was = before.getOrDefault(view, List.of());
            List<String> is = now.getOrDefault(view, List.of());
            if (!Objects.equals(was, is)) {
                differences.add("task '" + task + "' output '" + view + "' requires columns " + is + ", was " + was);
            }
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
