package io.taskgraph.adapters.cli;

/** A command whose {@code --debug} shows more than stack traces says what, for its {@code --help}. */
public interface DebugHelp {
    /** The description of {@code --debug} in this command's help. */
    String debugDescription();
}
