package io.taskgraph.adapters.web.spec;

import java.util.Locale;

/** A spec the page offers: its id (the dotted module name), its file, and where it comes from. */
public record SpecEntry(String id, String path, Source source) {
    public enum Source {
        /** Shipped inside the jar (the examples). */
        BUILTIN,
        /** A spec module in the server's working directory. */
        WORKSPACE;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
