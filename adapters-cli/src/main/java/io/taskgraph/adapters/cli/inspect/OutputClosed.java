package io.taskgraph.adapters.cli.inspect;

/**
 * The reader of standard output went away ({@code taskgraph query ... | head}): there is no one to print the rest
 * for, so the query stops instead of reading rows nobody will see.
 */
public final class OutputClosed extends RuntimeException {
    OutputClosed() {
        super("standard output was closed", null, false, false);
    }
}
