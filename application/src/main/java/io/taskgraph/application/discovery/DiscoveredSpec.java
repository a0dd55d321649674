package io.taskgraph.application.discovery;

/** The spec module to load and how it was chosen (said back to the user when it was not explicit). */
public record DiscoveredSpec(String module, Source source) {
    /** Where the module name came from, in discovery order. */
    public enum Source {
        /** Given on the command line ({@code --spec}) or in the web form. */
        EXPLICIT("given explicitly"),
        /** {@code [tool.taskgraph].spec} in {@code ./pyproject.toml}. */
        PYPROJECT("from [tool.taskgraph].spec in pyproject.toml"),
        /** The {@code specs/main.py} convention that {@code taskgraph init} scaffolds. */
        CONVENTION("found specs/main.py");

        private final String description;

        Source(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }
}
