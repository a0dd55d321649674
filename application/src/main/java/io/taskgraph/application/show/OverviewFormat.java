package io.taskgraph.application.show;

import io.taskgraph.domain.UsageException;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

/** The ways {@code show} can print a {@link SpecOverview}: for people, for programs, and for diagram tools. */
public enum OverviewFormat {
    /** Aligned plain text for the terminal. */
    TEXT(OverviewText::render),
    /** One JSON document with every detail of the overview. */
    JSON(OverviewJson::render),
    /** A Mermaid flowchart to paste into Markdown (GitHub renders it). */
    MERMAID(OverviewDiagrams::mermaid),
    /** A Graphviz digraph: {@code taskgraph show --format dot | dot -Tsvg > dag.svg}. */
    DOT(OverviewDiagrams::dot);

    private final Function<SpecOverview, String> renderer;

    OverviewFormat(Function<SpecOverview, String> renderer) {
        this.renderer = renderer;
    }

    public String render(SpecOverview overview) {
        return renderer.apply(overview);
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OverviewFormat parse(String text) {
        return Arrays.stream(values()).filter(f -> f.label().equalsIgnoreCase(text.strip())).findFirst()
                .orElseThrow(() -> new UsageException("Unknown format '" + text + "'; use text, json, mermaid or dot."));
    }
}
