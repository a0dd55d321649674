package io.taskgraph.adapters.web;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** One Server-Sent Event as a client receives it. */
public record SseEvent(String id, String event, String data) {
    /** Parses an event stream's lines (comments and retry hints skipped). */
    public static List<SseEvent> parse(Stream<String> lines) {
        List<SseEvent> events = new ArrayList<>();
        String[] current = {null, "message", null};
        StringBuilder data = new StringBuilder();
        lines.forEachOrdered(line -> {
            if (line.isEmpty()) {
                if (current[2] != null) {
                    events.add(new SseEvent(current[0], current[1], data.toString()));
                }
                current[0] = null;
                current[1] = "message";
                current[2] = null;
                data.setLength(0);
            } else if (line.startsWith(":")) {
                return;
            } else {
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                switch (field) {
                    case "id" -> current[0] = value;
                    case "event" -> current[1] = value;
                    case "data" -> {
                        if (current[2] != null) {
                            data.append('\n');
                        }
                        data.append(value);
                        current[2] = "";
                    }
                    default -> { }
                }
            }
        });
        return events;
    }
}
