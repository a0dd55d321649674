package io.taskgraph.domain;

/**
 * What kind of error a {@link TaskgraphException} is, decided once where it is thrown: who can fix it and how.
 * Each adapter maps these categories, and only these, to its own signals (the CLI to exit codes, the web app to
 * HTTP statuses), so an error means the same thing in the terminal and on the web.
 */
public enum ErrorCategory {
    /** The request is wrong and the person who made it can fix it: a flag, the spec, its input data, a file name. */
    BAD_INPUT(true),
    /** Something the request names does not exist: a workspace file, a cassette, a run. */
    NOT_FOUND(true),
    /** The request collides with what is there: an existing output file, a file another program holds open. */
    CONFLICT(true),
    /** Taskgraph is not set up to do this: no API key, a bad model URL, no usable Python, an unwritable folder. */
    SETUP(true),
    /** A service the work depends on failed (the model server, after its retries); trying again later may work. */
    UPSTREAM(false),
    /** A bug in Taskgraph: nothing the user did explains it. */
    INTERNAL(false);

    private final boolean userFixable;

    ErrorCategory(boolean userFixable) {
        this.userFixable = userFixable;
    }

    /** True when the person running Taskgraph can fix the cause (the CLI's exit code 2). */
    public boolean userFixable() {
        return userFixable;
    }

    /** The category of any throwable: a {@link TaskgraphException}'s own, else {@link #INTERNAL}. */
    public static ErrorCategory of(Throwable error) {
        return error instanceof TaskgraphException known ? known.category() : INTERNAL;
    }
}
