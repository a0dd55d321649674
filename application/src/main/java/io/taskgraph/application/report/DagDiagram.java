package io.taskgraph.application.report;

import io.taskgraph.application.inspect.RecordedRun;
import io.taskgraph.application.inspect.RecordedTask;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The run's graph as an inline SVG, drawn left to right in layers: the input tables first, then each task one layer
 * after the last of what it reads. Tasks are coloured by status (and say it in words) and link to their section;
 * within a layer, nodes are ordered by where their inputs sit, which keeps edges from crossing in common shapes.
 */
final class DagDiagram {
    private static final int NODE_HEIGHT = 46;
    private static final int GAP_X = 56;
    private static final int GAP_Y = 18;
    private static final int PAD = 12;
    private static final double CHAR_WIDTH = 7.8;
    private static final int MAX_NAME_CHARS = 30;

    private record Node(String name, boolean input, String label, String cssClass, String href) {
    }

    private DagDiagram() {
    }

    static String svg(RecordedRun run, Map<String, String> anchors) {
        Map<String, Node> nodes = new LinkedHashMap<>();
        Map<String, List<String>> predecessors = new LinkedHashMap<>();
        Set<String> produced = new LinkedHashSet<>();
        run.tasks().forEach(t -> produced.addAll(t.outputs()));
        for (RecordedTask task : run.tasks()) {
            for (String input : task.inputs()) {
                if (!produced.contains(input) && !nodes.containsKey("input:" + input)) {
                    Long rows = run.inputRowCounts().get(input);
                    nodes.put("input:" + input, new Node(input, true, rows == null ? "input"
                            : rows + (rows == 1 ? " row" : " rows"), "node input", null));
                    predecessors.put("input:" + input, List.of());
                }
            }
        }
        for (RecordedTask task : run.tasks()) {
            String key = "task:" + task.name();
            String status = task.statusLabel();
            nodes.put(key, new Node(task.name(), false, status,
                    "node task status-" + status.replace(' ', '-').toLowerCase(Locale.ROOT), "#" + anchors.get(task.name())));
            List<String> before = new ArrayList<>();
            task.dependsOn().forEach(dep -> before.add("task:" + dep));
            task.inputs().stream().filter(i -> !produced.contains(i)).forEach(i -> before.add("input:" + i));
            predecessors.put(key, before);
        }
        return draw(nodes, predecessors, run.tasks().size());
    }

    private static String draw(Map<String, Node> nodes, Map<String, List<String>> predecessors, int taskCount) {
        Map<String, Integer> layer = new HashMap<>();
        nodes.keySet().forEach(key -> layerOf(key, predecessors, layer, new LinkedHashSet<>()));
        List<List<String>> layers = orderedLayers(nodes, predecessors, layer);

        int longest = nodes.values().stream().mapToInt(n -> Math.min(MAX_NAME_CHARS, n.name().length())).max().orElse(8);
        int nodeWidth = (int) Math.max(110, Math.min(270, longest * CHAR_WIDTH + 26));
        int rows = layers.stream().mapToInt(List::size).max().orElse(1);
        int width = PAD * 2 + layers.size() * nodeWidth + Math.max(0, layers.size() - 1) * GAP_X;
        int height = PAD * 2 + rows * NODE_HEIGHT + Math.max(0, rows - 1) * GAP_Y;
        Map<String, int[]> position = new HashMap<>();
        for (int l = 0; l < layers.size(); l++) {
            List<String> column = layers.get(l);
            int offset = (rows - column.size()) * (NODE_HEIGHT + GAP_Y) / 2;
            for (int r = 0; r < column.size(); r++) {
                position.put(column.get(r), new int[] {PAD + l * (nodeWidth + GAP_X),
                    PAD + offset + r * (NODE_HEIGHT + GAP_Y)});
            }
        }

        Html svg = new Html();
        svg.raw("<svg class=\"dag\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"dag-title\"")
                .attribute("viewBox", "0 0 " + width + " " + height).attribute("width", Integer.toString(width))
                .attribute("height", Integer.toString(height)).raw(">")
                .raw("<title id=\"dag-title\">").text("Task graph: " + taskCount + (taskCount == 1 ? " task" : " tasks"))
                .raw("</title><defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" "
                        + "markerHeight=\"7\" orient=\"auto\"><path class=\"arrowhead\" d=\"M0,0 L10,5 L0,10 z\"/>"
                        + "</marker></defs><g class=\"edges\">");
        predecessors.forEach((to, froms) -> {
            for (String from : froms) {
                int[] a = position.get(from);
                int[] b = position.get(to);
                int x1 = a[0] + nodeWidth;
                int y1 = a[1] + NODE_HEIGHT / 2;
                int x2 = b[0];
                int y2 = b[1] + NODE_HEIGHT / 2;
                int bend = Math.max(GAP_X / 2, (x2 - x1) / 2);
                svg.raw("<path class=\"edge" + (from.startsWith("input:") ? " from-input" : "") + "\"")
                        .attribute("d", "M" + x1 + "," + y1 + " C" + (x1 + bend) + "," + y1 + " " + (x2 - bend) + ","
                                + y2 + " " + x2 + "," + y2)
                        .attribute("data-from", nodes.get(from).name()).attribute("data-to", nodes.get(to).name())
                        .raw(" marker-end=\"url(#arrow)\"/>");
            }
        });
        svg.raw("</g><g class=\"nodes\">");
        nodes.forEach((key, node) -> node(svg, node, position.get(key), nodeWidth));
        return svg.raw("</g></svg>").toString();
    }

    private static void node(Html svg, Node node, int[] at, int width) {
        String shown = node.name().length() <= MAX_NAME_CHARS ? node.name()
                : node.name().substring(0, MAX_NAME_CHARS - 1) + "…";
        if (node.href() != null) {
            svg.raw("<a").attribute("href", node.href()).attribute("class", node.cssClass())
                    .attribute("data-task", node.name()).raw(">");
        } else {
            svg.raw("<g").attribute("class", node.cssClass()).attribute("data-input", node.name()).raw(">");
        }
        svg.raw("<title>").text(node.name() + ": " + node.label()).raw("</title>")
                .raw("<rect").attribute("x", Integer.toString(at[0])).attribute("y", Integer.toString(at[1]))
                .attribute("width", Integer.toString(width)).attribute("height", Integer.toString(NODE_HEIGHT))
                .raw(" rx=\"7\"/>")
                .raw("<text class=\"name\"").attribute("x", Integer.toString(at[0] + 12))
                .attribute("y", Integer.toString(at[1] + 19)).raw(">").text(shown).raw("</text>")
                .raw("<text class=\"state\"").attribute("x", Integer.toString(at[0] + 12))
                .attribute("y", Integer.toString(at[1] + 36)).raw(">").text(node.label()).raw("</text>")
                .raw(node.href() != null ? "</a>" : "</g>");
    }

    /** Inputs sit in layer 0; a node sits one layer after the last of its predecessors. Cycles cannot loop forever. */
    private static int layerOf(String key, Map<String, List<String>> predecessors, Map<String, Integer> layer,
                               Set<String> visiting) {
        Integer known = layer.get(key);
        if (known != null) {
            return known;
        }
        if (!visiting.add(key)) {
            return 0;
        }
        int value = 0;
        for (String before : predecessors.getOrDefault(key, List.of())) {
            value = Math.max(value, layerOf(before, predecessors, layer, visiting) + 1);
        }
        visiting.remove(key);
        layer.put(key, value);
        return value;
    }

    /** Nodes by layer; from the second layer on, sorted by the mean row of their predecessors (spec order on ties). */
    private static List<List<String>> orderedLayers(Map<String, Node> nodes, Map<String, List<String>> predecessors,
                                                    Map<String, Integer> layer) {
        int count = layer.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        List<List<String>> layers = new ArrayList<>();
        for (int l = 0; l < count; l++) {
            layers.add(new ArrayList<>());
        }
        List<String> order = new ArrayList<>(nodes.keySet());
        order.forEach(key -> layers.get(layer.get(key)).add(key));
        Map<String, Integer> row = new HashMap<>();
        for (List<String> column : layers) {
            column.sort(Comparator.comparingDouble((String key) -> meanRow(predecessors.get(key), row))
                    .thenComparingInt(order::indexOf));
            for (int r = 0; r < column.size(); r++) {
                row.put(column.get(r), r);
            }
        }
        layers.removeIf(List::isEmpty);
        return layers;
    }

    private static double meanRow(List<String> predecessors, Map<String, Integer> row) {
        return predecessors == null || predecessors.isEmpty() ? -1
                : predecessors.stream().mapToInt(p -> row.getOrDefault(p, 0)).average().orElse(-1);
    }
}
